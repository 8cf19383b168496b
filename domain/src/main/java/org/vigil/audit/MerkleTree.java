package org.vigil.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree hash, audit paths and consistency proofs of RFC 9162 §2.1, over a list of leaf
 * hashes, and their verification (RFC 9162 §2.1.3.2 and §2.1.4.2). Stateless.
 */
public final class MerkleTree {
  private static final byte[] LEAF_PREFIX = {0x00};
  private static final byte[] NODE_PREFIX = {0x01};

  private MerkleTree() {}

  /** SHA-256(0x00 ‖ data): the hash of one leaf. */
  public static Hash leafHash(byte[] data) {
    return Hash.sha256(LEAF_PREFIX, data);
  }

  /** SHA-256(0x01 ‖ left ‖ right): the hash of an interior node. */
  public static Hash nodeHash(Hash left, Hash right) {
    return Hash.sha256(NODE_PREFIX, left.bytes(), right.bytes());
  }

  /** MTH of the first {@code size} leaves; SHA-256 of nothing for an empty tree. */
  public static Hash root(List<Hash> leaves, long size) {
    requireSize(leaves, size);
    if (size == 0) {
      return Hash.sha256();
    }
    return mth(leaves, 0, (int) size);
  }

  /**
   * The audit path of leaf {@code index} in the tree of the first {@code size} leaves (RFC 9162
   * §2.1.3.1).
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size <= leaves.size()}
   */
  public static List<Hash> inclusionProof(List<Hash> leaves, long index, long size) {
    requireSize(leaves, size);
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "index " + index + " is not in a tree of size " + size + " (0 <= index < size)");
    }
    List<Hash> path = new ArrayList<>();
    path(leaves, (int) index, 0, (int) size, path);
    return List.copyOf(path);
  }

  /**
   * The consistency proof between the trees of the first {@code from} and {@code to} leaves (RFC
   * 9162 §2.1.4.1).
   *
   * @throws IllegalArgumentException unless {@code 0 < from <= to <= leaves.size()}
   */
  public static List<Hash> consistencyProof(List<Hash> leaves, long from, long to) {
    requireSize(leaves, to);
    if (from <= 0 || from > to) {
      throw new IllegalArgumentException(
          "a consistency proof needs 0 < from <= to, was from " + from + " to " + to);
    }
    List<Hash> proof = new ArrayList<>();
    subproof(leaves, (int) from, 0, (int) to, true, proof);
    return List.copyOf(proof);
  }

  /**
   * Whether {@code path} proves that {@code leaf} is leaf {@code index} of the tree {@code root}.
   */
  public static boolean verifyInclusion(
      Hash leaf, long index, long size, List<Hash> path, Hash root) {
    if (index < 0 || index >= size) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    Hash r = leaf;
    for (Hash p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && r.equals(root);
  }

  /** Whether {@code proof} proves that the tree {@code fromRoot} is a prefix of {@code toRoot}. */
  public static boolean verifyConsistency(
      long from, long to, Hash fromRoot, Hash toRoot, List<Hash> proof) {
    if (from <= 0 || from > to) {
      return false;
    }
    if (from == to) {
      return proof.isEmpty() && fromRoot.equals(toRoot);
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<Hash> path = new ArrayList<>(proof);
    if (Long.bitCount(from) == 1) {
      path.addFirst(fromRoot);
    }
    long fn = from - 1;
    long sn = to - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    Hash fr = path.getFirst();
    Hash sr = path.getFirst();
    for (Hash c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return fr.equals(fromRoot) && sr.equals(toRoot) && sn == 0;
  }

  private static Hash mth(List<Hash> leaves, int start, int end) {
    int n = end - start;
    if (n == 1) {
      return leaves.get(start);
    }
    int k = split(n);
    return nodeHash(mth(leaves, start, start + k), mth(leaves, start + k, end));
  }

  private static void path(List<Hash> leaves, int m, int start, int end, List<Hash> out) {
    int n = end - start;
    if (n == 1) {
      return;
    }
    int k = split(n);
    if (m < k) {
      path(leaves, m, start, start + k, out);
      out.add(mth(leaves, start + k, end));
    } else {
      path(leaves, m - k, start + k, end, out);
      out.add(mth(leaves, start, start + k));
    }
  }

  private static void subproof(
      List<Hash> leaves, int m, int start, int end, boolean whole, List<Hash> out) {
    int n = end - start;
    if (m == n) {
      if (!whole) {
        out.add(mth(leaves, start, end));
      }
      return;
    }
    int k = split(n);
    if (m <= k) {
      subproof(leaves, m, start, start + k, whole, out);
      out.add(mth(leaves, start + k, end));
    } else {
      subproof(leaves, m - k, start + k, end, false, out);
      out.add(mth(leaves, start, start + k));
    }
  }

  /** The largest power of two smaller than {@code n}, for n >= 2. */
  private static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }

  private static void requireSize(List<Hash> leaves, long size) {
    if (size < 0 || size > leaves.size()) {
      throw new IllegalArgumentException(
          "tree size " + size + " is not between 0 and the " + leaves.size() + " leaves there are");
    }
  }
}
