package io.metalkube.ipmi.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An IPMI LAN request message (IPMI v2.0 §13.8, "IPMI LAN Request Message"): rsAddr, netFn/rsLUN, checksum 1,
 * rqAddr, rqSeq/rqLUN, command, data, checksum 2. Both checksums are checked on decode.
 */
public record IpmiRequest(int rsAddr, int netFn, int rsLun, int rqAddr, int rqSeq, int rqLun, int command, byte[] data) {

    /** The BMC's responder address and the remote console's software ID (IPMI v2.0 §5.5, §13.8). */
    public static final int BMC_ADDRESS = 0x20;
    public static final int CONSOLE_SOFTWARE_ID = 0x81;

    public IpmiRequest {
        data = data == null ? new byte[0] : data.clone();
    }

    /** A request from the remote console to the BMC on LUN 0. */
    public static IpmiRequest toBmc(int netFn, int command, int rqSeq, byte[] data) {
        return new IpmiRequest(BMC_ADDRESS, netFn, 0, CONSOLE_SOFTWARE_ID, rqSeq, 0, command, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public byte[] encode() {
        byte[] out = new byte[7 + data.length];
        out[0] = (byte) rsAddr;
        out[1] = (byte) (netFn << 2 | (rsLun & 3));
        out[2] = (byte) Checksum.of(out, 0, 2);
        out[3] = (byte) rqAddr;
        out[4] = (byte) (rqSeq << 2 | (rqLun & 3));
        out[5] = (byte) command;
        System.arraycopy(data, 0, out, 6, data.length);
        out[out.length - 1] = (byte) Checksum.of(out, 3, out.length - 1);
        return out;
    }

    public static IpmiRequest decode(byte[] message) {
        if (message.length < 7) {
            throw new IpmiDecodeException("truncated IPMI request: " + message.length + " bytes, need at least 7");
        }
        LanMessageChecks.checksums(message, "request");
        return new IpmiRequest(message[0] & 0xff, (message[1] & 0xff) >>> 2, message[1] & 3, message[3] & 0xff,
                (message[4] & 0xff) >>> 2, message[4] & 3, message[5] & 0xff, Arrays.copyOfRange(message, 6, message.length - 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpmiRequest r && Arrays.equals(encode(), r.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return String.format("IpmiRequest[netFn=%02xh cmd=%02xh rqSeq=%d data=%s]", netFn, command, rqSeq, HexFormat.of().formatHex(data));
    }
}
