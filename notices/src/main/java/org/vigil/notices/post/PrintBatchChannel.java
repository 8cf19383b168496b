package org.vigil.notices.post;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.vigil.notice.Channel;
import org.vigil.notice.NoticeChannel;
import org.vigil.notice.OutgoingNotice;

/**
 * Puts a notice's PDF letter into the day's print batch for the post.
 *
 * <p>Layout under the given directory (say {@code $VIGIL_DATA_DIR/print}):
 *
 * <pre>
 * 2026-12-02/KZ-2026-000123.pdf     the letter (a second delivery of the same notice that day:
 *                                   KZ-2026-000123-2.pdf, and so on)
 * 2026-12-02/manifest.csv           notice,delivery,pages,file — one line per letter, in order
 * deliveries/&lt;delivery id&gt;          which file a delivery became (the idempotency record)
 * </pre>
 *
 * The day is today in the given zone (the print room's). Each letter is written to a temporary
 * file, forced to disk, moved into place atomically and the folder forced; then its manifest line
 * is appended and forced; then the delivery is recorded. A delivery id already recorded, or already
 * in the day's manifest (a crash between the two), is not written again. The manifest holds no
 * personal data. One process writes a batch directory; calls are serialised.
 *
 * <p>Failures: a document that is not a PDF is permanent; a file-system error is not (the outbox
 * retries).
 */
public final class PrintBatchChannel implements NoticeChannel {
  static final String MANIFEST = "manifest.csv";
  static final String HEADER = "notice,delivery,pages,file\n";
  static final String DELIVERIES = "deliveries";

  private final Path directory;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param directory the batch directory; created when missing
   * @param clock the time, for the day of the batch
   * @param zone the print room's zone, in which the day turns
   */
  public PrintBatchChannel(Path directory, Clock clock, ZoneId zone) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  @Override
  public Channel channel() {
    return Channel.POST;
  }

  @Override
  public synchronized void deliver(OutgoingNotice notice) throws DeliveryFailure {
    if (notice.channel() != Channel.POST) {
      throw new IllegalArgumentException(
          "delivery " + notice.deliveryId() + " is for " + notice.channel() + ", not POST");
    }
    String number = notice.letter().noticeNumber();
    int pages = pages(notice);
    try {
      Path marker = directory.resolve(DELIVERIES).resolve(fileKey(notice.deliveryId()));
      if (Files.exists(marker)) {
        return;
      }
      LocalDate day = LocalDate.now(clock.withZone(zone));
      Path dayDir = directory.resolve(day.toString());
      Files.createDirectories(dayDir);
      Path manifest = dayDir.resolve(MANIFEST);
      String prefix = csv(number) + "," + csv(notice.deliveryId()) + ",";
      String recorded = recordedFile(manifest, prefix);
      if (recorded == null) {
        String file = freeName(dayDir, safe(number));
        writeAtomically(dayDir, file, notice.pdf());
        append(manifest, prefix + pages + "," + csv(file) + "\n");
        recorded = file;
      }
      Files.createDirectories(marker.getParent());
      writeAtomically(
          marker.getParent(),
          marker.getFileName().toString(),
          (day + "/" + recorded + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DeliveryFailure(
          "notice "
              + number
              + ": the print batch in "
              + directory
              + " could not be written ("
              + e.getClass().getSimpleName()
              + ")",
          false,
          e);
    }
  }

  private static int pages(OutgoingNotice notice) throws DeliveryFailure {
    try (PDDocument doc = Loader.loadPDF(notice.pdf())) {
      return doc.getNumberOfPages();
    } catch (IOException e) {
      throw new DeliveryFailure(
          "notice " + notice.letter().noticeNumber() + ": the letter is not a readable PDF",
          true,
          e);
    }
  }

  /** The file of the manifest line starting with {@code prefix}, or {@code null}. */
  private static String recordedFile(Path manifest, String prefix) throws IOException {
    if (!Files.exists(manifest)) {
      return null;
    }
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    for (String line : lines) {
      if (line.startsWith(prefix)) {
        String rest = line.substring(prefix.length());
        return rest.substring(rest.indexOf(',') + 1);
      }
    }
    return null;
  }

  private static String freeName(Path dayDir, String base) {
    String name = base + ".pdf";
    for (int n = 2; Files.exists(dayDir.resolve(name)); n++) {
      name = base + "-" + n + ".pdf";
    }
    return name;
  }

  private static void writeAtomically(Path dir, String name, byte[] content) throws IOException {
    Path tmp = dir.resolve("." + name + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(content);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    forceDirectory(dir);
  }

  private static void append(Path manifest, String line) throws IOException {
    boolean fresh = !Files.exists(manifest);
    try (FileChannel ch =
        FileChannel.open(
            manifest,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE)) {
      ByteBuffer buf =
          ByteBuffer.wrap(((fresh ? HEADER : "") + line).getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    if (fresh) {
      forceDirectory(manifest.getParent());
    }
  }

  private static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw e;
      }
    }
  }

  /** A notice number as a file name: letters, digits and {@code ._-}, anything else {@code _}. */
  static String safe(String s) {
    String name = s.replaceAll("[^A-Za-z0-9._-]", "_");
    return name.startsWith(".") ? "_" + name.substring(1) : name;
  }

  /** A delivery id as a file name, or its SHA-256 in hex when it is not one already. */
  static String fileKey(String deliveryId) {
    if (deliveryId.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}")) {
      return deliveryId;
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(deliveryId.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
  static String csv(String field) {
    if (field.contains(",")
        || field.contains("\"")
        || field.contains("\n")
        || field.contains("\r")) {
      return "\"" + field.replace("\"", "\"\"") + "\"";
    }
    return field;
  }
}
