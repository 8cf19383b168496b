package org.vigil.enforcement;

import java.time.Instant;

/**
 * What section control keeps of one detection while it waits for its other end: nothing but opaque
 * values and times.
 *
 * <p>In clear are only its {@code home} tag (one of the tags it waits under, where it is counted),
 * which end it is, its time bucket, the time after which it is forgotten, and the sealed evidence.
 * None of them is derived from the plate without the epoch key, and the seal opens only with a key
 * derived from the plate and the epoch key: whoever holds this object, or a dump of the memory it
 * lives in, learns that some vehicle passed a camera of the section at about that time, which the
 * arrival of the detection told anyway, and nothing that pairs an entry with an exit.
 *
 * <p>{@code forgetAt} is exact (the entry time plus the section's shortest legal travel time, or
 * the exit time) so that forgetting is as prompt as with clear plates; it tells the sighting's
 * time, not its vehicle.
 *
 * @param home the tag under which it is counted; an exit's only tag, an entry's first
 * @param entry whether it is an entry (else an exit)
 * @param bucket its time bucket, from which a matching sighting derives the seal key
 * @param forgetAt the stream time after which it can no longer produce a violation
 * @param sealed the {@link Evidence}, sealed by {@link Sealer}
 */
public record SealedSighting(
    Tag home, boolean entry, long bucket, Instant forgetAt, byte[] sealed) {

  @Override
  public String toString() {
    return "SealedSighting[" + (entry ? "entry" : "exit") + " in bucket " + bucket + "]";
  }
}
