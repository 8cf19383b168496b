package org.vigil.app;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil replay FILE --url URL}: posts a recorded NDJSON file. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Posts an NDJSON file of detections in batches, as fast as the server takes them"
            + " or at a given rate, with a progress line and the server's totals at the end.")
final class ReplayCommand implements Runnable {
  @Parameters(index = "0", paramLabel = "FILE", description = "NDJSON detections, one per line.")
  Path file;

  @Option(names = "--url", required = true, description = "Vigil's URL, e.g. http://localhost:8080")
  URI url;

  @Option(names = "--rate", description = "Detections per second (default: as fast as possible).")
  Double rate;

  @Option(names = "--batch", defaultValue = "1000", description = "Detections per request.")
  int batch;

  @Option(names = "--key", description = "Ingest key (default: VIGIL_INGEST_KEY).")
  String key;

  @Override
  public void run() {
    if (batch < 1 || batch > 20_000) {
      throw new IllegalArgumentException("--batch must be between 1 and 20000, was " + batch);
    }
    if (rate != null && !(rate > 0)) {
      throw new IllegalArgumentException("--rate must be more than 0, was " + rate);
    }
    String ingestKey = key != null ? key : System.getenv("VIGIL_INGEST_KEY");
    if (ingestKey == null) {
      throw new IllegalArgumentException("give --key or set VIGIL_INGEST_KEY");
    }
    BatchPoster poster = new BatchPoster(url, ingestKey);
    long start = System.nanoTime();
    long lastProgress = start;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      ByteArrayOutputStream body = new ByteArrayOutputStream(batch * 220);
      int items = 0;
      long sent = 0;
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        body.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        body.write('\n');
        if (++items == batch) {
          sent += items;
          pace(start, sent);
          poster.post(body.toByteArray(), items);
          body.reset();
          items = 0;
        }
        if (System.nanoTime() - lastProgress > 1_000_000_000L) {
          lastProgress = System.nanoTime();
          progress(poster, start);
        }
      }
      if (items > 0) {
        poster.post(body.toByteArray(), items);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    progress(poster, start);
    System.err.println();
    System.out.println(poster.totals());
  }

  private void pace(long start, long sent) throws InterruptedException {
    if (rate == null) {
      return;
    }
    long dueNanos = (long) (sent / rate * 1e9);
    long sleep = dueNanos - (System.nanoTime() - start);
    if (sleep > 0) {
      Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
    }
  }

  private static void progress(BatchPoster poster, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(
        Locale.ROOT,
        "\r%,d sent in %.1f s (%,.0f/s) · %,d violations   ",
        poster.sent.sum(),
        seconds,
        poster.sent.sum() / Math.max(seconds, 1e-9),
        poster.violations.sum());
  }
}
