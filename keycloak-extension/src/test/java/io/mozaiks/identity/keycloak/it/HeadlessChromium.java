package io.mozaiks.identity.keycloak.it;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven through the system's chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}). Nothing is downloaded: the driver and the browser binary are given explicitly,
 * so Selenium Manager is never asked.
 *
 * <p>System properties: {@code mozaiks.chromium} (default {@code /usr/bin/chromium}) and
 * {@code mozaiks.chromedriver} (default {@code /usr/bin/chromedriver}).
 */
final class HeadlessChromium implements AutoCloseable {

    static final String BROWSER_PROPERTY = "mozaiks.chromium";
    static final String DRIVER_PROPERTY = "mozaiks.chromedriver";

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    static Path browserBinary() {
        return Paths.get(System.getProperty(BROWSER_PROPERTY, "/usr/bin/chromium"));
    }

    static Path driverBinary() {
        return Paths.get(System.getProperty(DRIVER_PROPERTY, "/usr/bin/chromedriver"));
    }

    /** Why the browser cannot run here, or empty when both binaries are present. */
    static Optional<String> missing() {
        List<String> problems = new ArrayList<>();
        if (!Files.isExecutable(browserBinary())) {
            problems.add("no Chromium at " + browserBinary() + " (set -D" + BROWSER_PROPERTY + "=...)");
        }
        if (!Files.isExecutable(driverBinary())) {
            problems.add("no chromedriver at " + driverBinary() + " (set -D" + DRIVER_PROPERTY + "=...)");
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join("; ", problems)
                + "; install them with: apt-get install -y chromium chromium-driver");
    }

    static HeadlessChromium start(Path logDir) {
        Path profile;
        try {
            Files.createDirectories(logDir);
            profile = Files.createTempDirectory("mozaiks-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary().toFile())
                .usingAnyFreePort()
                .withLogFile(logDir.resolve("chromedriver.log").toFile())
                .build();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserBinary().toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);

        ChromeDriver driver = new ChromeDriver(service, options);
        // The machine is shared with other Keycloak servers: be patient, but never wait forever.
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(service, driver, profile);
    }

    WebDriver driver() {
        return driver;
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** Saves a PNG of the viewport; answers where. */
    Path screenshot(Path file) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[browser] screenshot " + file.toAbsolutePath());
        return file;
    }

    /**
     * The console messages since the last call, or empty if this chromedriver does not hand them out
     * (the legacy log endpoint is optional in W3C mode).
     */
    Optional<List<LogEntry>> consoleMessages() {
        try {
            return Optional.of(driver.manage().logs().get(LogType.BROWSER).getAll());
        } catch (RuntimeException e) {
            System.out.println("[browser] console log not available: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp profile is harmless
        }
    }
}
