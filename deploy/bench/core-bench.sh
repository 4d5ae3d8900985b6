#!/usr/bin/env bash
# Decision core benchmark (docs/benchmarks.md): our pipeline vs plain Drools vs hand-written Java, one JMH run.
# Usage: deploy/bench/core-bench.sh [-Dbench.rows=5000 -Dbench.offers=1000 -Dbench.customers=1000000 ...]
# Options (system properties): bench.customers, bench.offers, bench.rows, bench.seed, bench.pool, bench.agree,
# bench.warmup, bench.measure, bench.seconds, bench.forks, bench.jvmArgs (see io.nbo.bench.CoreBench).
set -euo pipefail
cd "$(dirname "$0")/../.."
# Compile main + src/bench/java with JMH (profile 'bench'); no tests, no Quarkus packaging.
./mvnw -B -q -Pbench process-classes
CP="target/bench-build/classes:$(cat target/bench-build/bench.classpath)"
exec java -Xms1g -Xmx2g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" "$@" io.nbo.bench.CoreBench
