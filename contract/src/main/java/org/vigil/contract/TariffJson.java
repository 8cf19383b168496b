package org.vigil.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.vigil.tariff.InvalidTariffException;
import org.vigil.tariff.Tariff;
import org.vigil.tariff.TariffBook;

/**
 * The JSON form of one jurisdiction's fine tariff, readable by a traffic authority: plain field
 * names, and every amount with its legal {@code basis} and a {@code source} (or a {@code note}
 * saying why there is none). The format is described field by field in {@code docs/tariffs.md}.
 *
 * <p>Reading checks everything and reports every problem at once, each naming its place, e.g.
 * {@code versions[0] from 2024-12-04: speeding.bands[2] '40-60': fine.amount must be a number, was
 * "x"}, followed by the checks of the whole tariff (gaps, overlaps, unit years). Unknown fields are
 * ignored, so that a file may carry notes.
 */
public final class TariffJson {
  /** The jurisdictions shipped in {@code org/vigil/tariffs/}, one file {@code <id>.json} each. */
  public static final List<String> BUILT_IN = List.of("FR", "KZ");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private TariffJson() {}

  /**
   * Reads one jurisdiction's tariff.
   *
   * @throws InvalidTariffException listing every problem
   */
  public static Tariff read(byte[] json) {
    return new TariffReader().tariff(tree(json));
  }

  /**
   * The tariffs shipped with Vigil ({@link #BUILT_IN}).
   *
   * @throws InvalidTariffException if a shipped file is invalid, naming the file
   */
  public static TariffBook builtIn() {
    List<Tariff> tariffs = new ArrayList<>();
    for (String id : BUILT_IN) {
      String file = "/org/vigil/tariffs/" + id + ".json";
      Tariff t;
      try {
        t = read(resource(file));
      } catch (InvalidTariffException e) {
        throw new InvalidTariffException(e.problems().stream().map(p -> file + ": " + p).toList());
      }
      if (!t.jurisdiction().equals(id)) {
        throw new InvalidTariffException(
            List.of(file + ": holds jurisdiction " + t.jurisdiction() + ", not " + id));
      }
      tariffs.add(t);
    }
    return TariffBook.of(tariffs);
  }

  private static byte[] resource(String file) {
    try (InputStream in = TariffJson.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new InvalidTariffException(List.of(file + ": not found"));
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidTariffException(
          List.of(
              "not valid JSON near line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ": "
                  + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidTariffException(List.of("cannot read the tariff: " + e.getMessage()));
    }
  }
}
