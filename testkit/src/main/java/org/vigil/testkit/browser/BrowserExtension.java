package org.vigil.testkit.browser;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * One headless Chromium for a test class, with a screenshot and the page's HTML saved in {@code
 * target/browser/} when a test fails:
 *
 * <pre>{@code
 * @RegisterExtension static final BrowserExtension BROWSER = new BrowserExtension();
 *
 * @Test void signsIn() {
 *   Browser b = BROWSER.browser();
 *   b.open(url + "/login?lang=kk").fill("Пайдаланушы аты", "officer").click("Кіру");
 * }
 * }</pre>
 *
 * <p>The browser starts before the class's first test (or the class is skipped, or fails in CI, as
 * {@link Browser#assumeAvailable} says) and quits after its last. Before each test it forgets every
 * cookie, so tests do not share a session (staff or portal).
 */
public final class BrowserExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        TestExecutionExceptionHandler {
  private final Locale acceptLanguage;
  private Browser browser;

  /** A browser whose Accept-Language is English. */
  public BrowserExtension() {
    this(Locale.ENGLISH);
  }

  /** A browser whose Accept-Language is {@code acceptLanguage}. */
  public BrowserExtension(Locale acceptLanguage) {
    this.acceptLanguage = acceptLanguage;
  }

  /** The class's browser; only inside its tests. */
  public Browser browser() {
    if (browser == null) {
      throw new IllegalStateException("the browser runs only inside the tests of its class");
    }
    return browser;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    browser = Browser.start(acceptLanguage);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    browser.clearCookies();
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    if (browser != null) {
      String name =
          context.getRequiredTestClass().getSimpleName()
              + "-"
              + context.getTestMethod().map(Method::getName).orElse("test");
      try {
        Path shot = browser.screenshot(Browser.screenshotDir(), name);
        failure.addSuppressed(
            new AssertionError("screenshot of the failing page: " + shot.toAbsolutePath()));
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
    throw failure;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
