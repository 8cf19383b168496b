package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The tree against RFC 6962/9162 test vectors and against a bottom-up reference model. */
class MerkleTreeTest {
  private static final HexFormat HEX = HexFormat.of();

  /** The leaves of the certificate-transparency reference tests. */
  private static final List<String> VECTOR_LEAVES =
      List.of(
          "",
          "00",
          "10",
          "2021",
          "3031",
          "40414243",
          "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");

  private static final List<String> VECTOR_ROOTS =
      List.of(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  @Test
  void rootsMatchTheReferenceVectors() {
    List<Hash> leaves = new ArrayList<>();
    for (String l : VECTOR_LEAVES) {
      leaves.add(MerkleTree.leafHash(HEX.parseHex(l)));
    }
    for (int n = 1; n <= 8; n++) {
      assertThat(HEX.formatHex(MerkleTree.root(leaves, n).bytes()))
          .as("root of %d leaves", n)
          .isEqualTo(VECTOR_ROOTS.get(n - 1));
    }
  }

  @Test
  void theEmptyTreeIsTheHashOfNothing() {
    assertThat(HEX.formatHex(MerkleTree.root(List.of(), 0).bytes()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Property
  void rootAgreesWithTheBottomUpModel(@ForAll @IntRange(min = 0, max = 300) int n) {
    List<Hash> leaves = leaves(n);
    assertThat(MerkleTree.root(leaves, n)).isEqualTo(bottomUp(leaves));
  }

  @Property
  void everyInclusionProofVerifiesAndNoOtherDoes(
      @ForAll @IntRange(min = 1, max = 130) int size, @ForAll @IntRange(min = 0, max = 129) int i) {
    Assume.that(i < size);
    List<Hash> leaves = leaves(size);
    Hash root = MerkleTree.root(leaves, size);
    List<Hash> path = MerkleTree.inclusionProof(leaves, i, size);
    assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, size, path, root)).isTrue();
    assertThat(path.size()).isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(size));
    for (int j = 0; j < path.size(); j++) {
      List<Hash> bad = new ArrayList<>(path);
      bad.set(j, flip(bad.get(j)));
      assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, size, bad, root)).isFalse();
    }
    assertThat(MerkleTree.verifyInclusion(flip(leaves.get(i)), i, size, path, root)).isFalse();
    if (size > 1) {
      int other = (i + 1) % size;
      assertThat(MerkleTree.verifyInclusion(leaves.get(other), i, size, path, root)).isFalse();
    }
    assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, size, path, flip(root))).isFalse();
  }

  @Property
  void everyConsistencyProofVerifiesAndNoTamperedOneDoes(
      @ForAll @IntRange(min = 1, max = 130) int m, @ForAll @IntRange(min = 1, max = 130) int n) {
    Assume.that(m <= n);
    List<Hash> leaves = leaves(n);
    Hash rootM = MerkleTree.root(leaves, m);
    Hash rootN = MerkleTree.root(leaves, n);
    List<Hash> proof = MerkleTree.consistencyProof(leaves, m, n);
    assertThat(MerkleTree.verifyConsistency(m, n, rootM, rootN, proof)).isTrue();
    for (int j = 0; j < proof.size(); j++) {
      List<Hash> bad = new ArrayList<>(proof);
      bad.set(j, flip(bad.get(j)));
      assertThat(MerkleTree.verifyConsistency(m, n, rootM, rootN, bad)).isFalse();
    }
    assertThat(MerkleTree.verifyConsistency(m, n, flip(rootM), rootN, proof)).isFalse();
    assertThat(MerkleTree.verifyConsistency(m, n, rootM, flip(rootN), proof)).isFalse();
  }

  @Property
  void aForkedHistoryIsNotConsistent(
      @ForAll @IntRange(min = 1, max = 100) int m,
      @ForAll @IntRange(min = 1, max = 100) int n,
      @ForAll @IntRange(min = 0, max = 99) int changed) {
    Assume.that(m <= n && changed < m);
    List<Hash> leaves = leaves(n);
    List<Hash> forked = new ArrayList<>(leaves);
    forked.set(changed, flip(forked.get(changed)));
    Hash rootM = MerkleTree.root(leaves, m);
    Hash forkedN = MerkleTree.root(forked, n);
    assertThat(
            MerkleTree.verifyConsistency(
                m, n, rootM, forkedN, MerkleTree.consistencyProof(forked, m, n)))
        .isFalse();
  }

  @Test
  void badSizesAreRefusedWithTheirValues() {
    assertThatThrownBy(() -> MerkleTree.inclusionProof(leaves(3), 3, 3))
        .hasMessageContaining("index 3");
    assertThatThrownBy(() -> MerkleTree.consistencyProof(leaves(3), 0, 3))
        .hasMessageContaining("from 0 to 3");
    assertThatThrownBy(() -> MerkleTree.root(leaves(3), 4)).hasMessageContaining("tree size 4");
  }

  static List<Hash> leaves(int n) {
    List<Hash> leaves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      leaves.add(MerkleTree.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return leaves;
  }

  static Hash flip(Hash h) {
    byte[] b = h.bytes();
    b[7] ^= 0x10;
    return Hash.of(b);
  }

  /** The reference model: hash pairs level by level, carrying an odd last node up unchanged. */
  private static Hash bottomUp(List<Hash> leaves) {
    if (leaves.isEmpty()) {
      return Hash.sha256();
    }
    List<Hash> level = leaves;
    while (level.size() > 1) {
      List<Hash> next = new ArrayList<>();
      for (int i = 0; i + 1 < level.size(); i += 2) {
        next.add(MerkleTree.nodeHash(level.get(i), level.get(i + 1)));
      }
      if (level.size() % 2 == 1) {
        next.add(level.getLast());
      }
      level = next;
    }
    return level.getFirst();
  }
}
