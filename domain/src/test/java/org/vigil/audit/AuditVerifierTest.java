package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every attack on an exported copy is caught, and names the first bad entry or checkpoint. */
class AuditVerifierTest {
  final LogKey key = AuditTestData.key();
  final List<ExportedEntry> entries = AuditTestData.entries(12);
  final List<SignedCheckpoint> checkpoints =
      List.of(
          AuditTestData.checkpoint(key, entries, 5),
          AuditTestData.checkpoint(key, entries, 10),
          AuditTestData.checkpoint(key, entries, 12));

  @Test
  void anIntactCopyVerifies() {
    AuditReport r = AuditVerifier.verify(entries, checkpoints, key.publicKey());
    assertThat(r.problem()).isNull();
    assertThat(r.checked())
        .contains("12 entries, numbered 0..11, hashes match")
        .anyMatch(l -> l.startsWith("latest checkpoint: size 12, root "));
  }

  @Test
  void aRemovedEntryIsCaught() {
    List<ExportedEntry> copy = new ArrayList<>(entries);
    copy.remove(4);
    assertThat(problem(copy, checkpoints))
        .isEqualTo("entries are not numbered 0..n-1: entry 4 is missing (entry 5 is in its place)");
    copy = new ArrayList<>(entries);
    copy.removeLast();
    assertThat(problem(copy, checkpoints))
        .isEqualTo(
            "checkpoint 3 (size 12) covers more entries than the 11 exported: entries were removed");
  }

  @Test
  void anAlteredEntryIsCaught() {
    List<ExportedEntry> copy = new ArrayList<>(entries);
    AuditEntry e = copy.get(7).entry();
    AuditEvent v = e.event();
    AuditEntry changed =
        new AuditEntry(
            7,
            e.at(),
            new AuditEvent(v.kind(), v.actor(), v.role(), v.action(), "camera:X-1", v.purpose()));
    copy.set(7, new ExportedEntry(changed, copy.get(7).leafHash()));
    assertThat(problem(copy, checkpoints)).isEqualTo("entry 7: hash does not match its content");
    copy.set(7, ExportedEntry.of(changed));
    assertThat(problem(copy, checkpoints))
        .isEqualTo(
            "checkpoint 2 (size 10): root does not match entries 0–9, so it is not consistent with"
                + " checkpoint 1 (size 5): the history was altered or forked");
  }

  @Test
  void reorderedEntriesAreCaught() {
    List<ExportedEntry> copy = new ArrayList<>(entries);
    Collections.swap(copy, 2, 3);
    assertThat(problem(copy, checkpoints))
        .isEqualTo("entries are not numbered 0..n-1: entry 2 is missing (entry 3 is in its place)");
  }

  @Test
  void aForkSignedWithTheRealKeyIsCaught() {
    List<ExportedEntry> other = AuditTestData.entries(12);
    AuditEntry e = other.get(8).entry();
    other.set(8, ExportedEntry.of(new AuditEntry(8, e.at().plusSeconds(1), e.event())));
    List<SignedCheckpoint> forked = new ArrayList<>(checkpoints);
    forked.add(AuditTestData.checkpoint(key, other, 12));
    assertThat(problem(entries, forked))
        .startsWith("checkpoint 4 (size 12): root does not match entries 0–11, so it is not");
  }

  @Test
  void aWrongKeyOrAShrinkingCheckpointIsCaught() {
    assertThat(
            AuditVerifier.verify(entries, checkpoints, AuditTestData.key().publicKey()).problem())
        .isEqualTo("checkpoint 1 (size 5): signature does not verify with the log's public key");
    List<SignedCheckpoint> shrinking = new ArrayList<>(checkpoints);
    Collections.swap(shrinking, 1, 2);
    assertThat(problem(entries, shrinking))
        .isEqualTo("checkpoint 3 (size 10) is smaller than checkpoint 2 (size 12)");
    assertThat(problem(entries, List.of()))
        .isEqualTo("there is no checkpoint, so nothing here is signed");
  }

  private String problem(List<ExportedEntry> e, List<SignedCheckpoint> c) {
    return AuditVerifier.verify(e, c, key.publicKey()).problem();
  }
}
