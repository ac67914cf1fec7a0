package io.metalkube.domain.bmc;

/**
 * BMC user name and password. The password is never part of {@link #toString()}.
 */
public final class BmcCredentials {

    private final String username;
    private final String password;

    private BmcCredentials(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /**
     * @throws InvalidCredentialsException when either part is missing or empty
     */
    public static BmcCredentials of(String username, String password) {
        if (username == null || username.isEmpty()) {
            throw new InvalidCredentialsException("the BMC username is empty");
        }
        if (password == null || password.isEmpty()) {
            throw new InvalidCredentialsException("the BMC password is empty");
        }
        return new BmcCredentials(username, password);
    }

    public String username() {
        return username;
    }

    /** The secret itself: pass it to the protocol, never to a log, an event or a status. */
    public String password() {
        return password;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BmcCredentials other && username.equals(other.username) && password.equals(other.password);
    }

    @Override
    public int hashCode() {
        return username.hashCode() * 31 + password.hashCode();
    }

    @Override
    public String toString() {
        return "BmcCredentials[username=" + username + ", password=***]";
    }
}
