package io.nbo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The server as it ships: {@code target/quarkus-app/quarkus-run.jar} (built by the package phase) in its production
 * profile, as a separate process on 127.0.0.1 and a free port, its output in a file under {@code target/}. Tests that
 * must stop it the hard way ({@link #kill()}: SIGKILL, as {@code kill -9}) use this instead of
 * {@code @QuarkusIntegrationTest}, which cannot restart the application it started.
 */
public final class PackagedServer implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final int port;
    private final Path output;
    private final HttpClient http = HttpClient.newHttpClient();

    private PackagedServer(Process process, int port, Path output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /**
     * Starts the jar against the database and journal folder given, with the sample catalogue (no customers), folder
     * watching off, and waits until {@code /q/health/ready} answers 200.
     */
    /** The channel client's key the server is started with (the server holds only its SHA-256). */
    public static final String API_KEY = "it-client-key";
    private static final String API_KEY_SHA256 = "f9e8defcdfc3f69721caf34c3e69aeb46f82067af274539aa2929979f1ce976e";

    public static PackagedServer start(String name, String jdbcUrl, Path journal, Duration timeout) {
        return start(name, jdbcUrl, journal, timeout, Map.of(), List.of());
    }

    /** As {@link #start(String, String, Path, Duration)}, with more environment and JVM options (a cluster node). */
    public static PackagedServer start(String name, String jdbcUrl, Path journal, Duration timeout,
                                       Map<String, String> moreEnv, List<String> jvmOptions) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the package phase first (./mvnw verify)");
        }
        int port = freePort();
        Path output = Path.of("target", name + ".out");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("NBO_DB_URL", jdbcUrl);
        env.put("NBO_MARKETER_PASSWORD", "it-marketer");
        env.put("NBO_ADMIN_PASSWORD", "it-admin");
        env.put("NBO_AGENT_PASSWORD", "it-agent");
        env.put("NBO_PSEUDONYM_KEY", "it-pseudonym-key");
        env.put("NBO_API_KEYS", "it-client:" + API_KEY_SHA256);
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("NBO_JOURNAL_DIR", journal.toString());
        env.put("NBO_SAMPLE_DATA_ENABLED", "true");
        env.put("NBO_SAMPLE_DATA_CUSTOMERS", "0");
        env.put("NBO_RULES_WATCH", "false");
        env.put("NBO_RULES_WRITE_THROUGH", "false");
        env.putAll(moreEnv);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            PackagedServer server = new PackagedServer(builder.start(), port, output);
            server.awaitReady(timeout);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-API-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request with HTTP basic credentials (the passwords {@link #start} gives the server: it-marketer, ...). */
    public HttpResponse<String> send(String method, String path, String user, String contentType, String body)
            throws IOException, InterruptedException {
        String credentials = java.util.Base64.getEncoder().encodeToString((user + ":it-" + user).getBytes());
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("Authorization", "Basic " + credentials)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The process is running (not killed, not exited). */
    public boolean alive() {
        return process.isAlive();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL, like {@code kill -9}: no shutdown hook, no drain, nothing flushed. Returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not die");
        }
    }

    /** What the server printed so far. */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A graceful stop (SIGTERM), then SIGKILL if it takes longer than 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void awaitReady(Duration timeout) {
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .failFast("the server stopped while starting; see " + output, () -> !process.isAlive())
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> get("/q/health/ready").statusCode() == 200);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
