package io.metalkube.ipmi.sim;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * One real OpenIPMI {@code ipmi_sim} BMC on 127.0.0.x, configured by this harness (see real-peers.md §3):
 * lan.conf with an admin user and a unique GUID, a command file with a BMC at 0x20 and FRU device 0, and a
 * {@code chassis_control} hook script that keeps power and boot device in files, so tests read and change the
 * simulator's truth out of band. Started with {@code -n} (no console), stopped by PID.
 */
public final class IpmiSimulator implements AutoCloseable {

    public static final String USER = "admin";
    public static final String PASSWORD = "sim-pass-1";

    private static final String HOOK = """
            #!/bin/sh
            # ipmi_sim chassis_control hook: power and boot device live in files under the state directory ($1).
            dir="$1"; shift
            echo "$*" >> "$dir/calls.log"
            op="$1"; shift
            if [ "$op" = get ]; then
              for item in "$@"; do
                case "$item" in
                  power) echo "power:$(cat "$dir/power")" ;;
                  boot) echo "boot:$(cat "$dir/boot")" ;;
                esac
              done
            elif [ "$op" = set ]; then
              while [ $# -ge 2 ]; do
                case "$1" in
                  power) echo "$2" > "$dir/power" ;;
                  boot) echo "$2" > "$dir/boot" ;;
                  shutdown) [ "$2" = 1 ] && echo 0 > "$dir/power" ;;
                  reset) echo "$2" > "$dir/reset" ;;
                esac
                shift 2
              done
            fi
            exit 0
            """;

    private final Path dir;
    private final Path state;
    private final InetSocketAddress address;
    private final Process process;

    private IpmiSimulator(Path dir, InetSocketAddress address, Process process) {
        this.dir = dir;
        this.state = dir.resolve("state");
        this.address = address;
        this.process = process;
    }

    /** Starts a simulator on {@code host} (a 127.x address) and a free UDP port, with files under {@code parent}; returns once it answers. */
    public static IpmiSimulator start(Path parent, String host, int index, byte[] fru) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("bmc" + index));
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("persist"));
        Files.writeString(state.resolve("power"), "0\n");
        Files.writeString(state.resolve("boot"), "default\n");
        Path hook = dir.resolve("chassis-control.sh");
        Files.writeString(hook, HOOK);
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path fruFile = dir.resolve("fru.bin");
        Files.write(fruFile, fru);
        int port = freeUdpPort(host);
        Files.writeString(dir.resolve("lan.conf"), """
                name "bmc%1$d"
                set_working_mc 0x20
                  startlan 1
                    addr %2$s %3$d
                    priv_limit admin
                    allowed_auths_callback none md2 md5 straight
                    allowed_auths_user none md2 md5 straight
                    allowed_auths_operator none md2 md5 straight
                    allowed_auths_admin none md2 md5 straight
                    guid a123456789abcdefa1234567%4$08x
                  endlan
                  chassis_control "%5$s %6$s"
                  user 1 true ""      "test"  user  10 none md2 md5 straight
                  user 2 true "%7$s"  "%8$s"  admin 10 none md2 md5 straight
                  user 3 true "viewer" "view-pass" user 10 none md2 md5 straight
                """.formatted(index, host, port, index, hook, state, USER, PASSWORD));
        Files.writeString(dir.resolve("bmc.emu"), """
                mc_setbmc 0x20
                mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02
                mc_add_fru_data 0x20 0 %d file 0 "%s"
                sel_enable 0x20 1000 0x0a
                mc_enable 0x20
                """.formatted(fru.length, fruFile));
        IpmiSimulator sim = launch(dir, new InetSocketAddress(host, port));
        try {
            SimulatorReady.await(sim);
        } catch (IOException e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    private static IpmiSimulator launch(Path dir, InetSocketAddress address) throws IOException {
        Process p = new ProcessBuilder(List.of("ipmi_sim", "-c", "lan.conf", "-f", "bmc.emu", "-s", "persist", "-n"))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("ipmi_sim.log").toFile()))
                .start();
        return new IpmiSimulator(dir, address, p);
    }

    /** Starts the same BMC again (same files, address and port) after {@link #close()}, as a BMC reboot would. */
    public static IpmiSimulator restartLike(IpmiSimulator stopped) throws IOException {
        IpmiSimulator sim = launch(stopped.dir, stopped.address);
        SimulatorReady.await(sim);
        return sim;
    }

    static int freeUdpPort(String host) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0))) {
            return s.getLocalPort();
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The address in MetalKube's BMC address syntax. */
    public String bmcAddress() {
        return "ipmi://" + address.getHostString() + ":" + address.getPort();
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public boolean poweredOn() {
        return read("power").equals("1");
    }

    public void setPower(boolean on) {
        write("power", on ? "1" : "0");
    }

    /** As the hook stores it: none, pxe, default (disk), cdrom, bios. */
    public String bootDevice() {
        return read("boot");
    }

    public List<String> calls() {
        try {
            Path log = state.resolve("calls.log");
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + state + "/calls.log", e);
        }
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("ipmi_sim.log"));
    }

    private String read(String name) {
        try {
            return Files.readString(state.resolve(name)).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read simulator state " + name + " in " + state, e);
        }
    }

    private void write(String name, String value) {
        try {
            Files.writeString(state.resolve(name), value + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write simulator state " + name + " in " + state, e);
        }
    }

    /** Stops this simulator by its PID (SIGTERM; ipmi_sim exits at once) and waits for it. */
    @Override
    public void close() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        try {
            if (!process.waitFor(Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
