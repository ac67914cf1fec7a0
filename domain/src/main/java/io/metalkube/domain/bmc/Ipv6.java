package io.metalkube.domain.bmc;

/** Validates IPv6 literals (RFC 4291 §2.2) without touching the network, as InetAddress would. */
final class Ipv6 {

    private Ipv6() {
    }

    static boolean isValid(String text) {
        String s = text;
        int zone = s.indexOf('%');
        if (zone >= 0) {
            String id = s.substring(zone + 1);
            if (id.isEmpty() || !id.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                return false;
            }
            s = s.substring(0, zone);
        }
        int groupsNeeded = 8;
        int lastColon = s.lastIndexOf(':');
        if (lastColon >= 0 && s.indexOf('.', lastColon) >= 0) {
            if (!HostAndPort.isIpv4(s.substring(lastColon + 1))) {
                return false;
            }
            s = s.substring(0, lastColon + 1) + "0:0"; // embedded IPv4 counts as two groups
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        if (doubleColon >= 0) {
            String left = s.substring(0, doubleColon);
            String right = s.substring(doubleColon + 2);
            int groups = countGroups(left) + countGroups(right);
            return groups >= 0 && groups <= groupsNeeded - 1;
        }
        return countGroups(s) == groupsNeeded;
    }

    /** Number of valid hex groups in a colon-separated run, or a large negative number if any is invalid. */
    private static int countGroups(String run) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] groups = run.split(":", -1);
        for (String g : groups) {
            if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return -100;
            }
        }
        return groups.length;
    }
}
