package io.metalkube.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Command-line options of {@code metalkube.jar demo}.
 *
 * @param hold        keep running after the Machines are provisioned, with a kubeconfig for kubectl
 * @param timeout     give up (exit 1) when the Machines do not own provisioned hosts by then
 * @param speedup     divide the fixture back-end's realistic step delays by this (1 = realistic)
 * @param port        HTTP port for health and Prometheus; 0 picks a free one
 * @param kubeconfig  where --hold writes the kubeconfig
 * @param live        redraw the table in place (a terminal) instead of printing it on every change
 */
public record DemoOptions(boolean hold, Duration timeout, double speedup, int port, Path kubeconfig, boolean live) {

    static final String USAGE = """
            usage: java -jar metalkube.jar demo [--hold] [--fast] [--timeout=SECONDS] [--port=PORT] [--kubeconfig=FILE]
              --hold        keep running afterwards and write a kubeconfig, so that `kubectl get bmh` works (Ctrl-C stops)
              --fast        ten times shorter back-end delays
              --timeout     give up after this many seconds (default 180)
              --port        HTTP port for /health and /prometheus (default 0: a free port)
              --kubeconfig  the kubeconfig --hold writes (default ./metalkube-demo.kubeconfig)""";

    public static DemoOptions parse(String[] args, boolean terminal) {
        boolean hold = false;
        double speedup = 1;
        Duration timeout = Duration.ofSeconds(180);
        int port = 0;
        Path kubeconfig = Path.of("metalkube-demo.kubeconfig");
        for (String a : args) {
            if (a.equals("--hold")) {
                hold = true;
            } else if (a.equals("--fast")) {
                speedup = 10;
            } else if (a.startsWith("--timeout=")) {
                timeout = Duration.ofSeconds(number(a));
            } else if (a.startsWith("--port=")) {
                port = (int) number(a);
            } else if (a.startsWith("--kubeconfig=")) {
                kubeconfig = Path.of(a.substring("--kubeconfig=".length()));
            } else {
                throw new IllegalArgumentException("unknown demo option \"" + a + "\"\n" + USAGE);
            }
        }
        return new DemoOptions(hold, timeout, speedup, port, kubeconfig, terminal);
    }

    private static long number(String arg) {
        String v = arg.substring(arg.indexOf('=') + 1);
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(arg + ": expected a whole number of at least 0\n" + USAGE);
        }
    }
}
