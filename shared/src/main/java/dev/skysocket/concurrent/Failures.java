package dev.skysocket.concurrent;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What failed, under the wrappers that futures put around it. */
public final class Failures {
    private Failures() {
    }

    /**
     * The failure inside any {@link CompletionException} and {@link ExecutionException} layers (a future joined or
     * got, a stage's callback); a wrapper without a cause is returned as it is, and null (no failure) as null.
     */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
