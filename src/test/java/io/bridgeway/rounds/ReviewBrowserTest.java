package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.Person;
import io.bridgeway.security.Role;
import io.bridgeway.support.BrowserTest;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A manager searches, pins and moves someone in meeting 2, and the page stays where they were. */
@QuarkusTest
class ReviewBrowserTest extends BrowserTest {

    @Test
    void searchPinAndMoveInMeetingTwoKeepTheQueryMeetingAndScroll() throws Exception {
        String pm = WebSession.withRole("rvbpm", Role.PROGRAM_MANAGER).email;
        int programId = RoundLifecycleTest.as(pm).body("""
                {"name": "Review browser", "type": "BOTH", "enrollmentOpens": "%s", "enrollmentCloses": "%s",
                 "circleRounds": 2, "circleCadenceWeeks": 4, "circleStartDate": "%s", "groupMin": 2, "groupMax": 5}
                """.formatted(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), LocalDate.now().plusWeeks(2)))
                .post("/api/v1/programs").then().statusCode(201).extract().path("id");
        RoundLifecycleTest.Cohort pairs = RoundLifecycleTest.cohort("rvbpair", 3, 5);
        String zelda = pairs.mentees().get(0);
        QuarkusTransaction.requiringNew().run(() -> Person.findByEmail(zelda).fullName = "Zelda Quill");
        RoundLifecycleTest.enroll(pm, programId, pairs.mentors(), "{\"asMentor\": true, \"mentorCapacity\": 2, \"emails\": %s}");
        RoundLifecycleTest.enroll(pm, programId, pairs.mentees().subList(1, 5), "{\"asMentee\": true, \"emails\": %s}");
        RoundLifecycleTest.enroll(pm, programId, List.of(zelda),
                "{\"asMentee\": true, \"asCircleMember\": true, \"emails\": %s}");
        RoundLifecycleTest.enroll(pm, programId, CircleRoundTest.members("rvbcircle", 11),
                "{\"asCircleMember\": true, \"emails\": %s}");
        long roundId = RoundLifecycleTest.start(pm, programId);
        long zeldaId = QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(zelda).id);
        // the smallest other circle of meeting 2 has room for her
        int to = RoundLifecycleTest.awaitSolved(pm, roundId).<java.util.Map<String, Object>>getList("circles").stream()
                .filter(c -> ((Number) c.get("meeting")).intValue() == 1)
                .filter(c -> ((List<?>) c.get("members")).stream().noneMatch(m -> ((Number) m).longValue() == zeldaId))
                .min(java.util.Comparator.comparingInt(c -> ((List<?>) c.get("members")).size()))
                .map(c -> ((Number) c.get("circle")).intValue()).orElseThrow();

        driver.get(base + "login");
        driver.findElement(By.id("email")).sendKeys(pm);
        driver.findElement(By.id("password")).sendKeys(WebSession.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(d -> d.getCurrentUrl().endsWith("/profile"));

        // meeting 2, then search: the search keeps the meeting
        driver.get(base + "rounds/" + roundId + "?meeting=1");
        driver.findElement(By.id("q")).sendKeys("zelda");
        driver.findElement(By.cssSelector("form.search button")).click();
        wait.until(d -> d.getCurrentUrl().contains("q=zelda"));
        String url = driver.getCurrentUrl();
        assertTrue(url.contains("meeting=1"), url);
        assertEquals("Meeting 2", driver.findElement(By.cssSelector("nav[aria-label='Circle meetings'] strong")).getText());
        assertEquals(1, driver.findElements(By.cssSelector("table.pairs tbody tr")).size(), "only Zelda's pair");
        assertEquals(1, driver.findElements(By.cssSelector("#circle-grid li.card")).size(), "only Zelda's circle");

        // pin: the row changes in place
        driver.findElement(By.cssSelector("table.pairs tbody tr form[action$='/pin'] button")).click();
        wait.ignoring(StaleElementReferenceException.class).until(d ->
                d.findElement(By.cssSelector("table.pairs tbody tr")).getText().contains("pinned"));
        assertTrue(driver.findElement(By.id("live-flash")).getText().contains("Pinned"));
        assertEquals(url, driver.getCurrentUrl(), "no reload: same query and meeting");

        // move Zelda to another circle of meeting 2, scrolled down to the form
        WebElement email = driver.findElement(By.id("personEmail"));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", email);
        long scrolled = ((Number) js.executeScript("return window.scrollY")).longValue();
        assertTrue(scrolled > 0, "the form is below the fold");
        email.sendKeys(zelda);
        driver.findElement(By.id("circle")).sendKeys(String.valueOf(to));
        driver.findElement(By.cssSelector("form[action$='/circles/move'] button")).click();
        wait.withMessage(() -> driver.findElement(By.id("live-flash")).getText())
                .until(d -> d.findElement(By.cssSelector("#circle-grid li.card h3")).getText().equals("Circle " + to));
        assertTrue(driver.findElement(By.cssSelector("#circle-grid li.card")).getText().contains("Zelda Quill"));
        assertTrue(driver.findElement(By.id("live-flash")).getText().contains("Moved"),
                driver.findElement(By.id("live-flash")).getText());
        assertEquals(url, driver.getCurrentUrl(), "same query and meeting after the move");
        assertEquals("Meeting 2", driver.findElement(By.cssSelector("nav[aria-label='Circle meetings'] strong")).getText());
        assertEquals(scrolled, ((Number) js.executeScript("return window.scrollY")).longValue(), "the page did not jump");
        screenshot("review-moved-in-meeting-2");

        // a second change still works: every form got the round's new version
        driver.findElement(By.cssSelector("table.pairs tbody tr form[action$='/pin'] button")).click();
        wait.until(d -> d.findElement(By.cssSelector("table.pairs tbody tr form[action$='/pin'] button")).getText()
                .equals("Pin"));
    }
}
