package io.metalkube.ipmi.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An IPMI LAN response message (IPMI v2.0 §13.8, "IPMI LAN Response Message"): rqAddr, netFn/rqLUN, checksum 1,
 * rsAddr, rqSeq/rsLUN, command, completion code, data, checksum 2. The netFn of a response is the request's + 1.
 */
public record IpmiResponse(int rqAddr, int netFn, int rqLun, int rsAddr, int rqSeq, int rsLun, int command,
                           int completionCode, byte[] data) {

    public IpmiResponse {
        data = data == null ? new byte[0] : data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public byte[] encode() {
        byte[] out = new byte[8 + data.length];
        out[0] = (byte) rqAddr;
        out[1] = (byte) (netFn << 2 | (rqLun & 3));
        out[2] = (byte) Checksum.of(out, 0, 2);
        out[3] = (byte) rsAddr;
        out[4] = (byte) (rqSeq << 2 | (rsLun & 3));
        out[5] = (byte) command;
        out[6] = (byte) completionCode;
        System.arraycopy(data, 0, out, 7, data.length);
        out[out.length - 1] = (byte) Checksum.of(out, 3, out.length - 1);
        return out;
    }

    public static IpmiResponse decode(byte[] message) {
        if (message.length < 8) {
            throw new IpmiDecodeException("truncated IPMI response: " + message.length + " bytes, need at least 8");
        }
        LanMessageChecks.checksums(message, "response");
        return new IpmiResponse(message[0] & 0xff, (message[1] & 0xff) >>> 2, message[1] & 3, message[3] & 0xff,
                (message[4] & 0xff) >>> 2, message[4] & 3, message[5] & 0xff, message[6] & 0xff,
                Arrays.copyOfRange(message, 7, message.length - 1));
    }

    /** True when this answers {@code request} (same command, sequence, and netFn + 1). */
    public boolean answers(IpmiRequest request) {
        return command == request.command() && rqSeq == request.rqSeq() && netFn == request.netFn() + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpmiResponse r && Arrays.equals(encode(), r.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return String.format("IpmiResponse[netFn=%02xh cmd=%02xh rqSeq=%d cc=%02xh data=%s]", netFn, command, rqSeq,
                completionCode, HexFormat.of().formatHex(data));
    }
}
