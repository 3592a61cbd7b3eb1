package org.fieldsupport.logistics.lockers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class PickupCodesTest {

    @Test
    void aCodeIsEightDigitsAndIsStoredOnlyAsAHashSaltedByItsDeposit() {
        String code = PickupCodes.newCode();
        assertThat(code).matches("[0-9]{8}");
        UUID deposit = UUID.randomUUID();
        String hash = PickupCodes.hash(deposit, code);
        assertThat(hash).hasSize(64).doesNotContain(code);
        assertThat(PickupCodes.hash(UUID.randomUUID(), code)).isNotEqualTo(hash);
        assertThat(PickupCodes.matches(deposit, code, hash)).isTrue();
        assertThat(PickupCodes.matches(deposit, code.equals("00000000") ? "00000001" : "00000000", hash)).isFalse();
        assertThat(PickupCodes.matches(UUID.randomUUID(), code, hash)).isFalse();
        assertThat(PickupCodes.matches(deposit, null, hash)).isFalse();
        assertThat(PickupCodes.matches(deposit, code, null)).isFalse();
    }
}
