package dev.skysocket.fanout;

/** Told when the Management API answers 410 for a recipient: that recipient's items must go. */
@FunctionalInterface
public interface GoneListener {
    void onGone(Recipient recipient);
}
