package io.metalkube.demo;

import io.metalkube.demo.DemoCluster.HostRow;
import io.metalkube.demo.DemoCluster.MachineRow;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The demo's live table: hosts (state, consumer, power, error) and Machines. On a terminal it redraws in place
 * (on a change, else once a second for the clock); otherwise (CI, a pipe) it prints a new table only on a change.
 */
final class ProgressTable {

    private static final int MAX_ERROR = 60;

    private final PrintStream out;
    private final boolean live;
    private String lastBody = "";
    private Duration lastDraw = Duration.ofDays(-1);

    ProgressTable(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    void show(String title, Duration elapsed, List<HostRow> hosts, List<MachineRow> machines) {
        String body = render(hosts, machines);
        boolean unchanged = body.equals(lastBody);
        // a terminal redraws at most once a second when nothing changed (the clock); a log only on a change
        if (unchanged && (!live || elapsed.minus(lastDraw).compareTo(Duration.ofSeconds(1)) < 0)) {
            return;
        }
        lastBody = body;
        lastDraw = elapsed;
        String header = title + "   (" + seconds(elapsed) + ")\n";
        if (live) {
            out.print("\033[H\033[2J" + header + body);
        } else {
            out.print("\n" + header + body);
        }
        out.flush();
    }

    static String render(List<HostRow> hosts, List<MachineRow> machines) {
        StringBuilder sb = new StringBuilder();
        table(sb, List.of("HOST", "PROFILE", "STATE", "CONSUMER", "POWER", "ERROR"), hosts,
                List.of(HostRow::name, HostRow::profile, h -> h.state().isEmpty() ? "(new)" : h.state(), HostRow::consumer,
                        HostRow::power, h -> shorten(h.error())));
        sb.append('\n');
        table(sb, List.of("MACHINE", "PHASE", "HOST", "ERROR"), machines,
                List.of(MachineRow::name, MachineRow::phase, MachineRow::host, m -> shorten(m.error())));
        return sb.toString();
    }

    private static <T> void table(StringBuilder sb, List<String> headers, List<T> rows, List<Function<T, String>> columns) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(headers);
        for (T row : rows) {
            cells.add(columns.stream().map(c -> c.apply(row)).toList());
        }
        int[] width = new int[headers.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        for (List<String> line : cells) {
            StringBuilder l = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                l.append(i == width.length - 1 ? line.get(i) : pad(line.get(i), width[i] + 2));
            }
            sb.append(l.toString().stripTrailing()).append('\n');
        }
        if (rows.isEmpty()) {
            sb.append("(none yet)\n");
        }
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String shorten(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR - 1) + "…";
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
