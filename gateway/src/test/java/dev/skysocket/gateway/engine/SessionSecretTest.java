package dev.skysocket.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lock-on-first-presentation rule of the polling session's cookie (DESIGN §9). */
class SessionSecretTest {
    private final SessionSecret secret = new SessionSecret("s3cret");

    @Test
    void noCookieIsAdmittedUntilTheClientHasShownItKeepsOne() {
        assertThat(secret.admits(null)).isTrue();
        assertThat(secret.admits(null)).isTrue();
        assertThat(secret.locked()).isFalse();
    }

    @Test
    void theRightCookieLocksTheSessionSoThatNoCookieIsRefusedFromThenOn() {
        assertThat(secret.admits("s3cret")).isTrue();
        assertThat(secret.locked()).isTrue();
        assertThat(secret.admits(null)).isFalse();
        assertThat(secret.admits("s3cret")).isTrue();
    }

    @Test
    void aWrongCookieIsAlwaysRefusedAndLocksNothing() {
        assertThat(secret.admits("guess")).isFalse();
        assertThat(secret.admits("")).isFalse();
        assertThat(secret.admits("s3cret ")).isFalse();
        assertThat(secret.locked()).isFalse();
        assertThat(secret.admits(null)).isTrue();
        secret.admits("s3cret");
        assertThat(secret.admits("guess")).isFalse();
    }
}
