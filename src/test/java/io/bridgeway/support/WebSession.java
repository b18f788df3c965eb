package io.bridgeway.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

/**
 * A browser-like client for RestAssured: keeps cookies (session, CSRF, flash) across requests and
 * copies the CSRF token from a page into the forms it posts.
 */
public class WebSession {

    public static final String PASSWORD = "correct-horse-battery";
    private final Map<String, String> cookies = new HashMap<>();

    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    public Response get(String path) {
        return remember(request().get(path));
    }

    public Document page(String path) {
        Response response = get(path);
        return Jsoup.parse(response.asString());
    }

    /** Loads {@code formPage} for its CSRF token, then posts {@code fields} to {@code action}. */
    public Response submit(String formPage, String action, Map<String, ?> fields) {
        Document page = page(formPage);
        String token = page.select("input[name=csrf-token]").attr("value");
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("csrf-token", token);
        return post(action, body);
    }

    public Response post(String action, Map<String, ?> fields) {
        // UTF-8 as a browser sends from a UTF-8 page (RestAssured's default is ISO-8859-1, which turns "李" into "?")
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        fields.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                spec.formParam(name, list.toArray());
            } else {
                spec.formParam(name, value);
            }
        });
        return remember(spec.post(action));
    }

    /**
     * What a browser would post from the form matching {@code selector} on {@code page} (its CSRF token,
     * ticked boxes, every text field and selected option), with {@code overrides} replacing fields.
     */
    public static Map<String, Object> formData(Document page, String selector, Map<String, ?> overrides) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        FormElement form = (FormElement) page.selectFirst(selector);
        if (form == null) {
            throw new AssertionError("no form " + selector + " on the page");
        }
        form.formData().forEach(kv -> fields.computeIfAbsent(kv.key(), k -> new ArrayList<>()).add(kv.value()));
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.putAll(overrides);
        return body;
    }

    public Response login(String email, String password) {
        return submit("/login", "/login", Map.of("email", email, "password", password));
    }

    /** Sends this cookie from now on, as a browser that was given it would (a forged or aged session, say). */
    public WebSession withCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }

    private Response remember(Response response) {
        response.getDetailedCookies().asList().forEach(cookie -> {
            if (cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
        return response;
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A complete, valid sign-up form: Engineering (id 1), level 3, Berlin office (id 5). */
    public static Map<String, Object> validSignup(String email) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("fullName", "Test Person");
        form.put("password", PASSWORD);
        form.put("departmentId", "1");
        form.put("jobTitle", "Engineer");
        form.put("level", "3");
        form.put("managerEmail", "");
        form.put("officeId", "5");
        form.put("timeZone", "Europe/Berlin");
        form.put("languages", List.of("en", "de"));
        form.put("skillName", List.of("java", "Public Speaking", ""));
        form.put("skillLevel", List.of("3", "1", ""));
        form.put("goals", "negotiation, leadership");
        form.put("bio", "I build things.");
        form.put("availability", List.of("MON-09", "MON-10", "WED-14"));
        form.put("wantsToMentor", "true");
        form.put("mentorCapacity", "2");
        form.put("wantsMentor", "true");
        form.put("wantsCircle", "true");
        return form;
    }

    /** Signs up a fresh person with the valid form plus {@code overrides}; sign-up signs them in. */
    public static WebSession signedUp(String email, Map<String, Object> overrides) {
        WebSession session = new WebSession();
        Map<String, Object> form = validSignup(email);
        form.putAll(overrides);
        Response response = session.submit("/signup", "/signup", form);
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-up failed: " + response.statusCode() + " " + response.asString());
        }
        return session;
    }

    /** Signs up a fresh person who also has {@code role}, signed in (roles are re-read on every request). */
    public static WebSession withRole(String prefix, String role) {
        String email = uniqueEmail(prefix);
        WebSession session = signedUp(email, Map.of());
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(
                () -> io.bridgeway.people.Person.findByEmail(email).roles.add(role));
        session.email = email;
        return session;
    }

    /** The id of the person who signed up with this email. */
    public static long idOf(String email) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> io.bridgeway.people.Person.findByEmail(email).id);
    }

    /** The email this session signed in with, when made by {@link #withRole}. */
    public String email;

    public static Map<String, Object> with(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
