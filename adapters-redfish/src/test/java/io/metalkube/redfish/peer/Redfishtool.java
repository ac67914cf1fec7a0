package io.metalkube.redfish.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** DMTF's redfishtool, the reference client (redfish.md §10): {@code -S Never} for plain HTTP, one process per call. */
public final class Redfishtool {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Redfishtool() {
    }

    /** Runs {@code redfishtool -r 127.0.0.1:PORT -u USER -p PASS -S Never ARGS...} and returns its output. */
    public static String run(int port, String user, String password, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Peers.redfishtool().toString(), "-r", "127.0.0.1:" + port, "-u", user, "-p", password,
                "-S", "Never", "-T", "10"));
        cmd.addAll(List.of(args));
        try {
            return Peers.run(cmd, Map.of(), 60);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(int port, String user, String password, String... args) {
        String out = run(port, user, password, args);
        try {
            return JSON.readTree(out.substring(out.indexOf('{')));
        } catch (IOException | StringIndexOutOfBoundsException e) {
            throw new IllegalStateException("redfishtool printed no JSON: " + out, e);
        }
    }
}
