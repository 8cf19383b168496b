package org.vigil.connectors.registry;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.vigil.keeper.Keeper;
import org.vigil.keeper.KeeperRegistry;
import org.vigil.keeper.PostalAddress;
import org.vigil.notice.Language;
import org.vigil.plate.Plate;

/**
 * A made-up registry for the demo and for tests: every plate has a generated, plausible keeper in
 * Almaty, Astana or Shymkent.
 *
 * <p>The keeper is derived from HMAC-SHA256(seed, plate text) alone, so the same plate always gives
 * the same keeper under the same seed, on any machine, at any {@code at} (the demo's keepers never
 * change). Of all plates:
 *
 * <ul>
 *   <li>about 5 % have no keeper ({@link Lookup.NotFound});
 *   <li>the language is Kazakh for about 40 %, Russian for 40 % and English for 20 %; names and
 *       address lines are written in that language;
 *   <li>about 70 % have both an e-mail ({@code keeper-<8 hex>@demo.vigil.test}) and a phone ({@code
 *       +7 70x xxx xxxx}), 10 % only a phone, 10 % only an e-mail, and 10 % neither, so that the
 *       post-only path is exercised.
 * </ul>
 *
 * <p>It never answers {@link Lookup.Unavailable}, never logs, and is thread-safe.
 */
public final class DemoRegistry implements KeeperRegistry {

  /** The seed of {@link #standard()}. */
  public static final String STANDARD_SEED = "vigil-demo-registry";

  /** Given names and family names of one language, by gender (family names agree with it). */
  private record Names(
      List<String> maleGiven,
      List<String> femaleGiven,
      List<String> maleFamily,
      List<String> femaleFamily) {}

  private static final Names KK =
      new Names(
          List.of("Ержан", "Нұрлан", "Дәурен", "Бауыржан", "Қайрат", "Ерлан", "Асқар", "Сәкен"),
          List.of("Айгерім", "Әсел", "Гүлнар", "Жанар", "Мәдина", "Динара", "Аружан", "Сәуле"),
          List.of("Омаров", "Жақсылықов", "Нұрпейісов", "Әбдірахманов", "Төлеуов", "Қасымов"),
          List.of("Исабекова", "Жұмабаева", "Оспанова", "Мұқанова", "Серікбаева", "Ахметова"));
  private static final Names RU =
      new Names(
          List.of("Александр", "Дмитрий", "Сергей", "Андрей", "Игорь", "Виктор", "Максим"),
          List.of("Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна"),
          List.of("Иванов", "Ким", "Смирнов", "Попов", "Соколов", "Пак", "Морозов", "Лебедев"),
          List.of("Петрова", "Ким", "Кузнецова", "Васильева", "Новикова", "Волкова", "Пак"));
  private static final Names EN =
      new Names(
          List.of("John", "Daniel", "Michael", "James", "Thomas", "Aidan", "Timur"),
          List.of("Emma", "Sarah", "Laura", "Olivia", "Hannah", "Madina", "Alina"),
          List.of("Smith", "Brown", "Taylor", "Wilson", "Clarke", "Evans", "Walker", "Hughes"),
          List.of("Smith", "Brown", "Taylor", "Wilson", "Clarke", "Evans", "Walker", "Hughes"));

  /** A city: its name in KK, RU, EN, its streets in KK, RU, EN, and its first postcode. */
  private record City(
      String kk, String ru, String en, List<String[]> streets, int postcodeBase, int postcodes) {}

  private static final List<City> CITIES =
      List.of(
          new City(
              "Алматы",
              "Алматы",
              "Almaty",
              List.of(
                  new String[] {"Абай даңғылы", "пр. Абая", "Abay Avenue"},
                  new String[] {"Достық даңғылы", "пр. Достык", "Dostyk Avenue"},
                  new String[] {"Төле би көшесі", "ул. Толе би", "Tole Bi Street"},
                  new String[] {"Сейфуллин даңғылы", "пр. Сейфуллина", "Seifullin Avenue"},
                  new String[] {"Жібек жолы көшесі", "ул. Жибек жолы", "Zhibek Zholy Street"},
                  new String[] {"Райымбек даңғылы", "пр. Райымбека", "Raiymbek Avenue"}),
              50000,
              64),
          new City(
              "Астана",
              "Астана",
              "Astana",
              List.of(
                  new String[] {
                    "Қабанбай батыр даңғылы", "пр. Кабанбай батыра", "Kabanbay Batyr Avenue"
                  },
                  new String[] {"Мәңгілік Ел даңғылы", "пр. Мангилик Ел", "Mangilik El Avenue"},
                  new String[] {"Кенесары көшесі", "ул. Кенесары", "Kenesary Street"},
                  new String[] {"Республика даңғылы", "пр. Республики", "Respublika Avenue"},
                  new String[] {"Сарыарқа даңғылы", "пр. Сарыарка", "Saryarka Avenue"}),
              10000,
              18),
          new City(
              "Шымкент",
              "Шымкент",
              "Shymkent",
              List.of(
                  new String[] {"Тәуке хан даңғылы", "пр. Тауке хана", "Tauke Khan Avenue"},
                  new String[] {"Қазыбек би көшесі", "ул. Казыбек би", "Kazybek Bi Street"},
                  new String[] {"Байтұрсынов көшесі", "ул. Байтурсынова", "Baitursynov Street"},
                  new String[] {"Республика даңғылы", "пр. Республики", "Respublika Avenue"}),
              160000,
              51));

  private static final String[] MOBILE_PREFIXES = {"700", "701", "702", "705", "707", "708"};

  private final SecretKeySpec key;

  /**
   * A registry whose keepers are derived from {@code seed}.
   *
   * @param seed any non-empty text; another seed gives other keepers
   */
  public DemoRegistry(String seed) {
    Objects.requireNonNull(seed, "seed");
    if (seed.isEmpty()) {
      throw new IllegalArgumentException("the demo registry's seed must not be empty");
    }
    this.key = new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The registry of the demo, seeded with {@link #STANDARD_SEED}. */
  public static DemoRegistry standard() {
    return new DemoRegistry(STANDARD_SEED);
  }

  /** The keeper of {@code plate}; {@code at} is ignored, since demo keepers never change. */
  @Override
  public Lookup lookup(Plate plate, Instant at) {
    Objects.requireNonNull(plate, "plate");
    byte[] h = hmac(plate.text());
    if (unsigned(h[0]) % 100 < 5) {
      return new Lookup.NotFound();
    }
    int l = unsigned(h[1]) % 10;
    Language language = l < 4 ? Language.KK : l < 8 ? Language.RU : Language.EN;
    String name = name(language, h);
    PostalAddress address = address(language, h);
    int contact = unsigned(h[7]) % 10;
    String email = contact == 1 || contact == 3 ? null : email(h);
    String phone = contact == 2 || contact == 3 ? null : phone(h);
    return new Lookup.Found(new Keeper(name, address, email, phone, language));
  }

  private static String name(Language language, byte[] h) {
    Names names =
        switch (language) {
          case KK -> KK;
          case RU -> RU;
          case EN -> EN;
        };
    boolean female = (h[2] & 0x80) != 0;
    String given = pick(female ? names.femaleGiven() : names.maleGiven(), unsigned(h[2]) & 0x7f);
    String family = pick(female ? names.femaleFamily() : names.maleFamily(), unsigned(h[3]));
    return language == Language.EN ? given + " " + family : family + " " + given;
  }

  private static PostalAddress address(Language language, byte[] h) {
    City city = pick(CITIES, unsigned(h[4]));
    String[] street = pick(city.streets(), unsigned(h[5]));
    int house = 1 + unsigned(h[6]) % 180;
    int flat = 1 + (unsigned(h[12]) << 8 | unsigned(h[13])) % 240;
    boolean detached = unsigned(h[14]) % 5 == 0;
    String postcode =
        String.format("%06d", city.postcodeBase() + unsigned(h[15]) % city.postcodes());
    String line1 =
        switch (language) {
          case KK -> street[0] + ", " + house + "-үй" + (detached ? "" : ", " + flat + "-пәтер");
          case RU -> street[1] + ", д. " + house + (detached ? "" : ", кв. " + flat);
          case EN -> house + " " + street[2] + (detached ? "" : ", apt " + flat);
        };
    String cityName =
        switch (language) {
          case KK -> city.kk();
          case RU -> city.ru();
          case EN -> city.en();
        };
    return new PostalAddress(List.of(line1, postcode + " " + cityName), "KZ");
  }

  private static String email(byte[] h) {
    return "keeper-" + HexFormat.of().formatHex(h, 8, 12) + "@demo.vigil.test";
  }

  private static String phone(byte[] h) {
    String prefix = MOBILE_PREFIXES[unsigned(h[16]) % MOBILE_PREFIXES.length];
    long n =
        ((long) unsigned(h[17]) << 24
                | unsigned(h[18]) << 16
                | unsigned(h[19]) << 8
                | unsigned(h[20]))
            % 10_000_000L;
    return "+7" + prefix + String.format("%07d", n);
  }

  private byte[] hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static <T> T pick(List<T> list, int n) {
    return list.get(n % list.size());
  }

  private static int unsigned(byte b) {
    return b & 0xff;
  }

  @Override
  public String toString() {
    return "DemoRegistry";
  }
}
