package io.metalkube.kubernetes.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Build step (run by exec-maven-plugin right after crd-generator-maven-plugin, see the pom): puts the CRDs'
 * additionalPrinterColumns in the order kubectl should show them. The generator sorts them by JSON path, so
 * {@code kubectl get bmh} showed AGE, CONSUMER, ONLINE, ERROR, STATE; metal3 (and issue 3) want State, Consumer,
 * Online, Error, Age, with Status and BMC at priority 1 in metal3's places. The rewritten files are the ones in the
 * jar, so {@code deploy/crds/} (checked by CommittedCrdsTest) and every reader of the jar's CRDs get the same order.
 * It also drops the generator's {@code priority: 0} (the default): a real API server stores a CRD without it, so with it
 * every {@code kubectl apply} of an unchanged CRD reported "configured" (InstallOnKubeLiteTest).
 * <p>
 * A text rewrite of the generator's regular YAML (entries {@code - jsonPath: ...} followed by indented keys), so the
 * rest of each file stays byte for byte as generated.
 */
public final class PrinterColumnOrder {

    /** Column names per generated CRD file, in display order (the order of the annotations on the CR classes). */
    public static final Map<String, List<String>> ORDER = Map.of(
            "baremetalhosts.metal3.io-v1.yml", List.of("Status", "State", "Consumer", "BMC", "Online", "Error", "Age"),
            "machines.cluster.k8s.io-v1.yml", List.of("Host", "Phase", "Error", "Age"),
            "machines.machine.openshift.io-v1.yml", List.of("Phase", "Host", "Error", "Age"));

    private PrinterColumnOrder() {
    }

    /** {@code args[0]}: the generator's output directory (target/classes/META-INF/fabric8). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PrinterColumnOrder <directory with the generated CRDs>");
        }
        for (var e : ORDER.entrySet()) {
            Path file = Path.of(args[0]).resolve(e.getKey());
            if (!Files.exists(file)) {
                throw new IllegalStateException("generated CRD " + file + " is missing: did crd-generator-maven-plugin run first?");
            }
            String before = Files.readString(file, StandardCharsets.UTF_8);
            String after = reorder(before, e.getValue());
            if (!after.equals(before)) {
                Files.writeString(file, after, StandardCharsets.UTF_8);
            }
        }
    }

    /** {@code yaml} with every additionalPrinterColumns list sorted by {@code order} (unknown names last, stable), without {@code priority: 0}. */
    public static String reorder(String yaml, List<String> order) {
        List<String> lines = List.of(yaml.split("\n", -1));
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            out.add(line);
            i++;
            if (!line.strip().replaceFirst("^- ", "").equals("additionalPrinterColumns:") || i >= lines.size()) {
                continue;
            }
            int indent = indent(lines.get(i));
            List<List<String>> entries = new ArrayList<>();
            while (i < lines.size() && isEntryLine(lines.get(i), indent)) {
                if (lines.get(i).startsWith(" ".repeat(indent) + "- ")) {
                    entries.add(new ArrayList<>());
                }
                if (!lines.get(i).strip().equals("priority: 0")) {
                    entries.getLast().add(lines.get(i));
                }
                i++;
            }
            entries.stream().sorted(Comparator.comparingInt(e -> rank(e, order))).forEach(out::addAll);
        }
        return String.join("\n", out);
    }

    private static boolean isEntryLine(String line, int indent) {
        return line.startsWith(" ".repeat(indent) + "- ") || (!line.isBlank() && indent(line) > indent);
    }

    private static int rank(List<String> entry, List<String> order) {
        for (String l : entry) {
            String s = l.strip().replaceFirst("^- ", "");
            if (s.startsWith("name:")) {
                int at = order.indexOf(s.substring("name:".length()).strip().replace("\"", ""));
                return at < 0 ? order.size() : at;
            }
        }
        return order.size();
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
