package io.bridgeway.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.support.BrowserTest;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A matched mentee in a real browser: after publication they find their mentor and download their meetings. */
@QuarkusTest
class MyMentoringBrowserTest extends BrowserTest {

    @Test
    void aMatchedMenteeSeesTheirMentorAndDownloadsTheCalendar() throws Exception {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("browsermine", 1, 1);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);

        driver.get(base + "login");
        driver.findElement(By.id("email")).sendKeys(c.mentees().get(0));
        driver.findElement(By.id("password")).sendKeys(WebSession.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button")).click();
        WebDriverWait navigation = new WebDriverWait(driver, Duration.ofSeconds(15));
        navigation.until(d -> d.getCurrentUrl().endsWith("/profile"));

        driver.findElement(By.linkText("My mentoring")).click();
        navigation.until(d -> d.getCurrentUrl().endsWith("/mentoring"));
        String mentor = c.mentors().get(0);
        assertTrue(driver.findElement(By.cssSelector("#current .match.pair")).getText().contains(mentor),
                driver.findElement(By.tagName("main")).getText());
        assertTrue(driver.findElement(By.cssSelector("#current .match.pair h4")).getText().startsWith("Your mentor"));
        screenshot("mentoring-1-my-mentor");

        // the download link, fetched with the browser's own session
        String href = driver.findElement(By.id("download-calendar")).getAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> fetched = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text().then(t => done({status: r.status,
                    type: r.headers.get('content-type'), body: t})));
                """, href);
        assertEquals(200L, ((Number) fetched.get("status")).longValue());
        assertTrue(((String) fetched.get("type")).startsWith("text/calendar"), (String) fetched.get("type"));
        List<?> events = new CalendarBuilder().build(new StringReader((String) fetched.get("body"))).getComponents("VEVENT");
        assertEquals(1, events.size(), "the pair's kick-off");
    }
}
