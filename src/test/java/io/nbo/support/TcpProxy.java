package io.nbo.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP forwarder on 127.0.0.1 between the server and PostgreSQL that a test can cut and restore: cutting closes every
 * connection through it and closes each new one at once (to the driver, the database is gone: SQLSTATE 08001/08006);
 * restoring forwards again. The machine's PostgreSQL itself is never stopped (other builds share it).
 *
 * <p>One proxy per JVM, started by a test profile before the server boots. Its switch is a system property, so the
 * test and the profile reach the same switch even when Quarkus loads them in different class loaders.
 */
public final class TcpProxy {

    private static final String SWITCH = "test-db-proxy.cut";
    private static final String URL = "test-db-proxy.url";
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.+)");

    private final String host;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ServerSocket server;

    private TcpProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept, "db-proxy-accept");
        daemon(this::watch, "db-proxy-watch");
    }

    /** The JDBC URL of the test database through the proxy (started on first use). */
    public static synchronized String jdbcUrlTo(String realUrl) {
        String known = System.getProperty(URL);
        if (known != null) {
            return known;
        }
        Matcher m = JDBC.matcher(realUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + realUrl);
        }
        try {
            System.setProperty(SWITCH, "false");
            TcpProxy proxy = new TcpProxy(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.server.getLocalPort() + "/" + m.group(3);
            System.setProperty(URL, url);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database as the server sees it goes away: every connection is closed, new ones are closed at once. */
    public static void cut() {
        started();
        System.setProperty(SWITCH, "true");
    }

    /** The database is back. */
    public static void restore() {
        started();
        System.setProperty(SWITCH, "false");
    }

    private static void started() {
        if (System.getProperty(URL) == null) {
            throw new IllegalStateException("no database proxy was started (use a profile that starts it)");
        }
    }

    private static boolean isCut() {
        return Boolean.getBoolean(SWITCH);
    }

    private void accept() {
        while (true) {
            try {
                Socket client = server.accept();
                if (isCut()) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(host, port);
                open.add(client);
                open.add(upstream);
                daemon(() -> pump(client, upstream), "db-proxy-up");
                daemon(() -> pump(upstream, client), "db-proxy-down");
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Closes every connection as soon as the switch is cut. */
    private void watch() {
        while (true) {
            if (isCut()) {
                for (Socket socket : open) {
                    close(socket);
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut or closed by either side
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
