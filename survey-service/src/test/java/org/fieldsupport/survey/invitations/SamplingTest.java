package org.fieldsupport.survey.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SamplingTest {

    @Test
    void theSameTicketAndSeedAlwaysDrawTheSame() {
        UUID ticket = UUID.fromString("3f0c2a4e-9a1b-4c57-8f0e-6d2b1a7c9e11");
        double draw = Sampling.draw(ticket, "pilot-2025");
        assertThat(Sampling.draw(ticket, "pilot-2025")).isEqualTo(draw);
        assertThat(draw).isBetween(0.0, 1.0);
        assertThat(Sampling.draw(ticket, "another-seed")).isNotEqualTo(draw);
        assertThat(Sampling.selected(ticket, draw + 1e-9, "pilot-2025")).isTrue();
        assertThat(Sampling.selected(ticket, draw, "pilot-2025")).isFalse();
    }

    @Test
    void allNoneAndAboutTheRate() {
        UUID ticket = UUID.randomUUID();
        assertThat(Sampling.selected(ticket, 1.0, "s")).isTrue();
        assertThat(Sampling.selected(ticket, 0.0, "s")).isFalse();
        long selected = IntStream.range(0, 20_000)
                .filter(i -> Sampling.selected(new UUID(0x1234L, i), 0.3, "pilot")).count();
        assertThat(selected / 20_000.0).isCloseTo(0.3, within(0.02));
    }

    @Test
    void tokensAreRandomAndOnlyTheirHashIsKept() {
        String a = Tokens.newToken();
        String b = Tokens.newToken();
        assertThat(a).isNotEqualTo(b).hasSize(43);
        assertThat(Tokens.wellFormed(a)).isTrue();
        assertThat(Tokens.hash(a)).hasSize(64).isNotEqualTo(Tokens.hash(b)).doesNotContain(a);
        // SHA-256("abc"), from FIPS 180-2.
        assertThat(Tokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Tokens.wellFormed("../etc")).isFalse();
    }
}
