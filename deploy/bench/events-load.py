#!/usr/bin/env python3
"""Event ingest load for events-bench.sh: POSTs generated events (deterministic by seed) with an API key.

Usage: events-load.py URL KEY CUSTOMERS SECONDS CONCURRENCY BATCH SEED
BATCH 1 posts /api/events one by one, otherwise /api/events/batch. Mix: 55% page/product views and searches,
25% purchases (1-4 items over 12 categories), 10% opened/clicked, 5% cart abandoned on the app (fires the shipped
trigger table), 5% consent changes. Event times spread over the last 300 days, so aggregates see out-of-order arrival.
Prints one line: RESULT events_per_s=... calls=... p50_ms=... p99_ms=... errors=...
"""
import json, random, sys, threading, time, urllib.request, datetime

url, key, customers, seconds, conc, batch, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), \
    int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
NOW = datetime.datetime.now(datetime.timezone.utc)
CATS = ["coffee", "bakery", "electronics", "health-beauty", "travel", "grocery", "baby", "pet", "wine", "produce",
        "fashion", "garden"]

def event(rng, n):
    cid = "C%07d" % rng.randint(1, customers)
    at = (NOW - datetime.timedelta(seconds=rng.randint(0, 300 * 86400))).strftime("%Y-%m-%dT%H:%M:%SZ")
    e = {"eventId": "bench-%d-%d" % (seed, n), "customerId": cid, "occurredAt": at}
    r = rng.random()
    if r < 0.55:
        e.update(type=rng.choice(["page-view", "product-view", "search"]), channel=rng.choice(["web", "mobile-app"]))
        if e["type"] == "search":
            e["query"] = "q%d" % rng.randint(1, 500)
        else:
            e["page"] = "/p/%d" % rng.randint(1, 2000)
    elif r < 0.80:
        items = [{"item": "sku-%d" % rng.randint(1, 300), "category": rng.choice(CATS),
                  "quantity": rng.randint(1, 3), "price": round(rng.uniform(1, 60), 2)} for _ in range(rng.randint(1, 4))]
        e.update(type="purchase", channel=rng.choice(["in-store", "web", "mobile-app"]), items=items)
    elif r < 0.90:
        e.update(type=rng.choice(["opened", "clicked"]), channel=rng.choice(["email", "push", "sms"]))
    elif r < 0.95:
        e.update(type="cart-abandoned", channel="mobile-app", occurredAt=NOW.strftime("%Y-%m-%dT%H:%M:%SZ"))
    else:
        e.update(type="consent-changed", channel=rng.choice(["email", "sms", "push"]), granted=rng.random() < 0.7)
    return e

lock = threading.Lock()
latencies, errors, sent = [], [0], [0]
deadline = time.time() + seconds

def worker(w):
    rng = random.Random(seed * 1000 + w)
    n = w * 10_000_000
    while time.time() < deadline:
        events = []
        for _ in range(batch):
            n += 1
            events.append(event(rng, n))
        body = json.dumps(events[0] if batch == 1 else {"events": events}).encode()
        req = urllib.request.Request(url + ("/api/events" if batch == 1 else "/api/events/batch"), data=body,
                                     headers={"Content-Type": "application/json", "X-API-Key": key})
        t0 = time.time()
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                resp.read()
                ok = resp.status in (200, 201)
        except Exception as ex:  # noqa: BLE001
            ok = False
            if errors[0] < 3:
                print("error:", ex, file=sys.stderr)
        dt = (time.time() - t0) * 1000
        with lock:
            latencies.append(dt)
            if ok:
                sent[0] += batch
            else:
                errors[0] += 1

start = time.time()
threads = [threading.Thread(target=worker, args=(w,)) for w in range(conc)]
[t.start() for t in threads]
[t.join() for t in threads]
elapsed = time.time() - start
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else 0
print("RESULT events_per_s=%.0f calls=%d p50_ms=%.1f p99_ms=%.1f errors=%d" % (sent[0] / elapsed, len(latencies),
                                                                            p(0.5), p(0.99), errors[0]))
