package org.vigil.transparency;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.retention.RetentionClass;
import org.vigil.retention.RetentionPolicy;

/**
 * What the report's page says in plain words: what Vigil collects, what it never collects, and how
 * long it keeps what.
 *
 * @param collects what Vigil collects
 * @param neverCollects what it never collects
 * @param retention how long each class of data is kept
 */
public record Policy(List<String> collects, List<String> neverCollects, List<Retention> retention) {
  public Policy {
    collects = List.copyOf(collects);
    neverCollects = List.copyOf(neverCollects);
    retention = List.copyOf(retention);
  }

  /** What Vigil collects, as built. */
  public static final List<String> COLLECTS =
      List.of(
          "For each vehicle that breaks a rule in force at a camera or section: its plate as"
              + " read, the time, the place, the lane, the measured speed or signal state, the"
              + " limit in force and the fine. This is the violation record.",
          "For every vehicle, compliant or not, only counts: how many vehicles passed each camera"
              + " per lane and minute, their speeds as a histogram and their class (car, truck…)."
              + " No plate, time or trace of any one vehicle is kept.",
          "Plates that the camera could not read with confidence, held for a person to read.",
          "For each member of staff: a user name, a role and a password hash; every time they"
              + " see personal data or change the configuration, an entry in the tamper-evident"
              + " audit log under a pseudonym.");

  /** What Vigil never collects. */
  public static final List<String> NEVER_COLLECTS =
      List.of(
          "Anything about vehicles that obey the law: their plates are decided in memory and"
              + " forgotten within seconds, never written to disk.",
          "Faces: there is no facial recognition.",
          "The occupants of a vehicle: who drives or rides in it.",
          "Movement histories: there is no search by plate and no \"where was this vehicle\""
              + " query; average-speed sections link a vehicle's two sightings only when it"
              + " drove too fast.",
          "Hot lists: no plate is looked for on behalf of anyone.",
          "Phones or other devices: no tracking of phone signals, Wi-Fi or Bluetooth.",
          "Ethnicity, gender, age or any other demographic trait.");

  /** How long Vigil keeps what, when the installation states nothing more precise. */
  public static final List<Retention> DEFAULT_RETENTION =
      List.of(
          new Retention(
              "Vehicles that obey the law", "Not stored: forgotten in memory within seconds."),
          new Retention(
              "Violations and their evidence",
              "Until the case is closed and the legal limitation period has passed, as set by"
                  + " the operator of this installation."),
          new Retention(
              "Traffic counts (no personal data)",
              "Per-minute counts for a limited time set by the operator; hourly and daily"
                  + " counts are kept as public statistics."),
          new Retention(
              "The audit log (pseudonyms only)",
              "For the life of the log: it is append-only so that it can be verified."));

  /** The standard statement with the default retention text. */
  public static Policy standard() {
    return new Policy(COLLECTS, NEVER_COLLECTS, DEFAULT_RETENTION);
  }

  /**
   * The standard statement with the retention text the installation configures, data class → period
   * in plain words, in the map's order; an empty map keeps the default text.
   */
  public static Policy withRetention(Map<String, String> retention) {
    if (retention.isEmpty()) {
      return standard();
    }
    List<Retention> out = new ArrayList<>();
    retention.forEach((dataClass, period) -> out.add(new Retention(dataClass, period)));
    return new Policy(COLLECTS, NEVER_COLLECTS, out);
  }

  /**
   * The standard statement with the periods this installation enforces, in plain words: what its
   * retention purge actually does, so the public page cannot promise more or less than that.
   */
  public static Policy of(RetentionPolicy policy) {
    return new Policy(
        COLLECTS,
        NEVER_COLLECTS,
        List.of(
            DEFAULT_RETENTION.getFirst(),
            new Retention(
                "Violations and their evidence",
                "The plate and other personal data are erased "
                    + inWords(policy.period(RetentionClass.CASE))
                    + " after the violation (after the case's closure once cases are closed),"
                    + " unless a court or an appeal puts it under a legal hold; they are erased"
                    + " by destroying their key, so copies and backups become unreadable too."
                    + " What remains (type, camera, time, measured speed) has no personal data"
                    + " and is kept for statistics."),
            new Retention(
                "Violations rejected at review",
                "Personal data erased "
                    + inWords(policy.period(RetentionClass.REJECTED))
                    + " after the rejection."),
            new Retention(
                "Evidence images",
                "Erased "
                    + inWords(policy.period(RetentionClass.EVIDENCE_IMAGE))
                    + " after the violation, with the case's other personal data."),
            new Retention(
                "Traffic counts (no personal data)",
                "Per-minute counts are deleted after "
                    + inWords(policy.period(RetentionClass.STATISTICS))
                    + "; hourly and daily counts are kept as public statistics."),
            DEFAULT_RETENTION.getLast()));
  }

  /** A period in plain words, such as "1 year" or "2 months and 3 days". */
  static String inWords(Period p) {
    List<String> parts = new ArrayList<>();
    if (p.getYears() != 0) {
      parts.add(p.getYears() + (p.getYears() == 1 ? " year" : " years"));
    }
    if (p.getMonths() != 0) {
      parts.add(p.getMonths() + (p.getMonths() == 1 ? " month" : " months"));
    }
    if (p.getDays() != 0 || parts.isEmpty()) {
      parts.add(p.getDays() + (p.getDays() == 1 ? " day" : " days"));
    }
    return String.join(" and ", parts);
  }
}
