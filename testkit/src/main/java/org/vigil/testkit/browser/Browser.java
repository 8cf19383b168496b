package org.vigil.testkit.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for browser tests: Debian's {@code chromium} driven through its {@code
 * chromedriver} by Selenium, with both paths set explicitly so that Selenium Manager never looks
 * for (or downloads) a browser or a driver. Each instance has a fresh profile in a temporary
 * directory, deleted on {@link #close}.
 *
 * <p>The paths default to {@value #DEFAULT_CHROMIUM} and {@value #DEFAULT_CHROMEDRIVER}; the system
 * properties {@code vigil.chromium} and {@code vigil.chromedriver} override them. When they are
 * missing, {@link #assumeAvailable} skips the test with a message saying how to install them —
 * except when the environment variable {@code CI} is set, where it fails: CI must run the browser
 * tests ({@code .ci/run} installs the browser).
 *
 * <p>The helpers find things the way a person does: a field by the text of its label, a button by
 * its text. A failed helper throws an {@link AssertionError} naming what it looked for and listing
 * what the page offers instead.
 */
public final class Browser implements AutoCloseable {
  /** Debian's browser. */
  public static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";

  /** Debian's driver for it (package {@code chromium-driver}). */
  public static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";

  private static final Duration PAGE_LOAD = Duration.ofSeconds(30);

  private final Path profile;
  private final ChromeDriver driver;

  private Browser(Path chromium, Path chromedriver, Locale acceptLanguage) throws IOException {
    // Belt and braces: nothing below needs Selenium Manager, and if anything ever called it, it
    // must not go online.
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("se.offline", "true");
    profile = Files.createTempDirectory("vigil-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1366,768",
        "--lang=" + acceptLanguage.toLanguageTag(),
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs", Map.of("intl.accept_languages", acceptLanguage.toLanguageTag()));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      deleteProfile();
      throw e;
    }
    driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
  }

  /** The browser binary: {@code vigil.chromium} or {@value #DEFAULT_CHROMIUM}. */
  public static Path chromium() {
    return Path.of(System.getProperty("vigil.chromium", DEFAULT_CHROMIUM));
  }

  /** The driver binary: {@code vigil.chromedriver} or {@value #DEFAULT_CHROMEDRIVER}. */
  public static Path chromedriver() {
    return Path.of(System.getProperty("vigil.chromedriver", DEFAULT_CHROMEDRIVER));
  }

  /** Whether both the browser and its driver are installed. */
  public static boolean available() {
    return Files.isExecutable(chromium()) && Files.isExecutable(chromedriver());
  }

  /**
   * Returns when the browser can run; otherwise skips the calling test with a clear message, or,
   * when the environment variable {@code CI} is set, fails it.
   */
  public static void assumeAvailable() {
    if (available()) {
      return;
    }
    String missing =
        "browser tests need "
            + chromium()
            + " and "
            + chromedriver()
            + " (Debian: apt-get install chromium chromium-driver; or set -Dvigil.chromium and"
            + " -Dvigil.chromedriver)";
    if (System.getenv("CI") != null) {
      throw new IllegalStateException("CI is set, so the browser tests must run, but " + missing);
    }
    // Maven counts a class skipped in its set-up as "0 run"; say why where the developer looks.
    System.err.println("[browser tests skipped] " + missing);
    Assumptions.abort("skipped: " + missing);
  }

  /** A fresh headless Chromium whose Accept-Language is English. */
  public static Browser start() {
    return start(Locale.ENGLISH);
  }

  /**
   * A fresh headless Chromium whose Accept-Language is {@code acceptLanguage}; skips or fails as
   * {@link #assumeAvailable} says when none is installed.
   */
  public static Browser start(Locale acceptLanguage) {
    assumeAvailable();
    try {
      return new Browser(chromium(), chromedriver(), acceptLanguage);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a browser profile directory", e);
    }
  }

  /** Opens {@code url} and waits until it has loaded. */
  public Browser open(String url) {
    driver.get(url);
    return this;
  }

  /** Opens {@code path} (with its query) relative to {@code base}. */
  public Browser open(URI base, String path) {
    return open(base.resolve(path).toString());
  }

  /**
   * Types {@code text} into the field whose {@code <label>} reads {@code label} (exactly, ignoring
   * surrounding white space and case), replacing what it held.
   */
  public Browser fill(String label, String text) {
    WebElement field = field(label);
    field.clear();
    field.sendKeys(text);
    return this;
  }

  /**
   * Clicks the button (a {@code <button>} or an {@code <input type=submit|button>}) or the link
   * whose visible text is {@code text}; when that loads another page (a link, a form's submit
   * button), waits until the next page has replaced this one and has loaded.
   */
  public Browser click(String text) {
    String wanted = normalize(text);
    for (WebElement b :
        driver.findElements(
            By.cssSelector("button, input[type=submit], input[type=button], a[href]"))) {
      String shown = b.getTagName().equals("input") ? b.getDomAttribute("value") : b.getText();
      if (shown != null && normalize(shown).equals(wanted) && b.isDisplayed()) {
        boolean navigates = navigates(b);
        if (navigates) {
          markPage();
        }
        b.click();
        if (navigates) {
          waitForNextPage();
        }
        return this;
      }
    }
    throw new AssertionError(
        "no button or link reads '"
            + text
            + "' on "
            + driver.getCurrentUrl()
            + "; buttons and links: "
            + driver.findElements(By.cssSelector("button, input[type=submit], a[href]")).stream()
                .map(e -> e.getTagName().equals("input") ? e.getDomAttribute("value") : e.getText())
                .toList());
  }

  /**
   * Clicks the link whose {@code href} attribute is exactly {@code href} (as written in the page,
   * e.g. {@code /desk/review/1f…}) and waits until the page it leads to has loaded: for lists whose
   * links all read alike ("Review", "Decide").
   */
  public Browser follow(String href) {
    List<WebElement> links = driver.findElements(By.cssSelector("a[href]"));
    for (WebElement a : links) {
      if (href.equals(a.getDomAttribute("href")) && a.isDisplayed()) {
        markPage();
        a.click();
        waitForNextPage();
        return this;
      }
    }
    throw new AssertionError(
        "no link to '"
            + href
            + "' on "
            + driver.getCurrentUrl()
            + "; links: "
            + links.stream().map(a -> a.getDomAttribute("href")).toList());
  }

  /**
   * Chooses the option whose visible text is {@code option} (ignoring surrounding white space and
   * case) in the {@code <select>} whose label reads {@code label}.
   */
  public Browser choose(String label, String option) {
    WebElement field = field(label);
    if (!field.getTagName().equals("select")) {
      throw new AssertionError(
          "the field labelled '" + label + "' is a " + field.getTagName() + ", not a select");
    }
    String wanted = normalize(option);
    List<WebElement> options = field.findElements(By.tagName("option"));
    for (WebElement o : options) {
      if (normalize(o.getText()).equals(wanted)) {
        new Select(field).selectByIndex(options.indexOf(o));
        return this;
      }
    }
    throw new AssertionError(
        "the list '"
            + label
            + "' has no option '"
            + option
            + "'; options: "
            + options.stream().map(WebElement::getText).toList());
  }

  /** Selects the radio button or ticks the check box whose label reads {@code label}. */
  public Browser check(String label) {
    WebElement field = field(label);
    String type = field.getDomAttribute("type");
    if (!field.getTagName().equals("input")
        || !("radio".equalsIgnoreCase(type) || "checkbox".equalsIgnoreCase(type))) {
      throw new AssertionError(
          "the field labelled '" + label + "' is not a radio button or check box");
    }
    if (!field.isSelected()) {
      field.click();
    }
    return this;
  }

  /**
   * Puts {@code files} into the file input whose label reads {@code label}, as a person choosing
   * them in the file dialogue would.
   */
  public Browser attach(String label, Path... files) {
    WebElement field = field(label);
    if (!field.getTagName().equals("input")
        || !"file".equalsIgnoreCase(field.getDomAttribute("type"))) {
      throw new AssertionError("the field labelled '" + label + "' is not a file input");
    }
    field.sendKeys(
        String.join("\n", Arrays.stream(files).map(f -> f.toAbsolutePath().toString()).toList()));
    return this;
  }

  /**
   * Whether clicking {@code e} loads another page: a link, or a submit button of a form (the pages
   * under test have no script).
   */
  private static boolean navigates(WebElement e) {
    if (e.getTagName().equals("a")) {
      String href = e.getDomAttribute("href");
      return href != null && !href.startsWith("#");
    }
    String type = e.getDomAttribute("type");
    boolean submit = type == null || type.equalsIgnoreCase("submit");
    return submit && !e.findElements(By.xpath("ancestor::form")).isEmpty();
  }

  /**
   * Waits until the page marked by {@link #markPage} has been replaced by the next one and that has
   * loaded. While Chromium navigates, commands may fail in odd ways (a node "does not belong to the
   * document"); those are retried until the timeout.
   */
  private void waitForNextPage() {
    new WebDriverWait(driver, PAGE_LOAD)
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return window.vigilBrowserMark === undefined"
                                + " && document.readyState === 'complete'")));
  }

  /** Marks the current page (in its window object, which the next page does not inherit). */
  private void markPage() {
    script("window.vigilBrowserMark = true");
  }

  /** The visible text of the page. */
  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The {@code lang} attribute of the page's {@code <html>} element. */
  public String lang() {
    return driver.findElement(By.tagName("html")).getDomAttribute("lang");
  }

  /** The page's title. */
  public String title() {
    return driver.getTitle();
  }

  /** Where the browser is. */
  public String url() {
    return driver.getCurrentUrl();
  }

  /** The current page's HTML as the browser holds it. */
  public String source() {
    return driver.getPageSource();
  }

  /** The texts of the page's {@code <label>} elements, in order. */
  public List<String> labels() {
    return driver.findElements(By.tagName("label")).stream()
        .map(WebElement::getText)
        .map(String::strip)
        .toList();
  }

  /** The visible texts of the elements with {@code role="alert"}, in order. */
  public List<String> alerts() {
    return driver.findElements(By.cssSelector("[role=alert]")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /**
   * Forgets every cookie the browser holds, of every site and path: WebDriver's own {@code
   * deleteAllCookies} reaches only the cookies sent to the current page, so a cookie scoped to
   * another path (the portal's {@code Path=/portal}) would survive it.
   */
  public Browser clearCookies() {
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    return this;
  }

  /** Runs a script in the page; for the rare check the helpers do not cover. */
  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The Selenium driver, for what the helpers do not cover. */
  public WebDriver driver() {
    return driver;
  }

  /**
   * Saves a screenshot ({@code name.png}) and the page's HTML ({@code name.html}) in {@code dir},
   * answering the screenshot's path.
   */
  public Path screenshot(Path dir, String name) {
    try {
      Files.createDirectories(dir);
      String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
      Path png = dir.resolve(safe + ".png");
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(dir.resolve(safe + ".html"), source(), StandardCharsets.UTF_8);
      return png;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save a screenshot in " + dir, e);
    }
  }

  /** {@code target/browser/} of the module under test (Maven's {@code basedir}). */
  public static Path screenshotDir() {
    return Path.of(System.getProperty("basedir", "."), "target", "browser");
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteProfile();
    }
  }

  private WebElement field(String label) {
    String wanted = normalize(label);
    for (WebElement l : driver.findElements(By.tagName("label"))) {
      if (!normalize(l.getText()).equals(wanted)) {
        continue;
      }
      String id = l.getDomAttribute("for");
      if (id != null && !id.isEmpty()) {
        try {
          return driver.findElement(By.id(id));
        } catch (NoSuchElementException e) {
          throw new AssertionError(
              "the label '" + label + "' is for '" + id + "', which is absent");
        }
      }
      List<WebElement> inner = l.findElements(By.cssSelector("input, select, textarea"));
      if (!inner.isEmpty()) {
        return inner.getFirst();
      }
      throw new AssertionError("the label '" + label + "' names no field (no for, nothing inside)");
    }
    throw new AssertionError(
        "no label reads '" + label + "' on " + driver.getCurrentUrl() + "; labels: " + labels());
  }

  private static String normalize(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // A profile left in the temporary directory is harmless; Chromium may still hold a file.
    }
  }
}
