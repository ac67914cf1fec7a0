package io.metalkube.ipmi.wire;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * An IPMI v2.0 RMCP+ datagram (IPMI v2.0 §13.6, "IPMI v2.0 RMCP+ Session Header"; trailer §13.28.4): RMCP header,
 * auth type 06h, payload type (bit 7 encrypted, bit 6 authenticated), session ID and session sequence number (LE),
 * payload length (LE 16 bits) and the payload as carried on the wire (already encrypted when {@code encrypted}).
 * An authenticated packet ends with the session trailer: integrity pad FFh up to a 4-byte boundary, pad length,
 * next header 07h and the AuthCode over everything from the auth type through next header.
 */
public record RmcpPlusPacket(PayloadType payloadType, boolean encrypted, boolean authenticated, int sessionId,
                             int sequence, byte[] payload) {

    public static final int NEXT_HEADER = 0x07;
    private static final int SESSION_HEADER_START = RmcpHeader.LENGTH;

    /** A decoded packet plus the bytes its AuthCode covers, for the session to verify. */
    public record Received(RmcpPlusPacket packet, byte[] signedBytes, byte[] authCode) {
    }

    public RmcpPlusPacket {
        payload = payload == null ? new byte[0] : payload.clone();
        if (payload.length > 0xffff) {
            throw new IllegalArgumentException("payload too long for RMCP+: " + payload.length);
        }
    }

    /** An unauthenticated, unencrypted packet, as used for Open Session and RAKP (session ID and sequence 0). */
    public static RmcpPlusPacket plain(PayloadType type, byte[] payload) {
        return new RmcpPlusPacket(type, false, false, 0, 0, payload);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Encodes a packet without integrity protection. */
    public byte[] encode() {
        if (authenticated) {
            throw new IllegalStateException("an authenticated packet needs an AuthCode function");
        }
        return encode(null);
    }

    /**
     * Encodes the packet; for an authenticated packet, {@code authCode} maps the covered bytes (auth type through
     * next header) to the AuthCode appended at the end.
     */
    public byte[] encode(UnaryOperator<byte[]> authCode) {
        WireWriter w = new WireWriter();
        RmcpHeader.ipmi().encode(w);
        w.u8(Ipmi15Packet.AUTH_RMCP_PLUS)
                .u8((encrypted ? 0x80 : 0) | (authenticated ? 0x40 : 0) | payloadType.code())
                .u32le(sessionId).u32le(sequence).u16le(payload.length).bytes(payload);
        if (!authenticated) {
            return w.toByteArray();
        }
        int covered = w.length() - SESSION_HEADER_START + 2;
        int pad = (4 - covered % 4) % 4;
        for (int i = 0; i < pad; i++) {
            w.u8(0xff);
        }
        w.u8(pad).u8(NEXT_HEADER);
        byte[] soFar = w.toByteArray();
        byte[] signed = Arrays.copyOfRange(soFar, SESSION_HEADER_START, soFar.length);
        return w.bytes(authCode.apply(signed)).toByteArray();
    }

    /** Decodes a datagram; {@code authCodeLength} is the session's integrity AuthCode length (ignored if unauthenticated). */
    public static Received decode(byte[] datagram, int authCodeLength) {
        WireReader r = new WireReader(datagram);
        RmcpHeader rmcp = RmcpHeader.decode(r);
        if (rmcp.messageClass() != RmcpHeader.MessageClass.IPMI) {
            throw new IpmiDecodeException("expected RMCP class IPMI, found " + rmcp.messageClass());
        }
        int authType = r.u8("auth type");
        if (authType != Ipmi15Packet.AUTH_RMCP_PLUS) {
            throw new IpmiDecodeException(String.format("auth type %02xh is not RMCP+ (06h)", authType));
        }
        int typeByte = r.u8("payload type");
        PayloadType type = PayloadType.of(typeByte & 0x3f);
        boolean encrypted = (typeByte & 0x80) != 0;
        boolean authenticated = (typeByte & 0x40) != 0;
        int sessionId = r.u32le("session ID");
        int sequence = r.u32le("session sequence");
        int length = r.u16le("payload length");
        byte[] payload = r.bytes(length, "payload");
        RmcpPlusPacket packet = new RmcpPlusPacket(type, encrypted, authenticated, sessionId, sequence, payload);
        if (!authenticated) {
            return new Received(packet, new byte[0], new byte[0]);
        }
        int pad = r.remaining() - 2 - authCodeLength;
        if (pad < 0 || pad > 3) {
            throw new IpmiDecodeException("session trailer of " + r.remaining() + " bytes does not fit a " + authCodeLength
                    + "-byte AuthCode");
        }
        r.skip(pad, "integrity pad");
        int padLength = r.u8("pad length");
        if (padLength != pad) {
            throw new IpmiDecodeException("integrity pad length says " + padLength + ", found " + pad);
        }
        int next = r.u8("next header");
        if (next != NEXT_HEADER) {
            throw new IpmiDecodeException(String.format("next header %02xh, expected 07h", next));
        }
        byte[] signed = Arrays.copyOfRange(datagram, SESSION_HEADER_START, r.position());
        return new Received(packet, signed, r.bytes(authCodeLength, "AuthCode"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RmcpPlusPacket p && payloadType == p.payloadType && encrypted == p.encrypted
                && authenticated == p.authenticated && sessionId == p.sessionId && sequence == p.sequence
                && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload) * 31 + sessionId;
    }

    @Override
    public String toString() {
        return "RmcpPlusPacket[" + payloadType + (encrypted ? ", encrypted" : "") + (authenticated ? ", authenticated" : "")
                + ", session=" + Integer.toHexString(sessionId) + ", seq=" + Integer.toUnsignedString(sequence)
                + ", " + payload.length + " bytes]";
    }
}
