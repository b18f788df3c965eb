package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.BrowserTest;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A programme manager in a real browser: start a round, watch it solve, review, pin, publish. */
@QuarkusTest
class RoundBrowserTest extends BrowserTest {

    @Test
    void startProgressReviewPinPublish() throws Exception {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("browser", 3, 5);
        driver.get(base + "login");
        driver.findElement(By.id("email")).sendKeys(c.pm());
        driver.findElement(By.id("password")).sendKeys(WebSession.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button")).click();
        WebDriverWait navigation = new WebDriverWait(driver, Duration.ofSeconds(15));
        navigation.until(d -> d.getCurrentUrl().endsWith("/profile"));

        driver.get(base + "programs/" + c.programId());
        driver.findElement(By.cssSelector("form[action$='/rounds'] button")).click();
        navigation.until(d -> d.getCurrentUrl().matches(".*/rounds/\\d+$")); // the redirect to the new round
        screenshot("round-1-progress");

        // htmx polls the status box and reloads the page when the solve ends
        new WebDriverWait(driver, Duration.ofSeconds(60))
                // read in one script: the 2-second progress poll swaps the box between a find and a getText
                .until(d -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "var h = document.querySelector('#progress h2'); return h ? h.textContent : '';"))
                        .contains("SOLVED"));
        assertEquals(5, driver.findElements(By.cssSelector("table.pairs tbody tr")).size());
        assertFalse(driver.findElements(By.cssSelector("ul.why li")).isEmpty(), "explanations shown");
        screenshot("round-2-review");

        driver.findElement(By.cssSelector("table.pairs tbody tr form[action$='/pin'] button")).click();
        // htmx swaps the row in place and shows the message in the live region
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("live-flash")).getText().contains("Pinned"));
        assertTrue(driver.findElement(By.id("live-flash")).getText().contains("Score impact"));
        assertEquals(1, driver.findElements(By.xpath("//table[contains(@class,'pairs')]//span[text()='pinned']")).size());
        screenshot("round-3-pinned");

        driver.findElement(By.cssSelector("form[action$='/publish'] button")).click();
        // publishing mails everyone: htmx asks first
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        assertTrue(driver.switchTo().alert().getText().contains("e-mail"));
        driver.switchTo().alert().accept();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".flash")).getText().contains("published"));
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("PUBLISHED"));
        assertTrue(driver.findElements(By.cssSelector("form[action$='/unpair']")).isEmpty(), "frozen after publish");
        screenshot("round-4-published");
    }
}
