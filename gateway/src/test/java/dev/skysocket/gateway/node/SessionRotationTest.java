package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRotationTest {
    private static final long MAX_AGE = 100_000;

    private final SessionDirectory sessions = new SessionDirectory();
    private final SessionRotation rotation = new SessionRotation(sessions, MAX_AGE);

    @Test
    void sessionsAreClosedWithinTheLastTenthOfTheirMaximumAgeAndNotBefore() {
        FakeSession session = new FakeSession();
        sessions.register(session, 0);

        assertThat(rotation.run(MAX_AGE * 9 / 10 - 1)).isZero();
        assertThat(session.closed()).isFalse();
        assertThat(rotation.run(MAX_AGE)).isEqualTo(1);
        assertThat(session.closed()).isTrue();
    }

    @Test
    void sessionsOpenedTogetherAreRotatedAtDifferentTimes() {
        List<Long> turns = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            turns.add(rotation.rotateAt(new FakeSession().sid(), 0));
        }

        assertThat(turns).allMatch(t -> t > MAX_AGE * 9 / 10 && t <= MAX_AGE);
        assertThat(turns.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void closedSessionsAreNotCountedAgain() {
        FakeSession session = new FakeSession();
        sessions.register(session, 0);
        session.close();

        assertThat(rotation.run(MAX_AGE)).isZero();
    }
}
