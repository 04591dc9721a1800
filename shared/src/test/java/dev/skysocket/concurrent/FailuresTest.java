package dev.skysocket.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void theFailureUnderEveryFutureWrapperIsFound() throws Exception {
        IOException failed = new IOException("store down");
        CompletableFuture<Void> future = CompletableFuture.failedFuture(failed).thenRun(() -> { });
        Throwable joined = catchThrowable(future::join);
        assertThat(joined).isInstanceOf(CompletionException.class);
        assertThat(Failures.unwrap(joined)).isSameAs(failed);
        assertThat(Failures.unwrap(new CompletionException(new ExecutionException(failed)))).isSameAs(failed);
    }

    @Test
    void aFailureThatIsNoWrapperOrAWrapperWithoutACauseIsItself() {
        IllegalStateException plain = new IllegalStateException("plain");
        CompletionException empty = new CompletionException("no cause", null);
        assertThat(Failures.unwrap(plain)).isSameAs(plain);
        assertThat(Failures.unwrap(empty)).isSameAs(empty);
        assertThat(Failures.unwrap(null)).as("no failure").isNull();
    }

    private static Throwable catchThrowable(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
