package io.metalkube.ipmi.command;

/** Network function codes of requests (IPMI v2.0 §5.1, table 5-1); responses use the code + 1. */
public final class NetFn {

    public static final int CHASSIS = 0x00;
    public static final int APP = 0x06;
    public static final int STORAGE = 0x0a;

    private NetFn() {
    }
}
