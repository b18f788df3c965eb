package io.bridgeway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.BrowserTest;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;

/** A real browser (Debian's headless Chromium) walks sign-up, profile, logout and login. */
@QuarkusTest
class BrowserJourneyTest extends BrowserTest {

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
        driver.findElement(By.cssSelector("form[action='/signup'] button.button[type=submit]")).click();

        // sign-up signs the person in: straight to their profile, no second sign-in
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/profile"));
        assertTrue(driver.findElement(By.cssSelector(".flash")).getText().contains("Welcome to Bridgeway"));
        assertTrue(driver.getCurrentUrl().endsWith("/profile"), driver.getCurrentUrl());
        assertEquals("Browser Person", driver.findElement(By.tagName("h1")).getText());
        String profile = driver.findElement(By.cssSelector("dl.profile")).getText();
        assertTrue(profile.contains("Europe/London"), profile);
        assertTrue(profile.contains("Tuesday: 10:00"), profile);
        assertTrue(profile.contains("prototyping (2)"), profile);
        screenshot("2-profile");

        driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        // the profile page has a flash of its own: wait for the page the logout redirects to
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().endsWith("/profile"));
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".flash")).getText().contains("signed out"));
        driver.get(base + "profile");
        assertTrue(driver.getCurrentUrl().endsWith("/login?next=%2Fprofile"), "signed out: " + driver.getCurrentUrl());
        screenshot("3-logged-out");

        signIn(email);
        assertEquals("Browser Person", driver.findElement(By.tagName("h1")).getText());
        screenshot("4-logged-in-again");
    }

    private void signIn(String email) {
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.get(base + "login");
        }
        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(WebSession.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/profile"));
    }

}
