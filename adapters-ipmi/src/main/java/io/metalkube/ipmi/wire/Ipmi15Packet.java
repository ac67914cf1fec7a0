package io.metalkube.ipmi.wire;

import java.util.Arrays;

/**
 * An IPMI v1.5 session-wrapped datagram (IPMI v2.0 §13.6, v1.5 session header; §13.1.3 RMCP): RMCP header, auth
 * type, session sequence number (LE), session ID (LE), a 16-byte auth code unless the auth type is NONE, the message
 * length and the IPMI message. We send it only outside a session (auth type NONE, sequence and ID 0), for Get Channel
 * Authentication Capabilities as ipmitool does; trailing legacy pad bytes are tolerated.
 */
public record Ipmi15Packet(int authType, int sequence, int sessionId, byte[] authCode, byte[] message) {

    public static final int AUTH_NONE = 0x00;
    /** Auth type 06h marks an IPMI v2.0 RMCP+ packet instead. */
    public static final int AUTH_RMCP_PLUS = 0x06;

    public Ipmi15Packet {
        authCode = authCode == null ? new byte[0] : authCode.clone();
        message = message == null ? new byte[0] : message.clone();
        if (authType != AUTH_NONE && authCode.length != 16) {
            throw new IllegalArgumentException("a v1.5 auth code is 16 bytes");
        }
        if (message.length > 255) {
            throw new IllegalArgumentException("a v1.5 message is at most 255 bytes");
        }
    }

    public static Ipmi15Packet sessionless(byte[] message) {
        return new Ipmi15Packet(AUTH_NONE, 0, 0, null, message);
    }

    @Override
    public byte[] authCode() {
        return authCode.clone();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    public byte[] encode() {
        WireWriter w = new WireWriter();
        RmcpHeader.ipmi().encode(w);
        w.u8(authType).u32le(sequence).u32le(sessionId);
        if (authType != AUTH_NONE) {
            w.bytes(authCode);
        }
        w.u8(message.length).bytes(message);
        return w.toByteArray();
    }

    public static Ipmi15Packet decode(byte[] datagram) {
        WireReader r = new WireReader(datagram);
        RmcpHeader rmcp = RmcpHeader.decode(r);
        if (rmcp.messageClass() != RmcpHeader.MessageClass.IPMI) {
            throw new IpmiDecodeException("expected RMCP class IPMI, found " + rmcp.messageClass());
        }
        int authType = r.u8("auth type");
        if (authType == AUTH_RMCP_PLUS) {
            throw new IpmiDecodeException("an IPMI v2.0 (RMCP+) packet where a v1.5 packet was expected");
        }
        if (authType > 0x05) {
            throw new IpmiDecodeException(String.format("unknown v1.5 auth type %02xh", authType));
        }
        int sequence = r.u32le("session sequence");
        int sessionId = r.u32le("session ID");
        byte[] authCode = authType == AUTH_NONE ? null : r.bytes(16, "auth code");
        int length = r.u8("message length");
        byte[] message = r.bytes(length, "IPMI message");
        return new Ipmi15Packet(authType, sequence, sessionId, authCode, message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipmi15Packet p && Arrays.equals(encode(), p.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }
}
