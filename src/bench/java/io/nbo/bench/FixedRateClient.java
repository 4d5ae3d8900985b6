package io.nbo.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop, fixed-rate load generator for POST /api/decisions (wrk has no fixed-rate mode and wrk2 is not packaged
 * for Debian), built like wrk2: {@code connections} keep-alive HTTP/1.1 connections, each on its own thread; request
 * i is due at {@code start + i / rate} and goes on connection {@code i % connections}. Its latency is measured from
 * that intended send time, so when the server stalls the requests queued behind the stall count their wait (no
 * coordinated omission). Requests not sent or answered by the end count with their age at the end.
 *
 * <p>Usage: FixedRateClient URL RATE SECONDS CUSTOMERS [CONNECTIONS]. Prints one RESULT line (as decisions.lua does).
 */
public final class FixedRateClient {

    /** The channel client's API key the server under test knows (deploy/bench/http-bench.sh sets both). */
    private static final String API_KEY = System.getenv().getOrDefault("NBO_BENCH_API_KEY", "nbo-bench-key");

    private static final String[] TOUCHPOINTS = {"web", "mobile-app", "email", "sms", "push", "call-centre",
            "social", "in-store"};

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int customers = Integer.parseInt(args[3]);
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        int total = rate * seconds;
        long[] latency = new long[total];
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime() + 100_000_000L;
        long deadline = start + seconds * 1_000_000_000L + 5_000_000_000L;
        Thread[] lanes = new Thread[connections];
        for (int k = 0; k < connections; k++) {
            int lane = k;
            lanes[k] = new Thread(() -> run(uri, rate, total, customers, connections, lane, start, deadline, latency,
                    errors), "lane-" + k);
            lanes[k].start();
        }
        for (Thread t : lanes) {
            t.join();
        }
        long end = System.nanoTime();
        int unfinished = 0;
        for (int i = 0; i < total; i++) {
            if (latency[i] == 0) {
                latency[i] = end - due(start, i, rate);
                unfinished++;
            }
        }
        Arrays.sort(latency);
        double elapsed = (end - start) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT requests=%d seconds=%.1f rps=%.0f target_rps=%d connections=%d "
                        + "p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f errors_status=%d unfinished=%d%n",
                total - unfinished, elapsed, (total - unfinished) / elapsed, rate, connections, pct(latency, 50),
                pct(latency, 99), pct(latency, 99.9), latency[total - 1] / 1e6, errors.get(), unfinished);
    }

    private static void run(URI uri, int rate, int total, int customers, int connections, int lane, long start,
                            long deadline, long[] latency, AtomicInteger errors) {
        SplittableRandom rnd = new SplittableRandom(4242 + lane);
        Socket socket = null;
        InputStream in = null;
        try {
            for (int i = lane; i < total && System.nanoTime() < deadline; i += connections) {
                long due = due(start, i, rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (socket == null) {
                    socket = new Socket(uri.getHost(), uri.getPort());
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(10_000);
                    in = new BufferedInputStream(socket.getInputStream(), 16_384);
                }
                String body = String.format(Locale.ROOT, "{\"customerId\":\"C%07d\",\"touchpoint\":\"%s\","
                                + "\"context\":{\"page\":\"home\",\"localTime\":\"%02d:%02d\"},\"limit\":3}",
                        1 + rnd.nextInt(customers), TOUCHPOINTS[i % TOUCHPOINTS.length], rnd.nextInt(24),
                        rnd.nextInt(60));
                try {
                    int status = exchange(socket, in, uri, body);
                    latency[i] = Math.max(1, System.nanoTime() - due);
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                } catch (IOException e) {
                    latency[i] = Math.max(1, System.nanoTime() - due);
                    errors.incrementAndGet();
                    socket.close();
                    socket = null;
                }
            }
        } catch (IOException e) {
            errors.incrementAndGet();
        } finally {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing at the end
            }
        }
    }

    private static int exchange(Socket socket, InputStream in, URI uri, String body) throws IOException {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nX-API-Key: " + API_KEY + "\r\nContent-Length: " + payload.length + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(payload);
        out.flush();
        String status = line(in);
        int code = Integer.parseInt(status.split(" ")[1]);
        int length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).trim(), 16)) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            skip(in, length);
        }
        return code;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static void skip(InputStream in, int n) throws IOException {
        byte[] buf = new byte[Math.min(n, 8192)];
        while (n > 0) {
            int r = in.read(buf, 0, Math.min(n, buf.length));
            if (r < 0) {
                throw new IOException("connection closed");
            }
            n -= r;
        }
    }

    private static long due(long start, int i, int rate) {
        return start + (long) (i * (1e9 / rate));
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private FixedRateClient() {
    }
}
