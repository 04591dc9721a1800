package dev.skysocket.fanout;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;

/** A request body of one buffer: each subscriber gets its own read-only view of the same bytes, then completion. */
final class SingleBufferBody implements SdkHttpContentPublisher {
    private final byte[] bytes;

    SingleBufferBody(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public Optional<Long> contentLength() {
        return Optional.of((long) bytes.length);
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
        AtomicBoolean done = new AtomicBoolean();
        subscriber.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    if (done.compareAndSet(false, true)) {
                        // Reactive Streams rule 3.9.
                        subscriber.onError(new IllegalArgumentException("request(n) needs n > 0, got " + n));
                    }
                    return;
                }
                if (done.compareAndSet(false, true)) {
                    if (bytes.length > 0) {
                        subscriber.onNext(ByteBuffer.wrap(bytes).asReadOnlyBuffer());
                    }
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                done.set(true);
            }
        });
    }
}
