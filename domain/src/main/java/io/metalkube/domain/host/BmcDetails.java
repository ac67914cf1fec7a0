package io.metalkube.domain.host;

/**
 * spec.bmc as the user wrote it. The address stays a string here: parsing happens in the lifecycle,
 * so that a malformed address becomes a registration error on the host instead of a lost object.
 */
public record BmcDetails(String address, String credentialsName, boolean disableCertificateVerification) {

    public BmcDetails {
        address = address == null ? "" : address;
        credentialsName = credentialsName == null ? "" : credentialsName;
    }

    public static BmcDetails none() {
        return new BmcDetails("", "", false);
    }

    public boolean isEmpty() {
        return address.isBlank() && credentialsName.isBlank();
    }
}
