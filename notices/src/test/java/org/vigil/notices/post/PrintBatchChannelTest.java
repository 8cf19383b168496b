package org.vigil.notices.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.notice.Channel;
import org.vigil.notice.Language;
import org.vigil.notice.NoticeChannel.DeliveryFailure;
import org.vigil.notice.NoticeLetter;
import org.vigil.notice.OutgoingNotice;
import org.vigil.notices.letter.PdfNoticeRenderer;
import org.vigil.notices.testing.Letters;
import org.vigil.notices.testing.PdfText;

class PrintBatchChannelTest {
  static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
  static final NoticeLetter LETTER = Letters.speeding(Language.RU);
  static final byte[] PDF = new PdfNoticeRenderer().pdf(LETTER);

  @TempDir Path dir;

  static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  PrintBatchChannel channel(Clock clock) {
    return new PrintBatchChannel(dir.resolve("print"), clock, ALMATY);
  }

  static OutgoingNotice notice(String deliveryId) {
    return new OutgoingNotice(deliveryId, Channel.POST, LETTER, PDF);
  }

  List<String> manifest(String day) throws IOException {
    return Files.readAllLines(dir.resolve("print").resolve(day).resolve("manifest.csv"));
  }

  @Test
  void theLetterGoesIntoTheDaysFolderWithAManifestLine() throws Exception {
    channel(at("2026-12-02T05:00:00Z")).deliver(notice("delivery-1"));

    Path pdf = dir.resolve("print/2026-12-02/KZ-2026-000123.pdf");
    assertThat(pdf).exists().hasBinaryContent(PDF);
    assertThat(manifest("2026-12-02"))
        .containsExactly(
            "notice,delivery,pages,file", "KZ-2026-000123,delivery-1,1,KZ-2026-000123.pdf");
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(".tmp"));
    }
  }

  @Test
  void theDayTurnsInThePrintRoomsZone() throws Exception {
    channel(at("2026-12-01T19:30:00Z")).deliver(notice("delivery-1"));

    assertThat(dir.resolve("print/2026-12-02/KZ-2026-000123.pdf")).exists();
    assertThat(dir.resolve("print/2026-12-01")).doesNotExist();
  }

  @Test
  void theSameDeliveryIsWrittenOnceEvenOnALaterDay() throws Exception {
    channel(at("2026-12-02T05:00:00Z")).deliver(notice("delivery-1"));
    channel(at("2026-12-02T06:00:00Z")).deliver(notice("delivery-1"));
    channel(at("2026-12-03T06:00:00Z")).deliver(notice("delivery-1"));

    assertThat(manifest("2026-12-02")).hasSize(2);
    assertThat(dir.resolve("print/2026-12-03")).doesNotExist();
    assertThat(dir.resolve("print/deliveries/delivery-1"))
        .content(StandardCharsets.UTF_8)
        .isEqualTo("2026-12-02/KZ-2026-000123.pdf\n");
  }

  @Test
  void aDeliveryInTheManifestButNotYetRecordedIsNotWrittenAgain() throws Exception {
    PrintBatchChannel channel = channel(at("2026-12-02T05:00:00Z"));
    channel.deliver(notice("delivery-1"));
    Files.delete(dir.resolve("print/deliveries/delivery-1"));

    channel.deliver(notice("delivery-1"));

    assertThat(manifest("2026-12-02")).hasSize(2);
    assertThat(dir.resolve("print/2026-12-02/KZ-2026-000123-2.pdf")).doesNotExist();
    assertThat(dir.resolve("print/deliveries/delivery-1")).exists();
  }

  @Test
  void anotherDeliveryOfTheSameNoticeGetsItsOwnFile() throws Exception {
    PrintBatchChannel channel = channel(at("2026-12-02T05:00:00Z"));
    channel.deliver(notice("delivery-1"));
    channel.deliver(notice("delivery-2"));

    assertThat(manifest("2026-12-02"))
        .containsExactly(
            "notice,delivery,pages,file",
            "KZ-2026-000123,delivery-1,1,KZ-2026-000123.pdf",
            "KZ-2026-000123,delivery-2,1,KZ-2026-000123-2.pdf");
    assertThat(dir.resolve("print/2026-12-02/KZ-2026-000123-2.pdf")).hasBinaryContent(PDF);
  }

  @Test
  void theManifestCountsThePages() throws Exception {
    NoticeLetter l = LETTER;
    NoticeLetter longOne =
        new NoticeLetter(
            "KZ-2026-000124",
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
            "Скорость измерена повторно. ".repeat(120),
            l.legalBasis(),
            l.amount(),
            l.currency(),
            l.discountedAmount(),
            l.discountLastDay(),
            l.payBy(),
            l.portal());
    byte[] pdf = new PdfNoticeRenderer().pdf(longOne);

    channel(at("2026-12-02T05:00:00Z"))
        .deliver(new OutgoingNotice("d/odd id", Channel.POST, longOne, pdf));

    int pages = PdfText.pages(pdf);
    assertThat(pages).isGreaterThan(1);
    assertThat(manifest("2026-12-02").get(1))
        .isEqualTo("KZ-2026-000124,d/odd id," + pages + ",KZ-2026-000124.pdf");
    assertThat(dir.resolve("print/deliveries").toFile().list())
        .singleElement()
        .asString()
        .matches("[0-9a-f]{64}");
  }

  @Test
  void aDocumentThatIsNotAPdfIsAPermanentFailure() {
    OutgoingNotice bad = new OutgoingNotice("delivery-1", Channel.POST, LETTER, new byte[] {1, 2});

    assertThatThrownBy(() -> channel(at("2026-12-02T05:00:00Z")).deliver(bad))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.permanent()).isTrue())
        .hasMessage("notice KZ-2026-000123: the letter is not a readable PDF");
  }

  @Test
  void aDirectoryThatCannotBeWrittenIsARetryableFailure() throws Exception {
    Files.writeString(dir.resolve("print"), "a file where the folder should be");

    assertThatThrownBy(() -> channel(at("2026-12-02T05:00:00Z")).deliver(notice("delivery-1")))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.permanent()).isFalse())
        .hasMessageStartingWith("notice KZ-2026-000123: the print batch in ");
  }

  @Test
  void csvFieldsAreQuotedWhenNeeded() {
    assertThat(PrintBatchChannel.csv("plain")).isEqualTo("plain");
    assertThat(PrintBatchChannel.csv("a,b")).isEqualTo("\"a,b\"");
    assertThat(PrintBatchChannel.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(PrintBatchChannel.safe("../x y")).isEqualTo("_._x_y");
  }
}
