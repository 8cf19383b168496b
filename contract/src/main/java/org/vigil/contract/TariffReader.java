package org.vigil.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vigil.enforcement.ViolationType;
import org.vigil.tariff.Deadlines;
import org.vigil.tariff.EarlyPayment;
import org.vigil.tariff.FineUnit;
import org.vigil.tariff.FlatFine;
import org.vigil.tariff.InvalidTariffException;
import org.vigil.tariff.Legal;
import org.vigil.tariff.Penalty;
import org.vigil.tariff.RepeatRule;
import org.vigil.tariff.SpeedBand;
import org.vigil.tariff.SpeedMargin;
import org.vigil.tariff.SpeedRange;
import org.vigil.tariff.Tariff;
import org.vigil.tariff.TariffVersion;

/**
 * Reads one tariff tree, collecting every problem with its place; a part with a problem is left out
 * ({@code null}) so that reading goes on, and nothing is built unless there are none.
 */
final class TariffReader {
  private final List<String> problems = new ArrayList<>();

  Tariff tariff(JsonNode root) {
    if (!root.isObject()) {
      throw new InvalidTariffException(List.of("the tariff must be a JSON object"));
    }
    String jurisdiction = attempt("jurisdiction", () -> Fields.text(root, "jurisdiction"));
    ZoneId zone = attempt("timeZone", () -> zone(Fields.text(root, "timeZone")));
    List<TariffVersion> versions = new ArrayList<>();
    JsonNode array = root.get("versions");
    if (array == null || !array.isArray() || array.isEmpty()) {
      problems.add("versions must be a non-empty array");
    } else {
      for (int i = 0; i < array.size(); i++) {
        JsonNode v = array.get(i);
        JsonNode from = v.get("validFrom");
        String where =
            "versions["
                + i
                + "]"
                + (from != null && from.isTextual() ? " from " + from.asText() : "");
        if (!v.isObject()) {
          problems.add(where + ": must be an object");
          continue;
        }
        TariffVersion version = version(v, where);
        if (version != null) {
          versions.add(version);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidTariffException(problems);
    }
    return new Tariff(jurisdiction, zone, versions);
  }

  private TariffVersion version(JsonNode v, String where) {
    int before = problems.size();
    LocalDate from = attempt(where, () -> date(Fields.text(v, "validFrom")));
    String note = attempt(where, () -> Fields.optionalText(v, "note"));
    String currency = attempt(where, () -> Fields.text(v, "currency"));
    FineUnit unit = object(v, "unit", where, this::unit);
    SpeedMargin margin = object(v, "speedMargin", where, this::margin);
    Map<ViolationType, List<SpeedBand>> bands = speeding(v.get("speeding"), where);
    Map<ViolationType, FlatFine> fines = fines(v.get("fines"), where);
    RepeatRule repeat = optionalObject(v, "repeatOffence", where, this::repeat);
    EarlyPayment early = optionalObject(v, "earlyPayment", where, this::earlyPayment);
    Deadlines deadlines = object(v, "deadlines", where, this::deadlines);
    if (problems.size() > before) {
      return null;
    }
    return attempt(
        where,
        () ->
            new TariffVersion(
                from, unit, currency, margin, bands, fines, repeat, early, deadlines, note));
  }

  private FineUnit unit(JsonNode n) {
    String code = Fields.text(n, "code");
    if (n.has("value") == n.has("valuePerYear")) {
      throw new IllegalArgumentException("give either value or valuePerYear");
    }
    if (n.has("value")) {
      return new FineUnit.Fixed(code, Fields.decimal(n, "value"));
    }
    JsonNode years = n.get("valuePerYear");
    if (!years.isArray()) {
      throw new IllegalArgumentException("valuePerYear must be an array");
    }
    Map<Integer, BigDecimal> values = new HashMap<>();
    for (int i = 0; i < years.size(); i++) {
      JsonNode y = years.get(i);
      String at = "valuePerYear[" + i + "]";
      int year = Fields.whole(y, "year", at);
      if (Fields.optionalText(y, "source") == null && Fields.optionalText(y, "note") == null) {
        throw new IllegalArgumentException(
            at + " " + year + " needs a source, or a note saying why it has none");
      }
      if (values.put(year, Fields.decimal(y, "value", at)) != null) {
        throw new IllegalArgumentException(at + ": " + year + " is given twice");
      }
    }
    return new FineUnit.Yearly(code, values);
  }

  private SpeedMargin margin(JsonNode n) {
    legal(n);
    String kind = Fields.text(n, "kind");
    return switch (kind) {
      case "none" -> new SpeedMargin.None();
      case "kmhThenPercent" ->
          new SpeedMargin.KmhThenPercent(
              Fields.whole(n, "thresholdKmh"),
              Fields.whole(n, "belowKmh"),
              Fields.whole(n, "percentFrom"));
      default ->
          throw new IllegalArgumentException(
              "kind must be none or kmhThenPercent, was '" + kind + "'");
    };
  }

  private Map<ViolationType, List<SpeedBand>> speeding(JsonNode n, String where) {
    Map<ViolationType, List<SpeedBand>> byType = new EnumMap<>(ViolationType.class);
    if (n == null || n.isNull()) {
      return byType;
    }
    String at = where + ": speeding";
    List<ViolationType> types = new ArrayList<>();
    JsonNode applies = n.get("appliesTo");
    if (applies == null || !applies.isArray() || applies.isEmpty()) {
      problems.add(at + ".appliesTo must be a non-empty array of violation types");
    } else {
      for (int i = 0; i < applies.size(); i++) {
        String p = at + ".appliesTo[" + i + "]";
        JsonNode t = applies.get(i);
        ViolationType type = attempt(p, () -> type(t.isTextual() ? t.asText() : t.toString()));
        if (type != null) {
          types.add(type);
        }
      }
    }
    List<SpeedBand> bands = new ArrayList<>();
    JsonNode array = n.get("bands");
    if (array == null || !array.isArray() || array.isEmpty()) {
      problems.add(at + ".bands must be a non-empty array");
      return byType;
    }
    for (int i = 0; i < array.size(); i++) {
      JsonNode b = array.get(i);
      String p = at + ".bands[" + i + "]";
      SpeedRange over = attempt(p, () -> range(b.get("over"), "over"));
      String bandAt = over == null ? p : p + " '" + over.label() + "'";
      SpeedRange limit =
          b.has("limit") ? attempt(bandAt, () -> range(b.get("limit"), "limit")) : null;
      Penalty fine = object(b, "fine", bandAt, this::penalty);
      Penalty repeat = optionalObject(b, "repeat", bandAt, this::penalty);
      if (over != null && fine != null) {
        bands.add(new SpeedBand(over, limit, fine, repeat));
      }
    }
    types.forEach(t -> byType.put(t, bands));
    return byType;
  }

  private Map<ViolationType, FlatFine> fines(JsonNode n, String where) {
    Map<ViolationType, FlatFine> byType = new EnumMap<>(ViolationType.class);
    if (n == null || n.isNull()) {
      return byType;
    }
    if (!n.isObject()) {
      problems.add(where + ": fines must be an object keyed by violation type");
      return byType;
    }
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String at = where + ": fines." + e.getKey();
      ViolationType type = attempt(at, () -> type(e.getKey()));
      Penalty fine = object(e.getValue(), "fine", at, this::penalty);
      Penalty repeat = optionalObject(e.getValue(), "repeat", at, this::penalty);
      if (type != null && fine != null) {
        byType.put(type, new FlatFine(fine, repeat));
      }
    }
    return byType;
  }

  private Penalty penalty(JsonNode n) {
    Legal legal = legal(n);
    JsonNode court = n.get("referredToCourt");
    if (court != null && court.asBoolean(false)) {
      if (n.has("amount")) {
        throw new IllegalArgumentException("a fine referred to court has no amount");
      }
      return new Penalty.Court(legal);
    }
    return new Penalty.Fine(
        Fields.decimal(n, "amount"),
        Fields.optionalDecimal(n, "reduced"),
        Fields.optionalDecimal(n, "increased"),
        legal);
  }

  private RepeatRule repeat(JsonNode n) {
    return new RepeatRule(Period.ofMonths(Fields.whole(n, "withinMonths")), legal(n));
  }

  private EarlyPayment earlyPayment(JsonNode n) {
    return new EarlyPayment(
        Fields.whole(n, "withinDays"), Fields.optionalDecimal(n, "percentOff"), legal(n));
  }

  private Deadlines deadlines(JsonNode n) {
    JsonNode notice = n.get("noticeWithinDays");
    return new Deadlines(
        notice == null || notice.isNull() ? null : Fields.whole(n, "noticeWithinDays"),
        Fields.whole(n, "payWithinDays"),
        Fields.whole(n, "escalationAfterDays"),
        Fields.text(n, "escalation"),
        legal(n));
  }

  private static Legal legal(JsonNode n) {
    return new Legal(
        Fields.text(n, "basis"), Fields.optionalText(n, "source"), Fields.optionalText(n, "note"));
  }

  /** A range such as {@code {"moreThan": 10, "upTo": 20}}; without a lower bound, from 0. */
  private static SpeedRange range(JsonNode n, String field) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(field + " must be an object such as {\"moreThan\": 10}");
    }
    if (n.has("moreThan") && n.has("atLeast")) {
      throw new IllegalArgumentException(field + " gives both moreThan and atLeast");
    }
    if (n.has("upTo") && n.has("lessThan")) {
      throw new IllegalArgumentException(field + " gives both upTo and lessThan");
    }
    SpeedRange r =
        n.has("moreThan")
            ? SpeedRange.moreThan(Fields.whole(n, "moreThan", field))
            : SpeedRange.atLeast(n.has("atLeast") ? Fields.whole(n, "atLeast", field) : 0);
    if (n.has("upTo")) {
      return r.upTo(Fields.whole(n, "upTo", field));
    }
    return n.has("lessThan") ? r.lessThan(Fields.whole(n, "lessThan", field)) : r;
  }

  private static ViolationType type(String name) {
    try {
      return ViolationType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is not a violation type; one of "
              + Arrays.toString(ViolationType.values()),
          e);
    }
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + id + "' is not a known time zone", e);
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "validFrom must be a date such as 2024-12-04, was '" + text + "'", e);
    }
  }

  private interface Part<T> {
    T read(JsonNode n);
  }

  private <T> T object(JsonNode parent, String field, String where, Part<T> part) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      problems.add(where + ": " + field + " is missing");
      return null;
    }
    return optionalObject(parent, field, where, part);
  }

  private <T> T optionalObject(JsonNode parent, String field, String where, Part<T> part) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      problems.add(where + ": " + field + " must be an object");
      return null;
    }
    return attempt(where + ": " + field, () -> part.read(n));
  }

  private <T> T attempt(String where, Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(where + ": " + e.getMessage());
      return null;
    }
  }
}
