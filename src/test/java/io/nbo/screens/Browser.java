package io.nbo.screens;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium driven over WebDriver: Debian's {@code chromium} and {@code chromedriver}
 * (deploy/local/ensure-chromium.sh installs them; {@code NBO_CHROMIUM} / {@code NBO_CHROMEDRIVER} point elsewhere). The
 * driver path is always given, so Selenium Manager never looks for or downloads a browser. Every wait is an explicit
 * condition ({@link WebDriverWait}), never a sleep.
 */
public final class Browser implements AutoCloseable {

    /** Generous: the test machine is shared, and a wait returns as soon as its condition holds. */
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final AtomicInteger TIMEOUTS = new AtomicInteger();

    private final ChromeDriver driver;
    private final URI base;

    private Browser(ChromeDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    /** Starts a headless Chromium (English, 1400 x 1000) for the server at {@code base}. */
    public static Browser start(URI base) {
        String binary = env("NBO_CHROMIUM", "/usr/bin/chromium");
        String driverPath = env("NBO_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!new File(binary).canExecute() || !new File(driverPath).canExecute()) {
            throw new IllegalStateException(binary + " or " + driverPath + " is missing: run "
                    + "deploy/local/ensure-chromium.sh (the build does, before the tests)");
        }
        ChromeOptions options = new ChromeOptions().setBinary(binary).addArguments("--headless=new", "--no-sandbox",
                "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000", "--lang=en-GB",
                "--disable-extensions", "--no-first-run", "--password-store=basic");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driverPath))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return new Browser(driver, base);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the server under test ("/login", "/agent/"). */
    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /** Signs in through the sign-in page and waits until the browser has left it. */
    public Browser signIn(String user, String password) {
        submitSignIn(user, password);
        waitUntil(d -> !path().equals("/login") || query().contains("failed"));
        return this;
    }

    /** Signs in with the embedded default's password (= the user name) and waits to land on {@code landing}. */
    public Browser signInAs(String user, String landing) {
        signIn(user, user);
        waitUntil(d -> path().equals(landing));
        return this;
    }

    private void submitSignIn(String user, String password) {
        open("/login");
        WebElement name = visible(By.id("username"));
        name.clear();
        name.sendKeys(user);
        WebElement pass = driver.findElement(By.id("password"));
        pass.clear();
        pass.sendKeys(password);
        driver.findElement(By.cssSelector("#login button[type=submit]")).click();
    }

    /** The path of the page shown (no query). */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public String query() {
        String query = URI.create(driver.getCurrentUrl()).getQuery();
        return query == null ? "" : query;
    }

    public WebElement visible(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element's visible text is exactly {@code text}, then returns the element. */
    public WebElement textIs(By by, String text) {
        waitUntil(d -> {
            List<WebElement> found = d.findElements(by);
            return !found.isEmpty() && found.get(0).isDisplayed() && text.equals(found.get(0).getText().strip());
        });
        return driver.findElement(by);
    }

    /** The visible texts of every element matching, in document order (read again if the page redraws meanwhile). */
    public List<String> texts(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElements(by).stream().map(e -> e.getText().strip()).toList();
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Waits until the visible texts of the elements matching are exactly {@code expected}. */
    public List<String> textsAre(By by, List<String> expected) {
        waitUntil(d -> expected.equals(texts(by)));
        return texts(by);
    }

    /**
     * Waits for a condition. On a timeout, what the browser showed is kept for the reader of the failure: the page as
     * target/screenshots/timeout-N.png and .html, and the browser's console in the exception's message.
     */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            String name = "timeout-" + TIMEOUTS.incrementAndGet();
            screenshot(name);
            try {
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
            } catch (IOException io) {
                e.addSuppressed(io);
            }
            String console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(entry -> entry.getLevel() + " " + entry.getMessage()).collect(Collectors.joining("\n"));
            throw new TimeoutException("at " + driver.getCurrentUrl() + ", saved as " + name + ".png/.html; browser "
                    + "console:\n" + console, e);
        }
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Runs a fetch of the API from the page (with the page's session cookie); returns the HTTP status. */
    public long fetchStatus(String path) {
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin', headers: {'X-Requested-With': 'XMLHttpRequest'}})"
                        + ".then(r => done(r.status), e => done(-1));", path);
        return ((Number) status).longValue();
    }

    /** Saves what the browser shows as target/screenshots/{journey}.png and returns the file. */
    public Path screenshot(String journey) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(journey + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
