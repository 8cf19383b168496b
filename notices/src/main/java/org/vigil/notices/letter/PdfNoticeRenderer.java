package org.vigil.notices.letter;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.vigil.enforcement.ViolationType;
import org.vigil.notice.Language;
import org.vigil.notice.NoticeLetter;
import org.vigil.notice.NoticeRenderer;

/**
 * The notice as an A4 PDF letter (Apache PDFBox) in the keeper's language, with its payment QR code
 * (ZXing), and the e-mail and text-message wording that carries it.
 *
 * <p>The letter says, in this order: the authority, the title, the notice number and the day of
 * issue; the keeper's name and postal address; the offence in words, the plate, the place, the date
 * and time in the jurisdiction's zone; the measured (for a section: average) and retained speeds
 * and the limit, each only when the offence has it ({@code NaN} or {@code 0} mean none); the rule's
 * finding; the legal basis; the amount, the reduced amount with its last day when there is one, and
 * the last day to pay; how to pay, with the payment reference (the notice number) and a QR code of
 * {@link PaymentUri}; and how to see the evidence and appeal at the portal with the notice number
 * and the plate. Texts come from the bundles {@code notice_en/ru/kk.properties}; the typeface is
 * DejaVu Sans, embedded as a subset ({@link LetterFonts}).
 *
 * <p>Thread-safe: every call builds its own document.
 */
public final class PdfNoticeRenderer implements NoticeRenderer {
  /** The most characters {@link #sms} returns. */
  public static final int SMS_MAX = 480;

  private static final float QR_SIZE = 96;

  private final Map<Language, String> authority;
  private final LetterFonts fonts;

  /** A renderer that heads letters with the bundles' generic authority name. */
  public PdfNoticeRenderer() {
    this(Map.of());
  }

  /**
   * A renderer that heads letters with the issuing authority's name in each language; a language
   * not in the map gets the bundle's generic name.
   *
   * @throws IllegalArgumentException when a name is blank
   */
  public PdfNoticeRenderer(Map<Language, String> authorityNames) {
    Map<Language, String> names = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      String name = authorityNames.get(l);
      if (name != null && name.isBlank()) {
        throw new IllegalArgumentException("the authority's name in " + l.tag() + " is blank");
      }
      names.put(l, name != null ? name.strip() : NoticeTexts.of(l).text("authority"));
    }
    this.authority = Map.copyOf(names);
    this.fonts = new LetterFonts();
  }

  @Override
  public byte[] pdf(NoticeLetter letter) {
    NoticeTexts t = NoticeTexts.of(letter.language());
    try (PDDocument doc = new PDDocument();
        LetterFonts.Loaded loaded = fonts.load(doc)) {
      doc.getDocumentCatalog().setLanguage(letter.language().tag());
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(t.text("title") + " " + letter.noticeNumber());
      info.setCreator("Vigil");
      try (Layout page = new Layout(doc, loaded)) {
        write(page, letter, t);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "notice " + letter.noticeNumber() + ": the PDF letter could not be written", e);
    }
  }

  private void write(Layout page, NoticeLetter l, NoticeTexts t) throws IOException {
    page.paragraph(authority.get(l.language()), true, 11);
    page.space(4);
    page.paragraph(t.text("title"), true, 15);
    page.space(6);
    page.row(t.text("number"), l.noticeNumber(), true);
    page.row(t.text("issued"), t.date(l.issuedOn()), false);

    page.space(10);
    page.paragraph(t.text("recipient"), false, 9);
    page.paragraph(l.keeper().name(), true, 11);
    for (String line : l.keeper().address().lines()) {
      page.paragraph(line, false, 11);
    }

    page.heading(t.text("section.offence"));
    page.row(t.text("offence"), t.offence(l.type()), true);
    page.row(t.text("vehicle"), l.plateText(), true);
    page.row(t.text("place"), l.place(), false);
    page.row(t.text("time"), t.dateTime(l.observedAt(), l.zone()), false);
    if (hasSpeed(l.measuredSpeedKmh())) {
      String label = l.type() == ViolationType.SECTION_SPEED ? "measured.average" : "measured";
      page.row(t.text(label), t.speed(l.measuredSpeedKmh()), false);
    }
    if (hasSpeed(l.retainedSpeedKmh())) {
      page.row(t.text("retained"), t.speed(l.retainedSpeedKmh()), true);
    }
    if (l.limitKmh() > 0) {
      page.row(t.text("limit"), t.speed(l.limitKmh()), false);
    }
    if (!l.detail().isBlank()) {
      page.row(t.text("finding"), l.detail(), false);
    }
    page.row(t.text("legal"), l.legalBasis(), false);

    page.heading(t.text("section.fine"));
    page.row(t.text("amount"), t.money(l.amount(), l.currency()), true);
    if (l.discountedAmount() != null) {
      page.row(
          t.text("discount.label"),
          t.fill(
              "discount", t.money(l.discountedAmount(), l.currency()), t.date(l.discountLastDay())),
          true);
    }
    page.row(t.text("payBy"), t.date(l.payBy()), true);

    String payment = PaymentUri.of(l);
    page.heading(t.text("section.pay"));
    page.row(t.text("reference"), l.noticeNumber(), true);
    page.space(2);
    page.paragraph(t.fill("pay.text", l.portal(), l.noticeNumber()), false, 10);
    page.space(4);
    page.qr(qr(payment), QR_SIZE, t.text("qr.caption"), payment);

    page.heading(t.text("section.portal"));
    page.paragraph(t.fill("portal.text", l.portal(), l.noticeNumber()), false, 10);
    page.space(10);
    page.paragraph(t.text("footer"), false, 8.5f);
  }

  private static boolean hasSpeed(double kmh) {
    return !Double.isNaN(kmh) && kmh > 0;
  }

  private static BitMatrix qr(String content) {
    try {
      return new QRCodeWriter()
          .encode(
              content,
              com.google.zxing.BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.CHARACTER_SET,
                  "UTF-8",
                  EncodeHintType.MARGIN,
                  0));
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "the payment address is too long for a QR code (" + content.length() + " characters)", e);
    }
  }

  @Override
  public String emailSubject(NoticeLetter letter) {
    return NoticeTexts.of(letter.language()).fill("mail.subject", letter.noticeNumber());
  }

  @Override
  public String emailBody(NoticeLetter l) {
    NoticeTexts t = NoticeTexts.of(l.language());
    StringBuilder b = new StringBuilder();
    b.append(t.fill("mail.greeting", l.keeper().name())).append("\n\n");
    b.append(t.fill("mail.intro", l.noticeNumber(), l.plateText())).append("\n\n");
    b.append(t.text("offence")).append(": ").append(t.offence(l.type())).append('\n');
    b.append(t.text("place")).append(": ").append(l.place()).append('\n');
    b.append(t.text("time")).append(": ").append(t.dateTime(l.observedAt(), l.zone())).append('\n');
    b.append(t.text("legal")).append(": ").append(l.legalBasis()).append('\n');
    b.append(t.text("amount")).append(": ").append(t.money(l.amount(), l.currency())).append('\n');
    if (l.discountedAmount() != null) {
      b.append(t.text("discount.label"))
          .append(": ")
          .append(
              t.fill(
                  "discount",
                  t.money(l.discountedAmount(), l.currency()),
                  t.date(l.discountLastDay())))
          .append('\n');
    }
    b.append(t.text("payBy")).append(": ").append(t.date(l.payBy())).append('\n');
    b.append(t.text("reference")).append(": ").append(l.noticeNumber()).append("\n\n");
    b.append(t.fill("mail.pay", PaymentUri.of(l))).append('\n');
    b.append(t.fill("mail.portal", l.portal())).append("\n\n");
    b.append(authority.get(l.language())).append('\n');
    b.append(t.text("mail.noreply")).append('\n');
    return b.toString();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException naming the notice and the length when even the text without
   *     the offence's wording exceeds {@value #SMS_MAX} characters (an overly long portal address)
   */
  @Override
  public String sms(NoticeLetter l) {
    NoticeTexts t = NoticeTexts.of(l.language());
    String discount =
        l.discountedAmount() == null
            ? ""
            : t.fill(
                "sms.discount",
                t.money(l.discountedAmount(), l.currency()),
                t.date(l.discountLastDay()));
    String when = t.date(l.observedAt().atZone(l.zone()).toLocalDate());
    String full =
        t.fill(
            "sms",
            l.noticeNumber(),
            t.offence(l.type()),
            when,
            t.money(l.amount(), l.currency()),
            discount,
            t.date(l.payBy()),
            l.portal());
    if (full.length() <= SMS_MAX) {
      return full;
    }
    String shorter =
        t.fill(
            "sms",
            l.noticeNumber(),
            t.offence(l.type()).replaceAll(" \\(.*\\)$", ""),
            when,
            t.money(l.amount(), l.currency()),
            discount,
            t.date(l.payBy()),
            l.portal());
    if (shorter.length() <= SMS_MAX) {
      return shorter;
    }
    throw new IllegalArgumentException(
        "notice "
            + l.noticeNumber()
            + ": the text message would have "
            + shorter.length()
            + " characters, more than "
            + SMS_MAX);
  }
}
