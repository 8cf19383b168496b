package org.vigil.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.vigil.detection.Detection;
import org.vigil.enforcement.Decision;
import org.vigil.enforcement.Enforcer;
import org.vigil.enforcement.Exemptions;
import org.vigil.enforcement.InMemorySectionSightings;
import org.vigil.enforcement.StreamClock;
import org.vigil.enforcement.Violation;
import org.vigil.site.Sites;

/**
 * An {@link Enforcer} on a test clock, for rule tests: each detection is received {@link #TRANSIT}
 * after it was observed, as from a camera with an exact clock.
 */
public final class Enforcement {
  /** How long each detection takes to arrive. */
  public static final Duration TRANSIT = Duration.ofMillis(40);

  private final TestClock clock;
  private final InMemorySectionSightings sightings = new InMemorySectionSightings();
  private final Enforcer enforcer;
  private final Sites sites;

  private Enforcement(Sites sites, Duration lateness, Exemptions exemptions, Instant start) {
    this.sites = sites;
    this.clock = new TestClock(start);
    this.enforcer = new Enforcer(sightings, new StreamClock(clock, lateness), clock, exemptions);
  }

  /** Enforcement of {@code sites} with the given lateness and no exemptions. */
  public static Enforcement of(Sites sites, Duration lateness) {
    return new Enforcement(sites, lateness, Exemptions.NONE, Instant.parse("2026-11-02T07:00:00Z"));
  }

  /** Enforcement with exemptions. */
  public static Enforcement of(Sites sites, Duration lateness, Exemptions exemptions) {
    return new Enforcement(sites, lateness, exemptions, Instant.parse("2026-11-02T07:00:00Z"));
  }

  /** The decision on {@code d}, received {@link #TRANSIT} after it was observed. */
  public Decision decide(Detection d) {
    return decide(d, d.observedAt().plus(TRANSIT));
  }

  /** The decision on {@code d}, received at {@code receivedAt}. */
  public Decision decide(Detection d, Instant receivedAt) {
    return enforcer.decide(d, sites, receivedAt);
  }

  /** The violations {@code d} completes; none when it was late or a duplicate read. */
  public List<Violation> see(Detection d) {
    return decide(d) instanceof Decision.Decided decided ? decided.violations() : List.of();
  }

  /** Forgets what can no longer produce a violation, as the runtime does every second. */
  public void forgetExpired() {
    enforcer.forgetExpired();
  }

  public TestClock clock() {
    return clock;
  }

  public InMemorySectionSightings sightings() {
    return sightings;
  }

  public Enforcer enforcer() {
    return enforcer;
  }
}
