#!/usr/bin/env bash
# Outbound allocation benchmark (docs/benchmarks.md): dual prices on a sample, then 1,000,000 generated customers x
# 200 offers assigned on 2 threads, against first-come greedy; time, peak heap, value, bound and gap.
# Usage: deploy/bench/allocation-bench.sh [-Dbench.customers=1000000 -Dbench.sample=50000 -Dbench.threads=2 ...]
# Options (system properties): bench.customers, bench.offers, bench.options, bench.volumeLimited, bench.budgetLimited,
# bench.sample, bench.threads, bench.margins, bench.seed (see io.nbo.bench.AllocationBench).
set -euo pipefail
cd "$(dirname "$0")/../.."
# Compile main + src/bench/java (profile 'bench'); no tests, no Quarkus packaging.
./mvnw -B -q -Pbench process-classes
CP="target/bench-build/classes:$(cat target/bench-build/bench.classpath)"
exec java -Xms1g -Xmx1g -cp "$CP" "$@" io.nbo.bench.AllocationBench
