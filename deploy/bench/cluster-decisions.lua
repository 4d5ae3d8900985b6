-- wrk script for deploy/bench/cluster-bench.sh: POST /api/decisions for visitors V1..V<N> (N from the env
-- NBO_BENCH_VISITORS, default 5000) at the web, app and store touchpoints; prints requests, errors and p50/p99 in one
-- line the script parses ("RESULT requests=... non2xx=... p50_ms=... p99_ms=...").
local visitors = tonumber(os.getenv("NBO_BENCH_VISITORS") or "5000")
local touchpoints = {"web", "mobile-app", "in-store"}
local counter = 0

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-API-Key"] = "nbo-dev-key"
end

function request()
  counter = counter + 1
  local body = string.format('{"customerId": "V%d", "touchpoint": "%s"}', math.random(1, visitors),
      touchpoints[(counter % #touchpoints) + 1])
  return wrk.format(nil, "/api/decisions", nil, body)
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.2f non2xx=%d p50_ms=%.2f p99_ms=%.2f\n", summary.requests,
      summary.duration / 1e6, non2xx, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
