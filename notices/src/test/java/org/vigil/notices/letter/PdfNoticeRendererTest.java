package org.vigil.notices.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.enforcement.ViolationType;
import org.vigil.notice.Language;
import org.vigil.notice.NoticeLetter;
import org.vigil.notices.testing.Letters;
import org.vigil.notices.testing.PdfText;

class PdfNoticeRendererTest {
  static final PdfNoticeRenderer RENDERER = new PdfNoticeRenderer();

  /** What each language must print for the sample letter, written out by hand. */
  static List<String> expectedFacts(Language language) {
    List<String> common =
        List.of(
            Letters.NUMBER,
            Letters.PLATE,
            Letters.LEGAL,
            Letters.PORTAL,
            "Аль-Фараби — Назарбаев, Almaty",
            "Әлихан Құрманғазыұлы Сейітқалиев",
            "ул. Абая, д. 10, кв. 5",
            "050000 Алматы",
            "retained 107 km/h over the limit of 90 km/h plus tolerance",
            "08:30 (UTC+05:00)");
    List<String> own =
        switch (language) {
          case EN ->
              List.of(
                  "Notice of a road traffic offence",
                  "Exceeding the speed limit",
                  "December 2, 2026",
                  "November 28, 2026, 08:30",
                  "112.6 km/h",
                  "107 km/h",
                  "90 km/h",
                  "34,500 KZT",
                  "Reduced amount 17,250 KZT if paid by December 9, 2026 inclusive",
                  "Last day to pay January 31, 2027",
                  "Payment reference " + Letters.NUMBER,
                  "enter the notice number " + Letters.NUMBER);
          case RU ->
              List.of(
                  "Уведомление об административном правонарушении в области дорожного движения",
                  "Превышение установленной скорости движения",
                  "2 декабря 2026 г.",
                  "28 ноября 2026 г., 08:30",
                  "112,6 км/ч",
                  "107 км/ч",
                  "90 км/ч",
                  "34 500 KZT",
                  "Сумма со скидкой 17 250 KZT при оплате до 9 декабря 2026 г. включительно",
                  "Оплатить не позднее 31 января 2027 г.",
                  "введите номер уведомления " + Letters.NUMBER);
          case KK ->
              List.of(
                  "Жол жүрісі саласындағы әкімшілік құқық бұзушылық туралы хабарлама",
                  "Белгіленген жүру жылдамдығын асыру",
                  "2026 ж. 2 желтоқсан",
                  "2026 ж. 28 қараша, 08:30",
                  "112,6 км/сағ",
                  "107 км/сағ",
                  "90 км/сағ",
                  "34 500 KZT",
                  "Жеңілдікпен сома 2026 ж. 9 желтоқсан қоса алғанда төлеген жағдайда 17 250 KZT",
                  "Төлеудің соңғы күні 2027 ж. 31 қаңтар",
                  Letters.NUMBER + " хабарлама нөмірін");
        };
    List<String> all = new ArrayList<>(common);
    all.addAll(own);
    return all;
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void theLetterStatesEveryFactInTheKeepersLanguage(Language language) {
    byte[] pdf = RENDERER.pdf(Letters.speeding(language));
    PdfText.keep(pdf, "notice-" + language.tag() + ".pdf");

    String text = PdfText.text(pdf);

    assertThat(text).contains(expectedFacts(language));
    assertThat(PdfText.pages(pdf)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void theQrCodeDecodesToThePaymentAddress(Language language) {
    NoticeLetter letter = Letters.speeding(language);

    List<String> codes = PdfText.qrCodes(RENDERER.pdf(letter));

    assertThat(codes)
        .containsExactly("https://vigil.example/portal/pay?n=KZ-2026-000123")
        .containsExactly(PaymentUri.of(letter));
  }

  @Test
  void theFontIsEmbeddedAsASubsetAndNoOtherFontIsUsed() throws IOException {
    try (PDDocument doc = Loader.loadPDF(RENDERER.pdf(Letters.speeding(Language.KK)))) {
      List<String> fonts = new ArrayList<>();
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font).isInstanceOf(PDType0Font.class);
          assertThat(font.isEmbedded()).isTrue();
          fonts.add(font.getName());
        }
      }
      assertThat(fonts)
          .isNotEmpty()
          .allMatch(n -> n.matches("[A-Z]{6}\\+DejaVuSans(-Bold)?"), "a DejaVu Sans subset");
    }
  }

  @Test
  void speedsAndLimitAreLeftOutWhenTheOffenceHasNone() {
    NoticeLetter redLight =
        Letters.letter(Language.EN, ViolationType.RED_LIGHT, Double.NaN, Double.NaN, 0, null);

    String text = PdfText.text(RENDERER.pdf(redLight));

    assertThat(text)
        .contains("Passing a red traffic signal")
        .doesNotContain("Measured speed", "Speed retained", "Speed limit");
  }

  @Test
  void aSectionNoticeShowsTheAverageSpeed() {
    NoticeLetter section =
        Letters.letter(Language.RU, ViolationType.SECTION_SPEED, 131.25, 126.0, 110, null);

    String text = PdfText.text(RENDERER.pdf(section));

    assertThat(text)
        .contains("Средняя скорость на участке 131,3 км/ч")
        .contains("126 км/ч", "110 км/ч")
        .doesNotContain("Измеренная скорость");
  }

  @Test
  void aLongFindingWrapsAndTheLetterGoesOnToASecondPageWithTheQrCodeIntact() {
    NoticeLetter l = Letters.speeding(Language.EN);
    String longDetail =
        "The vehicle was measured at the site repeatedly and consistently. ".repeat(60);
    NoticeLetter longOne =
        new NoticeLetter(
            l.noticeNumber(),
            l.language(),
            l.issuedOn(),
            l.keeper(),
            l.plateText(),
            l.type(),
            l.place(),
            l.observedAt(),
            l.zone(),
            l.measuredSpeedKmh(),
            l.retainedSpeedKmh(),
            l.limitKmh(),
            longDetail,
            l.legalBasis(),
            l.amount(),
            l.currency(),
            null,
            null,
            l.payBy(),
            l.portal());

    byte[] pdf = RENDERER.pdf(longOne);

    assertThat(PdfText.pages(pdf)).isGreaterThan(1);
    assertThat(PdfText.text(pdf)).contains(Letters.NUMBER, "Last day to pay January 31, 2027");
    assertThat(PdfText.text(pdf)).doesNotContain("Reduced amount");
    assertThat(PdfText.qrCodes(pdf)).containsExactly(PaymentUri.of(longOne));
  }

  @Test
  void theAuthorityNameCanBeGivenPerLanguage() {
    PdfNoticeRenderer renderer =
        new PdfNoticeRenderer(Map.of(Language.KK, "Алматы қаласы Полиция департаменті"));

    assertThat(PdfText.text(renderer.pdf(Letters.speeding(Language.KK))))
        .contains("Алматы қаласы Полиция департаменті");
    assertThat(PdfText.text(renderer.pdf(Letters.speeding(Language.EN))))
        .contains("Automated Traffic Enforcement Service");
    assertThatThrownBy(() -> new PdfNoticeRenderer(Map.of(Language.RU, " ")))
        .hasMessageContaining("ru");
  }

  @Test
  void aCharacterTheFontLacksIsPrintedAsAQuestionMarkInsteadOfFailing() {
    NoticeLetter l = Letters.letter(Language.EN, ViolationType.WRONG_WAY, Double.NaN, 0, 0, null);
    NoticeLetter odd =
        new NoticeLetter(
            l.noticeNumber(),
            l.language(),
            l.issuedOn(),
            l.keeper(),
            l.plateText(),
            l.type(),
            "Camera \uD83D\uDCF7 B-003\tnorth",
            l.observedAt(),
            l.zone(),
            l.measuredSpeedKmh(),
            l.retainedSpeedKmh(),
            l.limitKmh(),
            l.detail(),
            l.legalBasis(),
            l.amount(),
            l.currency(),
            l.discountedAmount(),
            l.discountLastDay(),
            l.payBy(),
            l.portal());

    assertThat(PdfText.text(RENDERER.pdf(odd))).contains("Camera ? B-003 north");
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void theEmailNamesTheNoticeTheAmountsAndThePortal(Language language) {
    NoticeLetter l = Letters.speeding(language);

    String subject = RENDERER.emailSubject(l);
    String body = RENDERER.emailBody(l);

    assertThat(subject).contains(Letters.NUMBER).doesNotContain("\n");
    assertThat(body)
        .contains(
            Letters.NUMBER,
            Letters.PLATE,
            Letters.LEGAL,
            PaymentUri.of(l),
            Letters.PORTAL,
            "Әлихан Құрманғазыұлы Сейітқалиев")
        .contains(language == Language.EN ? "34,500 KZT" : "34 500 KZT")
        .contains(language == Language.EN ? "17,250 KZT" : "17 250 KZT");
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void theTextMessageIsShortAndNamesNumberAmountLastDayAndPortal(Language language) {
    String sms = RENDERER.sms(Letters.speeding(language));

    assertThat(sms.length()).isLessThanOrEqualTo(PdfNoticeRenderer.SMS_MAX);
    assertThat(sms)
        .contains(Letters.NUMBER, Letters.PORTAL)
        .contains(language == Language.EN ? "34,500 KZT" : "34 500 KZT")
        .contains(
            switch (language) {
              case EN -> "January 31, 2027";
              case RU -> "31 января 2027 г.";
              case KK -> "2027 ж. 31 қаңтар";
            });
  }

  @Test
  void aTextMessageThatCannotFitIsRefusedNamingTheNotice() {
    NoticeLetter l = Letters.speeding(Language.RU);
    String portal = "https://vigil.example/" + "p".repeat(500);
    NoticeLetter tooLong =
        new NoticeLetter(
            l.noticeNumber(),
            l.language(),
            l.issuedOn(),
            l.keeper(),
            l.plateText(),
            l.type(),
            l.place(),
            l.observedAt(),
            l.zone(),
            l.measuredSpeedKmh(),
            l.retainedSpeedKmh(),
            l.limitKmh(),
            l.detail(),
            l.legalBasis(),
            l.amount(),
            l.currency(),
            l.discountedAmount(),
            l.discountLastDay(),
            l.payBy(),
            portal);

    assertThatThrownBy(() -> RENDERER.sms(tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Letters.NUMBER)
        .hasMessageContaining("480");
  }
}
