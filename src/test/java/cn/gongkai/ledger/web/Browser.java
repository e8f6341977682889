package cn.gongkai.ledger.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its own chromedriver (never one Selenium Manager downloads), at
 * 1366×768, signed in through the sign-in form like a person. Screenshots go to target/screenshots/.
 * Without /usr/bin/chromium and /usr/bin/chromedriver the test is skipped, saying so; .ci/run installs them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Between two looks of a wait (Selenium's default, 500 ms, was most of a step's time: a page is there sooner). */
    private static final Duration LOOK_AGAIN_AFTER = Duration.ofMillis(50);

    final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(int port) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the browser test needs Debian's chromium and chromium-driver"
                        + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,768", "--lang=zh-CN", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                // the browser's own locale decides how a date field shows its value: Chinese, as at an office desk
                .withEnvironment(Map.of("LANGUAGE", "zh_CN", "LANG", "zh_CN.UTF-8"))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return new Browser(driver, "http://localhost:" + port);
    }

    void go(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    void signIn(String username) {
        go("/login");
        type(By.id("username"), username);
        type(By.id("password"), "demo");
        submit(By.cssSelector("form button[type=submit]"));
    }

    void signOut() {
        submit(By.cssSelector("header form[action$='/logout'] button"));
    }

    /**
     * Clicks a form's button and waits until the browser shows the next page: a click returns before the next page
     * has loaded, so an element present on both pages (the status) could otherwise be read from the old one.
     */
    void submit(By button) {
        toNextPage(() -> driver.findElement(button).click());
    }

    /** The element, once the page has it (a page may still be loading after a click). */
    WebElement find(By by) {
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15),
                LOOK_AGAIN_AFTER).until(d -> d.findElement(by));
    }

    /** Follows a link and waits until the browser shows the next page (see {@link #submit}). */
    void follow(By link) {
        WebElement target = find(link);
        toNextPage(target::click);
    }

    /**
     * Marks the current page, acts, and waits until a page without the mark has loaded completely. Not
     * {@code stalenessOf(html)}: while the old document is being torn down Chromium may answer with an "unknown
     * error" (node does not belong to the document) instead of a stale element, which such a wait does not expect.
     * Errors while the browser is between pages are expected here and retried.
     */
    private void toNextPage(Runnable action) {
        String mark = java.util.UUID.randomUUID().toString();
        script("window.__gongkaiPage = arguments[0];", mark);
        action.run();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30), LOOK_AGAIN_AFTER)
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> !mark.equals(script("return window.__gongkaiPage;"))
                        && "complete".equals(script("return document.readyState;")));
    }

    java.util.List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    void type(By by, String text) {
        WebElement field = driver.findElement(by);
        field.clear();
        field.sendKeys(text);
    }

    /** A date input's value, set as the browser's date picker would (its typed format depends on the locale). */
    void date(By by, String isoDate) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(by), isoDate);
    }

    void select(By by, String value) {
        new org.openqa.selenium.support.ui.Select(find(by)).selectByValue(value);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The viewport as a person at 1366×768 sees it, and the whole page, as target/screenshots/{name}.png. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"),
                    ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            Long height = (Long) script("return Math.ceil(document.documentElement.scrollHeight);");
            if (height != null && height > 768) {
                driver.manage().window().setSize(new Dimension(1366, (int) Math.min(height + 90, 4000)));
                Files.write(SCREENSHOTS.resolve(name + "-full.png"),
                        ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
                driver.manage().window().setSize(new Dimension(1366, 768));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
