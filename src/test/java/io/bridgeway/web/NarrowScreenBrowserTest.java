package io.bridgeway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.support.BrowserTest;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A phone-sized Chromium (390 px wide): sign-up, the round's pairs and "My mentoring" fit without sideways scrolling. */
@QuarkusTest
class NarrowScreenBrowserTest extends BrowserTest {

    static final int PHONE_WIDTH = 390;

    @BeforeEach
    void phoneViewport() {
        ((HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    @Test
    void signUpFitsAPhoneAndTheGridTogglesWholeDaysAndHours() throws Exception {
        driver.get(base + "signup");
        assertEquals(PHONE_WIDTH, ((Number) js("return window.innerWidth")).intValue(), "the viewport is a phone's");
        assertFitsTheScreen("sign-up");
        screenshot("narrow-1-signup");

        // every box and toggle of the availability grid is a finger-sized target
        List<WebElement> targets = driver.findElements(By.cssSelector("table.availability label.slot, button.grid-toggle"));
        assertEquals(16 * 5 + 5 + 16, targets.size(), "06:00-22:00 on five days, five day and sixteen hour toggles");
        for (WebElement target : targets) {
            assertTrue(target.getSize().width >= 44 && target.getSize().height >= 44, "44 px target: " + target.getSize());
        }

        // the script flips a whole day in the page (no post: the typed e-mail stays)
        driver.findElement(By.id("email")).sendKeys("typed@example.com");
        driver.findElement(By.cssSelector("button.grid-toggle[value='day:TUE']")).click();
        assertEquals(16, checked("input[data-day=TUE]"));
        driver.findElement(By.cssSelector("button.grid-toggle[value='hour:06']")).click();
        assertEquals(5, checked("input[data-hour='06']"));
        assertEquals(16 + 4, checked("input[name=availability]"));
        driver.findElement(By.cssSelector("button.grid-toggle[value='day:TUE']")).click();
        assertEquals(0, checked("input[data-day=TUE]"), "a second press clears the day");
        assertEquals("typed@example.com", driver.findElement(By.id("email")).getAttribute("value"));
        js("document.getElementById('availability').scrollIntoView()");
        screenshot("narrow-1b-signup-grid");

        // with errors shown, still no sideways scrolling
        driver.findElement(By.cssSelector("form[action='/signup'] button.button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertFitsTheScreen("sign-up with errors");
        screenshot("narrow-2-signup-errors");
    }

    @Test
    void thePairsTableStacksOnAPhone() throws Exception {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("narrow", 2, 3);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);

        driver.get(base + "login");
        driver.findElement(By.id("email")).sendKeys(c.pm());
        driver.findElement(By.id("password")).sendKeys(WebSession.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/profile"));

        driver.get(base + "rounds/" + roundId);
        List<WebElement> rows = driver.findElements(By.cssSelector("table.pairs tbody tr"));
        assertEquals(3, rows.size());
        assertFitsTheScreen("round " + roundId);
        WebElement mentee = rows.get(0).findElement(By.cssSelector("td[data-label=Mentee]"));
        assertEquals("block", mentee.getCssValue("display"), "cells stack under their column names");
        assertTrue(mentee.getText().contains("@example.com"), mentee.getText());
        js("document.getElementById('pairs').scrollIntoView()");
        screenshot("narrow-3-round-pairs");

        // once published, a mentee's "My mentoring" fits the phone too
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);
        driver.manage().deleteAllCookies();
        driver.get(base + "login");
        driver.findElement(By.id("email")).sendKeys(c.mentees().get(0));
        driver.findElement(By.id("password")).sendKeys(WebSession.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/profile"));
        driver.get(base + "mentoring");
        assertTrue(driver.getPageSource().contains(c.mentors().get(0)) || driver.getPageSource().contains(c.mentors().get(1)),
                "the mentee sees their mentor");
        assertFitsTheScreen("my mentoring");
        screenshot("narrow-4-my-mentoring");
    }

    private void assertFitsTheScreen(String page) {
        int scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).intValue();
        assertTrue(scrollWidth <= PHONE_WIDTH, page + " scrolls sideways: " + scrollWidth + " px wide");
    }

    private long checked(String selector) {
        return driver.findElements(By.cssSelector(selector)).stream().filter(WebElement::isSelected).count();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
