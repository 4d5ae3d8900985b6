package io.nbo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop, fixed-rate load generator for POST /api/decisions (wrk has no fixed-rate mode and wrk2 is not packaged
 * for Debian). Request i is due at {@code start + i / rate} whether or not earlier answers came back, and its latency
 * is measured from that intended send time, so a server stall shows up in the percentiles instead of silently
 * slowing the client down (no coordinated omission).
 * Requests still unanswered at the end count with their age so far.
 *
 * <p>Usage: FixedRateClient URL RATE SECONDS CUSTOMERS. Prints one RESULT line (the format of decisions.lua).
 */
public final class FixedRateClient {

    private static final String[] TOUCHPOINTS = {"web", "mobile-app", "email", "sms", "push", "call-centre",
            "social", "in-store"};

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int customers = Integer.parseInt(args[3]);
        int total = rate * seconds;
        long[] latencyNanos = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(total);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newFixedThreadPool(2)).build();
        SplittableRandom rnd = new SplittableRandom(4242);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * (1e9 / rate));
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String body = String.format(Locale.ROOT, "{\"customerId\":\"C%07d\",\"touchpoint\":\"%s\",\"context\":"
                            + "{\"page\":\"home\",\"localTime\":\"%02d:%02d\"},\"limit\":3}", 1 + rnd.nextInt(customers),
                    TOUCHPOINTS[i % TOUCHPOINTS.length], rnd.nextInt(24), rnd.nextInt(60));
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int slot = i;
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencyNanos[slot] = System.nanoTime() - due;
                if (failure != null) {
                    if (failure.getCause() instanceof java.net.http.HttpTimeoutException) {
                        timeouts.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                } else if (response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                finished.countDown();
            });
        }
        boolean all = finished.await(10, TimeUnit.SECONDS);
        long now = System.nanoTime();
        double elapsed = (now - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencyNanos, total);
        for (int i = 0; i < total; i++) {
            if (sorted[i] == 0) {
                sorted[i] = now - (start + (long) (i * (1e9 / rate)));
            }
        }
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "RESULT requests=%d seconds=%.1f rps=%.0f target_rps=%d p50_ms=%.2f "
                        + "p99_ms=%.2f p999_ms=%.2f max_ms=%.2f errors_status=%d errors_timeout=%d unfinished=%d%n",
                total, elapsed, total / elapsed, rate, pct(sorted, 50), pct(sorted, 99), pct(sorted, 99.9),
                sorted[total - 1] / 1e6, errors.get(), timeouts.get(), all ? 0 : finished.getCount());
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private FixedRateClient() {
    }
}
