package org.vigil.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.vigil.enforcement.Fine;
import org.vigil.enforcement.Violation;

/**
 * The SHA-256 of the evidence a reviewer saw, as lower-case hex: a review signature covers it, so a
 * later change of the evidence breaks the signature. The digest is over these UTF-8 lines, each
 * ending in {@code \n}:
 *
 * <pre>
 * vigil-evidence-v1
 * id=&lt;violation uuid&gt;
 * type=SPEED
 * place=camera:B-003            (or section:S-1)
 * observedAt=2026-11-02T07:30:04.530Z
 * measuredSpeedKmh=130.0        (Java's Double.toString; NaN when none)
 * limitKmh=100 toleranceKmh=10
 * plate=911ABY15 KZ             (country "-" when none)
 * events=B-003:17|…             (as stored, '|'-separated)
 * detail=…
 * fine=FINE 19660 KZT           (outcome, amount or "-", currency or "-")
 * </pre>
 *
 * A shredded violation has no digest: its plate is gone.
 */
public final class EvidenceDigest {
  private EvidenceDigest() {}

  /** The canonical text the digest is taken over. */
  public static String canonical(Violation v) {
    if (v.shredded()) {
      throw new IllegalArgumentException("violation " + v.id() + " is shredded: no evidence left");
    }
    Fine f = v.fine();
    return "vigil-evidence-v1\n"
        + "id="
        + v.id()
        + "\ntype="
        + v.type().name()
        + "\nplace="
        + (v.cameraId() != null ? "camera:" + v.cameraId() : "section:" + v.sectionId())
        + "\nobservedAt="
        + v.observedAt()
        + "\nmeasuredSpeedKmh="
        + Double.toString(v.measuredSpeedKmh())
        + "\nlimitKmh="
        + v.limit().limitKmh()
        + " toleranceKmh="
        + v.limit().toleranceKmh()
        + "\nplate="
        + v.plate().text()
        + " "
        + (v.plate().country() == null ? "-" : v.plate().country())
        + "\nevents="
        + String.join("|", v.eventIds())
        + "\ndetail="
        + v.detail().replace('\n', ' ')
        + "\nfine="
        + (f == null
            ? "-"
            : f.outcome()
                + " "
                + (f.amount() == null ? "-" : f.amount().toPlainString())
                + " "
                + (f.currency() == null ? "-" : f.currency()))
        + "\n";
  }

  /** The digest of {@code v}'s evidence, lower-case hex. */
  public static String of(Violation v) {
    return sha256(canonical(v));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
          .toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
