-- wrk script for deploy/bench/http-bench.sh: POST /api/decisions for customers spread over C0000001..C<N>
-- (N from the env NBO_BENCH_CUSTOMERS), touchpoints in turn, a context and a local time; prints p50/p99/p99.9
-- and the error counts in one line the script parses.
local customers = tonumber(os.getenv("NBO_BENCH_CUSTOMERS") or "100000")
local touchpoints = {"web", "mobile-app", "email", "sms", "push", "call-centre", "social", "in-store"}
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(4242 + id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-API-Key"] = os.getenv("NBO_BENCH_API_KEY") or "nbo-bench-key"
end

function request()
  counter = counter + 1
  local customer = string.format("C%07d", math.random(1, customers))
  local touchpoint = touchpoints[(counter % #touchpoints) + 1]
  local body = string.format(
    '{"customerId":"%s","touchpoint":"%s","context":{"page":"home","localTime":"%02d:%02d"},"limit":3}',
    customer, touchpoint, math.random(0, 23), math.random(0, 59))
  return wrk.format(nil, "/api/decisions", nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f " ..
    "errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout))
end
