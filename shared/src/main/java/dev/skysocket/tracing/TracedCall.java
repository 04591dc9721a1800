package dev.skysocket.tracing;

/** One call started by {@link CallTracer#start}, ended once with what came back. */
public interface TracedCall {

    /**
     * @param status the HTTP status of the answer, or 0 when none came (refused, timed out)
     * @param error  why the call failed, or null when it succeeded
     */
    void end(int status, Throwable error);

    TracedCall NONE = (status, error) -> { };
}
