package io.bridgeway.support;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

/** Base of the real-browser tests: one headless Chromium per test class, and the app's URL. */
public abstract class BrowserTest {

    protected static WebDriver driver;

    @TestHTTPResource("/")
    protected URL base;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    protected static void screenshot(String name) throws Exception {
        Browser.screenshot(driver, name);
    }
}
