package org.vigil.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Searches every byte of every file under a directory (tables, WAL, logs, anything) for plates, to
 * prove that what must not be stored was not. Plates are matched as ASCII/UTF-8 bytes.
 */
public final class PlateSearch {
  private PlateSearch() {}

  /**
   * The plates of {@code plates} found anywhere under {@code dir}, with a file each was in.
   *
   * <p>One pass over each file per distinct plate length, with a rolling hash (Rabin-Karp), so that
   * tens of thousands of plates are searched in a large data directory in seconds.
   */
  public static Map<String, Path> find(Path dir, Collection<String> plates) {
    Map<Integer, Map<Long, List<byte[]>>> byLength = new HashMap<>();
    for (String p : plates) {
      byte[] needle = p.getBytes(StandardCharsets.UTF_8);
      byLength
          .computeIfAbsent(needle.length, n -> new HashMap<>())
          .computeIfAbsent(hash(needle, 0, needle.length), h -> new ArrayList<>())
          .add(needle);
    }
    Map<String, Path> found = new HashMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] content;
        try {
          content = Files.readAllBytes(f);
        } catch (IOException e) {
          continue; // a file that vanished (a temporary of the database) holds nothing any more
        }
        byLength.forEach((length, needles) -> scan(content, length, needles, f, found));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static final long BASE = 1_000_003L;

  private static void scan(
      byte[] content,
      int length,
      Map<Long, List<byte[]>> needles,
      Path file,
      Map<String, Path> found) {
    if (content.length < length) {
      return;
    }
    long top = 1;
    for (int i = 1; i < length; i++) {
      top *= BASE;
    }
    long h = hash(content, 0, length);
    for (int i = 0; ; i++) {
      List<byte[]> candidates = needles.get(h);
      if (candidates != null) {
        for (byte[] needle : candidates) {
          if (Arrays.equals(content, i, i + length, needle, 0, length)) {
            found.putIfAbsent(new String(needle, StandardCharsets.UTF_8), file);
          }
        }
      }
      if (i + length >= content.length) {
        return;
      }
      h = (h - (content[i] & 0xff) * top) * BASE + (content[i + length] & 0xff);
    }
  }

  private static long hash(byte[] b, int from, int length) {
    long h = 0;
    for (int i = from; i < from + length; i++) {
      h = h * BASE + (b[i] & 0xff);
    }
    return h;
  }

  /** Whether {@code text} contains any of {@code plates}; returns the first found or null. */
  public static String firstIn(String text, Collection<String> plates) {
    for (String p : plates) {
      if (text.contains(p)) {
        return p;
      }
    }
    return null;
  }
}
