package io.nbo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbo.offer.Offer;
import io.nbo.offer.rest.OfferPayload;
import io.nbo.profile.CustomerProfile;
import io.nbo.sample.CustomerGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts the core benchmark's {@link Workload} (1,000 offers, 5,000 rows, seed 42 by default) into a running server
 * through its public API, for deploy/bench/http-bench.sh (WORKLOAD=generated), and warms a hot set of customers.
 *
 * <pre>
 * HttpWorkload load URL ADMIN_PASSWORD SEED OFFERS ROWS CUSTOMERS
 *   checks that the server's customers are CustomerGenerator(SEED)'s (a sample of ids across 1..CUSTOMERS), creates
 *   or updates the OFFERS offers (POST /api/offers, PUT on 409), uploads the ROWS-row table as admin
 *   (PUT /api/rulesets/generated-SEED.drl.csv), waits until GET /api/rulesets lists it in the live version, then
 *   until the background reference check has a verdict; prints how long each step took.
 * HttpWorkload warm URL FIRST LAST THREADS
 *   one decision for every customer C{FIRST}..C{LAST} (profile and contact history cached), in THREADS threads.
 * </pre>
 */
public final class HttpWorkload {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** The channel client's key decisions are asked with (deploy/bench/http-bench.sh sets it and its hash). */
    private static final String API_KEY = System.getenv().getOrDefault("NBO_BENCH_API_KEY", "nbo-bench-key");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        BenchLogging.quiet();
        switch (args[0]) {
            case "load" -> load(URI.create(args[1]), args[2], Long.parseLong(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "warm" -> warm(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("usage: HttpWorkload load|warm ...");
        }
    }

    private static void load(URI base, String password, long seed, int offerCount, int rowCount, int customers)
            throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                .getBytes(StandardCharsets.UTF_8));
        checkCustomers(base, auth, seed, customers);

        long t0 = System.nanoTime();
        Workload workload = new Workload(seed, offerCount, rowCount);
        byte[] csv = workload.csv().getBytes(StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "workload: %d offers, %d rows, %,d bytes of CSV (seed %d), generated in %d ms%n",
                offerCount, rowCount, csv.length, seed, ms(t0));

        long t1 = System.nanoTime();
        int created = 0;
        int updated = 0;
        for (Offer offer : workload.offers()) {
            String body = JSON.writeValueAsString(OfferPayload.from(offer));
            HttpResponse<String> post = send(json(base.resolve("/api/offers"), auth).POST(body(body)));
            if (post.statusCode() == 201) {
                created++;
            } else if (post.statusCode() == 409) {
                expect(send(json(base.resolve("/api/offers/" + offer.id()), auth).PUT(body(body))), 200);
                updated++;
            } else {
                expect(post, 201);
            }
        }
        System.out.printf(Locale.ROOT, "offers: %d created, %d updated in %d ms%n", created, updated, ms(t1));

        String name = workload.source().name();
        long t2 = System.nanoTime();
        HttpResponse<String> upload = send(HttpRequest.newBuilder(base.resolve("/api/rulesets/" + name))
                .header("Authorization", auth).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(10)).PUT(HttpRequest.BodyPublishers.ofByteArray(csv)));
        expect(upload, 200);
        long answered = ms(t2);
        JsonNode result = JSON.readTree(upload.body());
        String version = result.path("version").asText();
        JsonNode live = waitFor(base, auth, node -> version.equals(node.path("version").asText())
                && listed(node, name), Duration.ofMinutes(10));
        long goneLive = ms(t2);
        System.out.printf(Locale.ROOT, "upload %s: PUT answered in %d ms (changed=%s, %d rules, %d warnings), live in "
                        + "GET /api/rulesets after %d ms (version %s, %d files)%n", name, answered,
                result.path("changed").asText(), result.path("ruleCount").asInt(), result.path("warnings").size(),
                goneLive, version, live.path("files").size());
        JsonNode checked = waitFor(base, auth, node -> !version.equals(node.path("reference").path("version").asText())
                || !"checking".equals(node.path("reference").path("state").asText()), Duration.ofMinutes(15));
        JsonNode reference = checked.path("reference");
        System.out.printf(Locale.ROOT, "reference check (Drools, background): %s on %d situations, %d differences, "
                        + "verdict %d ms after the upload%s%n", reference.path("state").asText(),
                reference.path("situations").asInt(), reference.path("differences").asInt(), ms(t2),
                reference.path("examples").isEmpty() ? "" : " " + reference.path("examples"));
        sampleDecisions(base, customers);
    }

    /** A few default (lean) decisions over the population: the generated rows must be what answers. */
    private static void sampleDecisions(URI base, int customers) throws Exception {
        int samples = Math.min(200, customers);
        int generated = 0;
        int offers = 0;
        int fired = 0;
        for (int k = 0; k < samples; k++) {
            int index = 1 + (int) ((long) k * 7919 % customers);
            String body = String.format(Locale.ROOT, "{\"customerId\":\"%s\",\"touchpoint\":\"%s\","
                            + "\"context\":{\"page\":\"home\",\"localTime\":\"12:00\"},\"limit\":3}",
                    CustomerGenerator.id(index), Workload.TOUCHPOINTS[k % Workload.TOUCHPOINTS.length].code());
            HttpResponse<String> got = send(HttpRequest.newBuilder(base.resolve("/api/decisions")).header("X-API-Key", API_KEY)
                    .header("Content-Type", "application/json").POST(body(body)));
            expect(got, 200);
            JsonNode answer = JSON.readTree(got.body());
            offers += answer.path("offers").size();
            fired += answer.path("firedRules").size();
            for (JsonNode offer : answer.path("offers")) {
                if (offer.path("offerId").asText().startsWith("OFF-")) {
                    generated++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "sample of %d decisions: %.2f offers returned (%.2f of them generated), %.1f "
                + "rules fired per decision%n", samples, offers / (double) samples, generated / (double) samples,
                fired / (double) samples);
    }

    /** The server must hold CustomerGenerator(seed)'s customers: the rows test the values it produces. */
    private static void checkCustomers(URI base, String auth, long seed, int customers) throws Exception {
        CustomerGenerator generator = new CustomerGenerator(seed);
        int samples = Math.min(50, customers);
        for (int k = 0; k < samples; k++) {
            int index = 1 + (int) ((long) k * (customers - 1) / Math.max(1, samples - 1));
            CustomerProfile expected = generator.customer(index);
            HttpResponse<String> got = send(json(base.resolve("/api/customers/" + expected.id()), auth).GET());
            expect(got, 200);
            JsonNode held = JSON.readTree(got.body());
            boolean same = held.path("age").asInt() == expected.age()
                    && Objects.equals(held.path("region").asText(), expected.region())
                    && Objects.equals(held.path("lifecycleStage").asText(), expected.lifecycleStage())
                    && Objects.equals(held.path("engagement").asText(), expected.engagement())
                    && held.path("monetary").decimalValue().compareTo(expected.monetary()) == 0
                    && held.path("segments").size() == expected.segments().size();
            if (!same) {
                throw new IllegalStateException("customer " + expected.id() + " on the server is not CustomerGenerator("
                        + seed + ")'s: " + held + "; drop the database (it keeps the customers of an earlier run) or "
                        + "set the same seed");
            }
        }
        System.out.printf(Locale.ROOT, "customers: %d sampled ids across C%07d..C%07d match CustomerGenerator(%d)%n",
                samples, 1, customers, seed);
    }

    private static void warm(URI base, int first, int last, int threads) throws Exception {
        long t0 = System.nanoTime();
        String[] touchpoints = {"web", "mobile-app", "email", "sms", "push", "call-centre", "social", "in-store"};
        AtomicInteger next = new AtomicInteger(first);
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> lanes = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            lanes.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i <= last; i = next.getAndIncrement()) {
                    String body = String.format(Locale.ROOT, "{\"customerId\":\"%s\",\"touchpoint\":\"%s\","
                                    + "\"context\":{\"page\":\"home\",\"localTime\":\"12:00\"},\"limit\":3}",
                            CustomerGenerator.id(i), touchpoints[i % touchpoints.length]);
                    try {
                        if (send(HttpRequest.newBuilder(base.resolve("/api/decisions")).header("X-API-Key", API_KEY)
                                .header("Content-Type", "application/json").POST(body(body))).statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> lane : lanes) {
            lane.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "warmed C%07d..C%07d (%d decisions, %d errors) in %d ms%n", first, last,
                last - first + 1, errors.get(), ms(t0));
    }

    private static JsonNode waitFor(URI base, String auth, java.util.function.Predicate<JsonNode> done,
                                    Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<String> got = send(json(base.resolve("/api/rulesets"), auth).GET());
            expect(got, 200);
            JsonNode node = JSON.readTree(got.body());
            if (done.test(node)) {
                return node;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("gave up waiting after " + timeout + "; GET /api/rulesets: " + node);
            }
            Thread.sleep(100);
        }
    }

    private static boolean listed(JsonNode live, String name) {
        for (JsonNode file : live.path("files")) {
            if (name.equals(file.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static HttpRequest.Builder json(URI uri, String auth) {
        return HttpRequest.newBuilder(uri).header("Authorization", auth).header("Content-Type", "application/json")
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60));
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            String body = response.body();
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): "
                    + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private HttpWorkload() {
    }
}
