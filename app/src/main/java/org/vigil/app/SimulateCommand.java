package org.vigil.app;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.vigil.contract.NdjsonWriter;
import org.vigil.simulator.CityConfig;
import org.vigil.simulator.SimulatedCity;
import org.vigil.simulator.SimulatedDetection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil simulate}: a seeded synthetic city, posted live or written as NDJSON. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates a city of cameras, sections and vehicles, posted live or written as NDJSON.",
      "Speeds spread realistically, a few per cent of vehicles speed, plates are Kazakh.",
      "Posts live to a server (--url) or writes NDJSON (--out, '-' for standard output; default)."
    })
final class SimulateCommand implements Runnable {
  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default 42).")
  long seed;

  @Option(names = "--cameras", defaultValue = "12", description = "Spot cameras (default 12).")
  int cameras;

  @Option(names = "--sections", defaultValue = "4", description = "Sections (default 4).")
  int sections;

  @Option(names = "--rate", defaultValue = "200", description = "Detections per second (200).")
  double rate;

  @Option(names = "--speeders", defaultValue = "0.03", description = "Share of speeders (0.03).")
  double speeders;

  @Option(names = "--count", description = "Stop after this many detections.")
  Long count;

  @Option(names = "--duration", description = "Stop after this long, e.g. PT5M.")
  Duration duration;

  @Option(names = "--out", paramLabel = "FILE", description = "Write NDJSON here ('-': stdout).")
  String out;

  @Option(names = "--url", description = "Post live to this server instead.")
  URI url;

  @Option(names = "--key", description = "Ingest key for --url (default: VIGIL_INGEST_KEY).")
  String key;

  @Option(
      names = "--sites-out",
      paramLabel = "FILE",
      description = "Also write the city's site configuration here, for 'vigil serve --sites'.")
  Path sitesOut;

  @Option(
      names = "--incident",
      paramLabel = "CAMERA_ID",
      description = "Stage an incident at this camera: a fifth of its traffic, crawling.")
  String incident;

  @Option(
      names = "--incident-after",
      paramLabel = "DURATION",
      description = "When the incident starts, after the stream's start (default PT3M).")
  Duration incidentAfter;

  @Option(
      names = "--incident-lasts",
      paramLabel = "DURATION",
      description = "How long the incident lasts (default PT5M).")
  Duration incidentLasts;

  @Override
  public void run() {
    CityConfig base = withIncident(new CityConfig(seed, cameras, sections, rate, speeders));
    try {
      if (url != null) {
        Instant start = Instant.now();
        SimulatedCity city = new SimulatedCity(base.withStart(start));
        announce(city);
        writeSites(city);
        String ingestKey = key != null ? key : System.getenv("VIGIL_INGEST_KEY");
        if (ingestKey == null) {
          throw new IllegalArgumentException("give --key or set VIGIL_INGEST_KEY");
        }
        Instant until = duration == null ? null : start.plus(duration);
        LiveFeeder feeder =
            new LiveFeeder(
                city, url, ingestKey, Clock.systemUTC(), until, count == null ? 0 : count);
        feeder.start().join();
        System.out.println(feeder.poster().totals());
      } else {
        SimulatedCity city = new SimulatedCity(base);
        announce(city);
        writeSites(city);
        writeNdjson(city);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code config} with the incident the options stage, if any. */
  private CityConfig withIncident(CityConfig config) {
    if (incident == null) {
      if (incidentAfter != null || incidentLasts != null) {
        throw new IllegalArgumentException(
            "--incident-after and --incident-lasts need --incident CAMERA_ID");
      }
      return config;
    }
    CityConfig.StagedIncident staged =
        new CityConfig.StagedIncident(
            incident,
            incidentAfter == null ? DemoCommand.INCIDENT_AFTER : incidentAfter,
            incidentLasts == null ? DemoCommand.INCIDENT_LASTS : incidentLasts);
    return config.withIncident(staged);
  }

  /** Says on standard error which incident the city stages, if any. */
  private static void announce(SimulatedCity city) {
    CityConfig.StagedIncident staged = city.config().incident();
    if (staged != null) {
      System.err.println(
          "staging an incident at camera "
              + staged.cameraId()
              + " from "
              + city.config().start().plus(staged.after())
              + " for "
              + staged.lasts());
    }
  }

  private void writeSites(SimulatedCity city) throws IOException {
    if (sitesOut != null) {
      Files.writeString(sitesOut, city.sitesJson(), StandardCharsets.UTF_8);
    }
  }

  private void writeNdjson(SimulatedCity city) throws IOException {
    long total = count != null ? count : duration == null ? 10_000 : Long.MAX_VALUE;
    Instant until = duration == null ? null : city.nextObservedAt().plus(duration);
    NdjsonWriter writer = new NdjsonWriter();
    boolean stdout = out == null || out.equals("-");
    OutputStream target =
        stdout ? System.out : new BufferedOutputStream(Files.newOutputStream(Path.of(out)));
    try {
      long written = 0;
      while (written < total && (until == null || city.nextObservedAt().isBefore(until))) {
        int n = (int) Math.min(1000, total - written);
        List<SimulatedDetection> chunk = city.next(n);
        writer.write(chunk.stream().map(SimulatedDetection::detection).toList(), target);
        written += n;
      }
    } finally {
      if (stdout) {
        target.flush();
      } else {
        target.close();
      }
    }
  }
}
