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
            usage: bin/demo [--hold] [--fast] [--timeout=SECONDS] [--port=PORT] [--kubeconfig=FILE]
                   (java -jar demo/app/target/metalkube-demo.jar takes the same options)
            Runs an embedded API server, the operator on the fixture back-end, eight hosts and two Machines, and shows
            them until both Machines' hosts are provisioned and powered on.
              --hold        keep running afterwards and write a kubeconfig, so that kubectl works against the demo
                            (get bmh, get -w, apply -f, annotate, patch, edit, get events; Ctrl-C stops)
              --fast        ten times shorter back-end delays
              --timeout     give up after this many seconds (default 180)
              --port        HTTP port for /health and /prometheus (default 0: a free port)
              --kubeconfig  the kubeconfig --hold writes (default ./metalkube-demo.kubeconfig)
              --help        print this and exit
            Environment: METALKUBE_LOG_FORMAT=json logs (and the table) as one JSON object per line;
                         METALKUBE_LOG_LEVEL=INFO shows the operator's log (default WARN).""";

    DemoOptions withLive(boolean redraw) {
        return new DemoOptions(hold, timeout, speedup, port, kubeconfig, redraw);
    }

    /** Whether the arguments ask for the usage text. */
    static boolean wantsHelp(String[] args) {
        return java.util.Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

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
