package org.vigil.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Transport sealing under the epoch keys: opens under its epoch only, never repeats a nonce. */
class TransportSealTest {
  private static final byte[] PLAIN = "111AAA01 at C-001".getBytes(StandardCharsets.UTF_8);

  /** A shared source: every node asking for an epoch gets the same key. */
  private static EpochKeySource shared(long secret) {
    return epoch -> {
      byte[] key = new byte[32];
      new SplittableRandom(secret ^ epoch * 0x9E3779B97F4A7C15L).nextBytes(key);
      return key;
    };
  }

  @Test
  void aRecordSealedOnOneNodeOpensOnAnotherSharingTheEpochKeys() {
    TransportSeal ingest = new TransportSeal(new EpochKeys(shared(7), Duration.ofHours(1)));
    TransportSeal rules = new TransportSeal(new EpochKeys(shared(7), Duration.ofHours(1)));
    byte[] sealed = ingest.seal(493_000, PLAIN);
    assertThat(sealed).hasSize(PLAIN.length + TransportSeal.OVERHEAD);
    assertThat(sealed[0]).isEqualTo(TransportSeal.VERSION);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("111AAA01");
    assertThat(rules.open(493_000, sealed)).isEqualTo(PLAIN);
  }

  @Test
  void itDoesNotOpenUnderAnotherEpochOrAnotherDeploymentsKeysOrAltered() {
    TransportSeal seal = new TransportSeal(new EpochKeys(shared(7), Duration.ofHours(1)));
    byte[] sealed = seal.seal(12, PLAIN);
    assertThatThrownBy(() -> seal.open(13, sealed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("epoch 13")
        .hasMessageNotContaining("111AAA01");
    TransportSeal other = new TransportSeal(new EpochKeys(shared(8), Duration.ofHours(1)));
    assertThatThrownBy(() -> other.open(12, sealed)).hasMessageContaining("epoch 12");
    byte[] altered = sealed.clone();
    altered[altered.length - 1] ^= 1;
    assertThatThrownBy(() -> seal.open(12, altered)).hasMessageContaining("epoch 12");
    assertThatThrownBy(() -> seal.open(12, Arrays.copyOf(sealed, 20))).hasMessageContaining("20");
    byte[] future = sealed.clone();
    future[0] = 9;
    assertThatThrownBy(() -> seal.open(12, future)).hasMessageContaining("version 9");
  }

  @Test
  void nonceIsRandomSoTwoNodesNeverRepeatOne() {
    // two nodes, one key: the counter of old would have given both nonce 1
    TransportSeal a = new TransportSeal(new EpochKeys(shared(7), Duration.ofHours(1)));
    TransportSeal b = new TransportSeal(new EpochKeys(shared(7), Duration.ofHours(1)));
    byte[] x = a.seal(1, PLAIN);
    byte[] y = b.seal(1, PLAIN);
    assertThat(Arrays.copyOfRange(x, 1, 13)).isNotEqualTo(Arrays.copyOfRange(y, 1, 13));
    assertThat(x).isNotEqualTo(y);
  }

  @Test
  void theTransportKeyIsLabelledApartFromTagsAndSealKeys() {
    EpochKeys keys = new EpochKeys(shared(7), Duration.ofHours(1));
    TransportSeal seal = new TransportSeal(keys, new SecureRandom());
    byte[] sealed = seal.seal(3, PLAIN);
    // a Sealer given the raw epoch key (no label) cannot open it
    byte[] raw = keys.key(3).getEncoded();
    assertThat(
            new Sealer(new SecureRandom()).open(raw, Arrays.copyOfRange(sealed, 1, sealed.length)))
        .isNull();
    assertThat(seal.toString()).doesNotContain("[B@");
  }
}
