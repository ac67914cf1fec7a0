package io.metalkube.bootstrap.config;

/** A setting is missing or wrong; the message names the setting and says what to do. Stops startup. */
public final class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
