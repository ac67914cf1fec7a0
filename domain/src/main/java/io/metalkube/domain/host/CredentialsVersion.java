package io.metalkube.domain.host;

/** status.goodCredentials / triedCredentials: which Secret, at which resourceVersion. */
public record CredentialsVersion(String secretName, String version) {
}
