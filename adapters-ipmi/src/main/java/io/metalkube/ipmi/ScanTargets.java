package io.metalkube.ipmi;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Expands IPv4 CIDR ranges (or single addresses) × ports into scan targets, refusing more than the cap. */
final class ScanTargets {

    private ScanTargets() {
    }

    static List<InetSocketAddress> expand(ScanSettings scan) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String range : scan.ranges()) {
            String[] parts = range.trim().split("/", -1);
            int prefix = parts.length == 2 ? parsePrefix(range, parts[1]) : 32;
            long base = ipv4(range, parts[0]) & mask(prefix);
            long count = 1L << (32 - prefix);
            if ((long) out.size() + count * scan.ports().size() > scan.maxTargets()) {
                throw new IllegalArgumentException("BMC scan of " + scan.ranges() + " × ports " + scan.ports() + " exceeds "
                        + scan.maxTargets() + " targets; scan smaller ranges");
            }
            for (long i = 0; i < count; i++) {
                for (int port : scan.ports()) {
                    out.add(new InetSocketAddress(toAddress(base + i), port));
                }
            }
        }
        return out;
    }

    private static int parsePrefix(String range, String text) {
        try {
            int p = Integer.parseInt(text);
            if (p < 0 || p > 32) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scan range \"" + range + "\" has an invalid prefix length; use e.g. 10.0.0.0/24");
        }
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }

    private static long ipv4(String range, String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("scan range \"" + range + "\" is not IPv4 CIDR notation (e.g. 10.0.0.0/24)");
        }
        long v = 0;
        for (String o : octets) {
            int n;
            try {
                n = Integer.parseInt(o);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("scan range \"" + range + "\" is not IPv4 CIDR notation (e.g. 10.0.0.0/24)");
            }
            if (n < 0 || n > 255) {
                throw new IllegalArgumentException("scan range \"" + range + "\" has an octet out of range");
            }
            v = v << 8 | n;
        }
        return v;
    }

    private static InetAddress toAddress(long v) {
        try {
            return InetAddress.getByAddress(new byte[]{(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }
}
