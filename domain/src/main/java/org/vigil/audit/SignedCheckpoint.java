package org.vigil.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A checkpoint as a C2SP signed note: its body, a blank line, and signature lines {@code — name
 * base64(key id ‖ Ed25519 signature)}. At most {@value #MAX_SIGNATURES} signature lines are read,
 * so that witnesses' cosignatures can be added later.
 *
 * @param checkpoint what the body says
 * @param note the whole note, as signed and stored
 */
public record SignedCheckpoint(Checkpoint checkpoint, String note) {
  /** The most signature lines a note may carry. */
  public static final int MAX_SIGNATURES = 20;

  private static final String SIGNATURE_PREFIX = "\u2014 ";

  public SignedCheckpoint {
    if (checkpoint == null || note == null || !note.startsWith(checkpoint.body() + "\n")) {
      throw new IllegalArgumentException("the note does not begin with the checkpoint's body");
    }
  }

  /**
   * Reads a signed note; the signatures are checked by {@link #verifies}.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  public static SignedCheckpoint parse(String note) {
    int blank = note.indexOf("\n\n");
    if (blank < 0) {
      throw new IllegalArgumentException("a signed note has a blank line before its signatures");
    }
    Checkpoint c = Checkpoint.parseBody(note.substring(0, blank + 1));
    List<String> lines = signatureLines(note.substring(blank + 2));
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("the note has no signature line");
    }
    return new SignedCheckpoint(c, note);
  }

  /**
   * Whether a signature line by the checkpoint's origin, with {@code key}'s key id, verifies over
   * the body with {@code key}.
   */
  public boolean verifies(PublicKey key) {
    byte[] id = LogKey.keyId(checkpoint.origin(), key);
    byte[] body = checkpoint.body().getBytes(StandardCharsets.UTF_8);
    for (String line : signatureLines(note.substring(checkpoint.body().length() + 1))) {
      String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
      if (parts.length != 2 || !parts[0].equals(checkpoint.origin())) {
        continue;
      }
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(parts[1]);
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (raw.length != 4 + 64 || !MessageDigest.isEqual(Arrays.copyOf(raw, 4), id)) {
        continue;
      }
      try {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(body);
        if (s.verify(Arrays.copyOfRange(raw, 4, raw.length))) {
          return true;
        }
      } catch (GeneralSecurityException e) {
        return false;
      }
    }
    return false;
  }

  private static List<String> signatureLines(String text) {
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("a signed note ends with a newline");
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
      if (!line.startsWith(SIGNATURE_PREFIX)) {
        throw new IllegalArgumentException("'" + line + "' is not a signature line");
      }
      lines.add(line);
      if (lines.size() > MAX_SIGNATURES) {
        throw new IllegalArgumentException(
            "a note carries at most " + MAX_SIGNATURES + " signatures");
      }
    }
    return lines;
  }
}
