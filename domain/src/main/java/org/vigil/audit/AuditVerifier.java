package org.vigil.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an exported copy of the audit log offline: that the entries are numbered 0..n-1 without
 * gap, that each entry's stated leaf hash is the hash of its content, that every checkpoint is
 * signed by the log's key, that checkpoints share one origin and never shrink, and that each
 * checkpoint's root is the Merkle root of the first {@code size} entries (so each later checkpoint
 * is consistent with every earlier one). Together these show that nothing was removed, altered,
 * reordered or forked before the latest checkpoint. Entries after the latest checkpoint are
 * reported as not yet covered.
 */
public final class AuditVerifier {
  private AuditVerifier() {}

  /**
   * Verifies {@code entries} (in file order) and {@code checkpoints} (in issue order) against the
   * log's {@code key}.
   *
   * @return what was checked and the first problem, if any
   */
  public static AuditReport verify(
      List<ExportedEntry> entries, List<SignedCheckpoint> checkpoints, PublicKey key) {
    List<String> checked = new ArrayList<>();
    List<Hash> leaves = new ArrayList<>(entries.size());
    for (int p = 0; p < entries.size(); p++) {
      AuditEntry e = entries.get(p).entry();
      if (e.index() != p) {
        String what =
            e.index() > p
                ? "entry " + p + " is missing (entry " + e.index() + " is in its place)"
                : "entry " + e.index() + " appears again in the place of entry " + p;
        return new AuditReport(checked, "entries are not numbered 0..n-1: " + what);
      }
      Hash actual = e.leafHash();
      if (!actual.equals(entries.get(p).leafHash())) {
        return new AuditReport(checked, "entry " + p + ": hash does not match its content");
      }
      leaves.add(actual);
    }
    checked.add(
        entries.size() + " entries, numbered 0.." + (entries.size() - 1) + ", hashes match");
    if (checkpoints.isEmpty()) {
      return new AuditReport(checked, "there is no checkpoint, so nothing here is signed");
    }
    String origin = checkpoints.getFirst().checkpoint().origin();
    Checkpoint previous = null;
    for (int k = 0; k < checkpoints.size(); k++) {
      Checkpoint c = checkpoints.get(k).checkpoint();
      String name = "checkpoint " + (k + 1) + " (size " + c.size() + ")";
      if (!checkpoints.get(k).verifies(key)) {
        return new AuditReport(
            checked, name + ": signature does not verify with the log's public key");
      }
      if (!c.origin().equals(origin)) {
        return new AuditReport(
            checked, name + ": origin '" + c.origin() + "' is not the log's '" + origin + "'");
      }
      if (previous != null && c.size() < previous.size()) {
        return new AuditReport(
            checked, name + " is smaller than checkpoint " + k + " (size " + previous.size() + ")");
      }
      if (c.size() > leaves.size()) {
        return new AuditReport(
            checked,
            name
                + " covers more entries than the "
                + leaves.size()
                + " exported: entries were removed");
      }
      if (!MerkleTree.root(leaves, c.size()).equals(c.root())) {
        String problem = name + ": root does not match entries 0–" + (c.size() - 1);
        if (previous != null) {
          problem +=
              ", so it is not consistent with checkpoint "
                  + k
                  + " (size "
                  + previous.size()
                  + "): the history was altered or forked";
        }
        return new AuditReport(checked, problem);
      }
      previous = c;
    }
    checked.add(
        checkpoints.size()
            + " checkpoints signed by "
            + origin
            + ", each the root of the entries before it");
    checked.add("latest checkpoint: size " + previous.size() + ", root " + previous.root());
    if (previous.size() < leaves.size()) {
      checked.add(
          "entries "
              + previous.size()
              + ".."
              + (leaves.size() - 1)
              + " are not yet covered by a checkpoint");
    }
    return new AuditReport(checked, null);
  }
}
