package io.metalkube.redfish.peer;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves ISO images over plain HTTP on 127.0.0.1 (what a site's image server does for live-iso hosts) and counts
 * complete downloads per path, so a test can prove the BMC emulator really fetched the image it was given.
 */
public final class IsoServer implements AutoCloseable {

    private final HttpServer server;
    private final byte[] image;
    private final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();

    private IsoServer(HttpServer server, byte[] image) {
        this.server = server;
        this.image = image;
    }

    /** Any path ending in .iso gets the same 256 KiB image; anything else is 404. */
    public static IsoServer start() {
        byte[] image = new byte[256 * 1024];
        new Random(42).nextBytes(image);
        System.arraycopy("CD001".getBytes(), 0, image, 0x8001, 5); // ISO 9660 volume descriptor signature
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            IsoServer iso = new IsoServer(server, image);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                if (!path.endsWith(".iso")) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                if (exchange.getRequestMethod().equals("HEAD")) {
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                    return;
                }
                exchange.sendResponseHeaders(200, iso.image.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(iso.image);
                }
                iso.downloads.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            });
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "iso-server");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return iso;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback ISO server", e);
        }
    }

    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/images/" + name;
    }

    /** Complete downloads of {@code /images/<name>}. */
    public int downloads(String name) {
        AtomicInteger n = downloads.get("/images/" + name);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
