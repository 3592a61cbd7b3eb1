package org.fieldsupport.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;

import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void aConnectionClosedUnderTheRequestIsTheClientGoingAwayWhereverItIsInTheCauses() {
        assertThat(ProblemMappers.clientWentAway(new ClosedChannelException())).isTrue();
        assertThat(ProblemMappers.clientWentAway(
                new UncheckedIOException(new IOException("read failed", new ClosedChannelException())))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ProblemMappers.clientWentAway(new IllegalStateException("boom"))).isFalse();
        assertThat(ProblemMappers.clientWentAway(new UncheckedIOException(new IOException("disk full")))).isFalse();
    }
}
