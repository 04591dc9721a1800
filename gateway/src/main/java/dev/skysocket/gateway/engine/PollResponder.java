package dev.skysocket.gateway.engine;

/** Answers one held polling GET with a 200 text body; called once, from any thread, never blocking. */
@FunctionalInterface
public interface PollResponder {
    void respond(String payload);
}
