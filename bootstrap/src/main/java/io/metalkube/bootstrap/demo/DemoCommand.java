package io.metalkube.bootstrap.demo;

/** The self-contained demo; filled in once the embedded API server lands. */
public final class DemoCommand {

    private DemoCommand() {
    }

    public static int run(String[] args) {
        System.err.println("demo: not wired yet");
        return 2;
    }
}
