package org.vigil.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AeadTest {
  private static final byte[] PLAIN = "081ABC02 at B-003".getBytes(StandardCharsets.UTF_8);
  /*
   * A Cipher refuses to encrypt twice with one key and nonce (JDK GCM): each test draws its nonces
   * from a generator of its own seed.
   */
  private final Aead aead = new Aead();
  private final SecretKey key = new SecretKeySpec(bytes(32, 1), "AES");

  @Test
  void opensWhatItSealedAfterTheCallersHeadroom() {
    SplittableRandom random = new SplittableRandom(1);
    byte[] sealed = aead.seal(key, bytes(4, 9), PLAIN, random, 1);
    assertThat(sealed).hasSize(1 + Aead.NONCE_BYTES + PLAIN.length + Aead.TAG_BYTES);
    assertThat(sealed[0]).isZero();
    assertThat(aead.open(key, bytes(4, 9), sealed, 1)).isEqualTo(PLAIN);
  }

  @Test
  void refusesAnotherKeyOtherDataAlteredOrTruncatedBytes() {
    SplittableRandom random = new SplittableRandom(2);
    byte[] sealed = aead.seal(key, bytes(4, 9), PLAIN, random, 0);
    assertThat(aead.open(new SecretKeySpec(bytes(32, 2), "AES"), bytes(4, 9), sealed, 0)).isNull();
    assertThat(aead.open(key, bytes(4, 8), sealed, 0)).isNull();
    byte[] altered = sealed.clone();
    altered[Aead.NONCE_BYTES + 1] ^= 1;
    assertThat(aead.open(key, bytes(4, 9), altered, 0)).isNull();
    assertThat(aead.open(key, bytes(4, 9), Arrays.copyOf(sealed, 20), 0)).isNull();
  }

  @Test
  void twoSealsOfOneValueDiffer() {
    SplittableRandom random = new SplittableRandom(3);
    assertThat(aead.seal(key, null, PLAIN, random, 0))
        .isNotEqualTo(aead.seal(key, null, PLAIN, random, 0));
  }

  private static byte[] bytes(int n, int value) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) value);
    return b;
  }
}
