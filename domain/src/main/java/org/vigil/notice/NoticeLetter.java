package org.vigil.notice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.vigil.enforcement.ViolationType;
import org.vigil.keeper.Keeper;

/**
 * Everything a notice of a confirmed case says, in the keeper's language. Personal data (keeper,
 * plate): {@link #toString()} prints only the notice number.
 *
 * @param noticeNumber the notice's number, also the payment reference and the portal's key
 * @param language the keeper's language
 * @param issuedOn the day the notice is issued
 * @param keeper to whom, and where
 * @param plateText the vehicle's plate as read and confirmed
 * @param type the offence
 * @param place where, in words (the camera's or section's name)
 * @param observedAt when
 * @param zone the jurisdiction's time zone, in which times and days are printed
 * @param measuredSpeedKmh the measured or average speed; NaN when the offence has none
 * @param retainedSpeedKmh the measured speed less the technical margin; NaN when none
 * @param limitKmh the limit in force; 0 when the offence has none
 * @param detail the rule's finding in words
 * @param legalBasis e.g. {@code CoAO RK art. 592 part 2}
 * @param amount the fine
 * @param currency e.g. {@code KZT}
 * @param discountedAmount the amount when paid by {@code discountLastDay}, or {@code null}
 * @param discountLastDay the last day of the discount, or {@code null}
 * @param payBy the last day to pay the full amount
 * @param portal the citizen portal's address, where to see the evidence, pay or appeal online, e.g.
 *     {@code https://vigil.example/portal}; http or https
 */
public record NoticeLetter(
    String noticeNumber,
    Language language,
    LocalDate issuedOn,
    Keeper keeper,
    String plateText,
    ViolationType type,
    String place,
    Instant observedAt,
    ZoneId zone,
    double measuredSpeedKmh,
    double retainedSpeedKmh,
    int limitKmh,
    String detail,
    String legalBasis,
    BigDecimal amount,
    String currency,
    BigDecimal discountedAmount,
    LocalDate discountLastDay,
    LocalDate payBy,
    String portal) {
  public NoticeLetter {
    Objects.requireNonNull(noticeNumber, "noticeNumber");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(issuedOn, "issuedOn");
    Objects.requireNonNull(keeper, "keeper");
    Objects.requireNonNull(plateText, "plateText");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(legalBasis, "legalBasis");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(payBy, "payBy");
    Objects.requireNonNull(portal, "portal");
    if (!portal.startsWith("https://") && !portal.startsWith("http://")) {
      throw new IllegalArgumentException(
          "notice "
              + noticeNumber
              + ": the portal must be an http(s) address, was '"
              + portal
              + "'");
    }
    if ((discountedAmount == null) != (discountLastDay == null)) {
      throw new IllegalArgumentException(
          "notice " + noticeNumber + ": a discount needs both its amount and its last day");
    }
  }

  /** The same notice in {@code other} language: the keeper may ask for a copy in another. */
  public NoticeLetter inLanguage(Language other) {
    return new NoticeLetter(
        noticeNumber,
        other,
        issuedOn,
        keeper,
        plateText,
        type,
        place,
        observedAt,
        zone,
        measuredSpeedKmh,
        retainedSpeedKmh,
        limitKmh,
        detail,
        legalBasis,
        amount,
        currency,
        discountedAmount,
        discountLastDay,
        payBy,
        portal);
  }

  @Override
  public String toString() {
    return "NoticeLetter[" + noticeNumber + "]";
  }
}
