package org.vigil.memory;

/**
 * Two independent 64-bit hashes of a pair of strings, each finished with MurmurHash3's fmix64:
 * together a 128-bit key for {@link Hash128Map}, where a false match needs a 128-bit collision.
 */
public final class Hash128 {
  private Hash128() {}

  /** The first half of the key of {@code (x, y)}. */
  public static long a(String x, String y) {
    long h = 0xcbf29ce484222325L;
    h = fnv(h, x);
    h = h * 0x100000001b3L;
    h = fnv(h, y);
    return fmix(h);
  }

  /** The second half of the key of {@code (x, y)}. */
  public static long b(String x, String y) {
    long h = 0x9E3779B97F4A7C15L;
    h = mul(h, x);
    h = (h + 0xff) * 0xC2B2AE3D27D4EB4FL;
    h = mul(h, y);
    return fmix(h ^ (x.length() * 31L + y.length()));
  }

  /** {@code h} combined with {@code x}: a key for one part (a time bucket, say) of a key. */
  public static long with(long h, long x) {
    return fmix(h ^ (x * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
  }

  private static long fnv(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  private static long mul(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h + s.charAt(i)) * 0x9E3779B97F4A7C15L;
      h ^= h >>> 29;
    }
    return h;
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
