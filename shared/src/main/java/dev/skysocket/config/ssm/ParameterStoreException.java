package dev.skysocket.config.ssm;

/** The app's settings could not be read; the message names the path and the answer, never a value. */
public final class ParameterStoreException extends RuntimeException {
    public ParameterStoreException(String message) {
        super(message);
    }

    public ParameterStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
