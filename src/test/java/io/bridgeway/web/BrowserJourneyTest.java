package io.bridgeway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * A real browser (Debian's headless Chromium) walks sign-up, profile, logout and login, with
 * JavaScript off the critical path. Skipped only when Chromium is absent and the run does not
 * require it; CI sets BRIDGEWAY_REQUIRE_BROWSER=true.
 */
@QuarkusTest
class BrowserJourneyTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static WebDriver driver;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("BRIDGEWAY_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("Chromium and chromedriver are required: apt-get install chromium chromium-driver");
        }
        assumeTrue(present, "Debian chromium and chromium-driver are not installed");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1600");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void signUpThenProfileThenLogoutThenLogin() throws Exception {
        String email = WebSession.uniqueEmail("browser");
        driver.get(base + "signup");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("fullName")).sendKeys("Browser Person");
        driver.findElement(By.id("password")).sendKeys(WebSession.PASSWORD);
        new Select(driver.findElement(By.id("departmentId"))).selectByVisibleText("Design");
        new Select(driver.findElement(By.id("level"))).selectByValue("2");
        new Select(driver.findElement(By.id("officeId"))).selectByVisibleText("London (Europe/London)");
        driver.findElement(By.id("skillName-0")).sendKeys("prototyping");
        new Select(driver.findElement(By.id("skillLevel-0"))).selectByValue("2");
        driver.findElement(By.id("goals")).sendKeys("public-speaking");
        driver.findElement(By.cssSelector("input[name=availability][value=TUE-10]")).click();
        driver.findElement(By.id("wantsMentor")).click();
        screenshot("1-signup-form");
        driver.findElement(By.cssSelector("form[action='/signup'] button[type=submit]")).click();

        assertTrue(driver.getCurrentUrl().contains("/login"), driver.getCurrentUrl());
        assertTrue(driver.findElement(By.cssSelector(".flash")).getText().contains("Welcome to Bridgeway"));
        signIn(email);
        assertTrue(driver.getCurrentUrl().endsWith("/profile"), driver.getCurrentUrl());
        assertEquals("Browser Person", driver.findElement(By.tagName("h1")).getText());
        String profile = driver.findElement(By.cssSelector("dl.profile")).getText();
        assertTrue(profile.contains("Europe/London"), profile);
        assertTrue(profile.contains("Tuesday: 10:00"), profile);
        assertTrue(profile.contains("prototyping (2)"), profile);
        screenshot("2-profile");

        driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        assertTrue(driver.findElement(By.cssSelector(".flash")).getText().contains("signed out"));
        driver.get(base + "profile");
        assertTrue(driver.getCurrentUrl().endsWith("/login"), "signed out: " + driver.getCurrentUrl());
        screenshot("3-logged-out");

        signIn(email);
        assertEquals("Browser Person", driver.findElement(By.tagName("h1")).getText());
        screenshot("4-logged-in-again");
    }

    private void signIn(String email) {
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.get(base + "login");
        }
        driver.findElement(By.id("j_username")).clear();
        driver.findElement(By.id("j_username")).sendKeys(email);
        driver.findElement(By.id("j_password")).sendKeys(WebSession.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/j_security_check'] button")).click();
    }

    private static void screenshot(String name) throws Exception {
        Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
