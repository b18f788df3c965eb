package io.bridgeway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.bridgeway.web.HomeResource;
import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every route (every JAX-RS resource method of the application, pages and API alike) says who may call it, and
 * each role gets exactly what the table below says, checked by real requests.
 */
@QuarkusTest
class RoleMatrixTest {

    /** What one caller gets: through, sent to sign in (302 to /login for pages, 401 for /api), or 403. */
    enum Outcome { OK, LOGIN, DENIED }

    /** Who may call a route, as the outcome for anonymous, EMPLOYEE, PROGRAM_MANAGER and ADMIN. */
    enum Access {
        PUBLIC(Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK),
        SIGNED_IN(Outcome.LOGIN, Outcome.OK, Outcome.OK, Outcome.OK),
        MANAGERS(Outcome.LOGIN, Outcome.DENIED, Outcome.OK, Outcome.OK),
        ADMINS(Outcome.LOGIN, Outcome.DENIED, Outcome.DENIED, Outcome.OK);

        final List<Outcome> byCaller;

        Access(Outcome... byCaller) {
            this.byCaller = List.of(byCaller);
        }
    }

    private static final List<String> CALLERS = List.of("anonymous", Role.EMPLOYEE, Role.PROGRAM_MANAGER, Role.ADMIN);

    /** The table: every route, and who may call it. Path parameters name nothing that exists (404 = let through). */
    private static final Map<String, Access> MATRIX = new TreeMap<>(Map.ofEntries(
            // public: the landing page, signing in and up, password recovery, company sign-in, calendar feeds
            Map.entry("GET /", Access.PUBLIC),
            Map.entry("GET /login", Access.PUBLIC),
            Map.entry("POST /login", Access.PUBLIC),
            Map.entry("POST /logout", Access.PUBLIC),
            Map.entry("GET /signup", Access.PUBLIC),
            Map.entry("POST /signup", Access.PUBLIC),
            Map.entry("GET /password/forgot", Access.PUBLIC),
            Map.entry("POST /password/forgot", Access.PUBLIC),
            Map.entry("GET /password/reset", Access.PUBLIC),
            Map.entry("POST /password/reset", Access.PUBLIC),
            Map.entry("GET /sso/login", Access.PUBLIC),
            Map.entry("GET /calendar/{token}.ics", Access.PUBLIC),
            // every signed-in person: their own profile, lists, tokens, matches, surveys, programmes
            Map.entry("GET /password/change", Access.SIGNED_IN),
            Map.entry("POST /password/change", Access.SIGNED_IN),
            Map.entry("GET /profile", Access.SIGNED_IN),
            Map.entry("GET /profile/edit", Access.SIGNED_IN),
            Map.entry("POST /profile/edit", Access.SIGNED_IN),
            Map.entry("GET /profile/export", Access.SIGNED_IN),
            Map.entry("GET /profile/delete", Access.SIGNED_IN),
            Map.entry("POST /profile/delete", Access.SIGNED_IN),
            Map.entry("GET /profile/do-not-pair", Access.SIGNED_IN),
            Map.entry("POST /profile/do-not-pair", Access.SIGNED_IN),
            Map.entry("POST /profile/do-not-pair/{entryId}/remove", Access.SIGNED_IN),
            Map.entry("GET /profile/api-tokens", Access.SIGNED_IN),
            Map.entry("POST /profile/api-tokens", Access.SIGNED_IN),
            Map.entry("POST /profile/api-tokens/{tokenId}/revoke", Access.SIGNED_IN),
            Map.entry("GET /mentoring", Access.SIGNED_IN),
            Map.entry("GET /mentoring/calendar.ics", Access.SIGNED_IN),
            Map.entry("POST /mentoring/calendar-feed", Access.SIGNED_IN),
            Map.entry("POST /mentoring/calendar-feed/off", Access.SIGNED_IN),
            Map.entry("GET /surveys", Access.SIGNED_IN),
            Map.entry("GET /surveys/{id}", Access.SIGNED_IN),
            Map.entry("POST /surveys/{id}", Access.SIGNED_IN),
            Map.entry("GET /programs", Access.SIGNED_IN),
            Map.entry("GET /programs/{id}", Access.SIGNED_IN),
            Map.entry("POST /programs/{id}/enroll", Access.SIGNED_IN),
            Map.entry("POST /programs/{id}/pause", Access.SIGNED_IN),
            Map.entry("POST /programs/{id}/resume", Access.SIGNED_IN),
            Map.entry("POST /programs/{id}/withdraw", Access.SIGNED_IN),
            Map.entry("GET /api/v1/me", Access.SIGNED_IN),
            Map.entry("GET /api/v1/me/do-not-pair", Access.SIGNED_IN),
            Map.entry("GET /api/v1/me/matches", Access.SIGNED_IN),
            Map.entry("GET /api/v1/me/api-tokens", Access.SIGNED_IN),
            Map.entry("DELETE /api/v1/me/api-tokens/{tokenId}", Access.SIGNED_IN),
            Map.entry("GET /api/v1/programs", Access.SIGNED_IN),
            Map.entry("GET /api/v1/programs/{id}", Access.SIGNED_IN),
            Map.entry("POST /api/v1/programs/{id}/enrollments", Access.SIGNED_IN),
            // programme managers and admins: programmes, rounds, exports, analytics, headless solving
            Map.entry("GET /programs/new", Access.MANAGERS),
            Map.entry("POST /programs/new", Access.MANAGERS),
            Map.entry("GET /programs/{id}/edit", Access.MANAGERS),
            Map.entry("POST /programs/{id}/edit", Access.MANAGERS),
            Map.entry("POST /programs/{id}/cohort", Access.MANAGERS),
            Map.entry("POST /programs/{programId}/rounds", Access.MANAGERS),
            Map.entry("GET /rounds/{id}", Access.MANAGERS),
            Map.entry("GET /rounds/{id}/progress", Access.MANAGERS),
            Map.entry("GET /rounds/{id}/compare", Access.MANAGERS),
            Map.entry("GET /rounds/{id}/export", Access.MANAGERS),
            Map.entry("GET /rounds/{id}/publish", Access.MANAGERS),
            Map.entry("POST /rounds/{id}/publish", Access.MANAGERS),
            Map.entry("GET /rounds/{id}/discard", Access.MANAGERS),
            Map.entry("POST /rounds/{id}/discard", Access.MANAGERS),
            Map.entry("POST /rounds/{id}/solve", Access.MANAGERS),
            Map.entry("POST /rounds/{id}/stop", Access.MANAGERS),
            Map.entry("POST /rounds/{id}/pairs", Access.MANAGERS),
            Map.entry("GET /rounds/{id}/pairs/{pairId}/unpair", Access.MANAGERS),
            Map.entry("POST /rounds/{id}/pairs/{pairId}/unpair", Access.MANAGERS),
            Map.entry("POST /rounds/{id}/pairs/{pairId}/pin", Access.MANAGERS),
            Map.entry("POST /rounds/{id}/circles/move", Access.MANAGERS),
            Map.entry("GET /programs/{id}/analytics", Access.MANAGERS),
            Map.entry("GET /programs/{id}/analytics/{table}.csv", Access.MANAGERS),
            Map.entry("GET /analytics", Access.MANAGERS),
            Map.entry("GET /analytics/outcomes", Access.MANAGERS),
            Map.entry("GET /analytics/{table}.csv", Access.MANAGERS),
            Map.entry("POST /api/v1/programs", Access.MANAGERS),
            Map.entry("GET /api/v1/programs/{programId}/rounds", Access.MANAGERS),
            Map.entry("POST /api/v1/programs/{programId}/rounds", Access.MANAGERS),
            Map.entry("GET /api/v1/programs/{id}/analytics", Access.MANAGERS),
            Map.entry("GET /api/v1/analytics", Access.MANAGERS),
            Map.entry("GET /api/v1/rounds/{id}", Access.MANAGERS),
            Map.entry("GET /api/v1/rounds/{id}/export", Access.MANAGERS),
            Map.entry("POST /api/v1/rounds/{id}/publish", Access.MANAGERS),
            Map.entry("POST /api/v1/rounds/{id}/discard", Access.MANAGERS),
            Map.entry("POST /api/v1/rounds/{id}/solve", Access.MANAGERS),
            Map.entry("POST /api/v1/rounds/{id}/stop", Access.MANAGERS),
            Map.entry("POST /api/v1/rounds/{id}/pairs", Access.MANAGERS),
            Map.entry("POST /api/v1/rounds/{id}/pairs/{pairId}/unpair", Access.MANAGERS),
            Map.entry("POST /api/v1/rounds/{id}/pairs/{pairId}/pin", Access.MANAGERS),
            Map.entry("POST /api/v1/rounds/{id}/circles/move", Access.MANAGERS),
            Map.entry("POST /api/v1/solve/pairing", Access.MANAGERS),
            Map.entry("POST /api/v1/solve/circles", Access.MANAGERS),
            // admins only
            Map.entry("GET /admin", Access.ADMINS),
            Map.entry("GET /admin/audit", Access.ADMINS),
            Map.entry("GET /admin/outbox", Access.ADMINS),
            Map.entry("POST /admin/outbox/retry-failed", Access.ADMINS),
            Map.entry("POST /admin/outbox/{id}/retry", Access.ADMINS),
            Map.entry("GET /admin/people", Access.ADMINS),
            Map.entry("GET /admin/people/{id}", Access.ADMINS),
            Map.entry("POST /admin/people/{id}/roles", Access.ADMINS),
            Map.entry("POST /admin/people/{id}/deactivate", Access.ADMINS),
            Map.entry("POST /admin/people/{id}/reactivate", Access.ADMINS),
            Map.entry("GET /admin/people/import", Access.ADMINS),
            Map.entry("POST /admin/people/import", Access.ADMINS),
            Map.entry("POST /api/v1/people/import", Access.ADMINS),
            Map.entry("GET /admin/organisation", Access.ADMINS),
            Map.entry("POST /admin/organisation/departments", Access.ADMINS),
            Map.entry("GET /admin/organisation/departments/{id}", Access.ADMINS),
            Map.entry("POST /admin/organisation/departments/{id}", Access.ADMINS),
            Map.entry("POST /admin/organisation/departments/{id}/delete", Access.ADMINS),
            Map.entry("POST /admin/organisation/offices", Access.ADMINS),
            Map.entry("GET /admin/organisation/offices/{id}", Access.ADMINS),
            Map.entry("POST /admin/organisation/offices/{id}", Access.ADMINS),
            Map.entry("POST /admin/organisation/offices/{id}/delete", Access.ADMINS)));

    private static final List<Class<? extends Annotation>> ROLE_ANNOTATIONS =
            List.of(RolesAllowed.class, PermitAll.class, Authenticated.class, DenyAll.class);

    /** One resource method: its route ("GET /programs/{id}"), what it consumes, and whether it says who may call it. */
    record Route(String key, String verb, String path, List<String> consumes, boolean hasRoleAnnotation) {
    }

    @Test
    void everyRouteSaysWhoMayCallIt() throws Exception {
        List<Route> routes = routes();
        assertTrue(routes.size() > 100, "found only " + routes.size() + " routes: is the class scan broken?");
        List<String> unannotated = routes.stream().filter(r -> !r.hasRoleAnnotation()).map(Route::key).toList();
        assertEquals(List.of(), unannotated, "add @RolesAllowed, @PermitAll, @Authenticated or @DenyAll");
    }

    @Test
    void everyRouteIsInTheTableAndEachRoleGetsWhatItSays() throws Exception {
        List<Route> routes = routes();
        Set<String> found = new TreeSet<>(routes.stream().map(Route::key).toList());
        assertEquals(List.of(), found.stream().filter(k -> !MATRIX.containsKey(k)).toList(),
                "routes missing from the table");
        assertEquals(List.of(), MATRIX.keySet().stream().filter(k -> !found.contains(k)).toList(),
                "table rows for routes that no longer exist");

        List<WebSession> sessions = new ArrayList<>();
        sessions.add(new WebSession());
        for (String role : CALLERS.subList(1, CALLERS.size())) {
            sessions.add(WebSession.withRole("matrix-" + role.toLowerCase(), role));
        }
        List<String> wrong = new ArrayList<>();
        // sign-out last, so the other routes are tried while still signed in
        List<Route> ordered = routes.stream()
                .sorted((a, b) -> Boolean.compare(a.path().equals("/logout"), b.path().equals("/logout"))).toList();
        for (Route route : ordered) {
            Access access = MATRIX.get(route.key());
            for (int caller = 0; caller < CALLERS.size(); caller++) {
                Response response = call(route, sessions.get(caller));
                Outcome expected = access.byCaller.get(caller);
                Outcome actual = outcomeOf(route, response);
                if (actual != expected || response.statusCode() >= 500) {
                    wrong.add(route.key() + " as " + CALLERS.get(caller) + ": expected " + expected + ", got "
                            + response.statusCode() + " " + response.getHeader("Location"));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static Outcome outcomeOf(Route route, Response response) {
        int status = response.statusCode();
        if (status == 403) {
            return Outcome.DENIED;
        }
        boolean api = route.path().startsWith("/api/");
        String location = response.getHeader("Location");
        boolean toLogin = status == 302 && location != null && location.replaceFirst("^https?://[^/]+", "")
                .startsWith("/login");
        return (api ? status == 401 : toLogin) ? Outcome.LOGIN : Outcome.OK;
    }

    /**
     * Calls the route without side effects where possible: ids that do not exist, empty forms and bodies. Pages get
     * the session cookie (and a fresh CSRF token for posts, so the CSRF check cannot hide the role check); the API
     * gets HTTP Basic.
     */
    private static Response call(Route route, WebSession session) {
        String url = route.path().replaceAll("\\{token}", "no-such-token").replaceAll("\\{table}", "no-such-table")
                .replaceAll("\\{[A-Za-z]+}", "987654321");
        if (route.path().startsWith("/api/")) {
            RequestSpecification api = given().redirects().follow(false);
            if (session.email != null) {
                api = api.auth().preemptive().basic(session.email, WebSession.PASSWORD);
            }
            if (!route.verb().equals("GET")) {
                String type = route.consumes().isEmpty() ? "application/json" : route.consumes().get(0);
                api = api.contentType(type).body(type.contains("json") ? "{}" : "");
            }
            return api.request(route.verb(), url);
        }
        if (route.verb().equals("GET")) {
            return session.request().get(url);
        }
        String token = session.page(session.email == null ? "/login" : "/password/change")
                .select("input[name=csrf-token]").attr("value");
        RequestSpecification page = session.request();
        if (route.consumes().contains("multipart/form-data")) {
            page = page.multiPart("csrf-token", token);
        } else {
            page = page.contentType("application/x-www-form-urlencoded").formParam("csrf-token", token);
        }
        return page.request(route.verb(), url);
    }

    /** Every resource method of the application's own classes (not the tests'), found by reflection. */
    static List<Route> routes() throws IOException, ClassNotFoundException {
        // Maven runs tests in the project folder; Quarkus' class loader does not say where a class came from.
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes").toAbsolutePath();
        assertTrue(Files.isDirectory(classes.resolve("io/bridgeway")), "application classes at " + classes);
        List<Route> routes = new ArrayList<>();
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/bridgeway"))) {
            names = files.map(f -> classes.relativize(f).toString()).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).sorted().toList();
        }
        for (String name : names) {
            Class<?> type = Class.forName(name, false, HomeResource.class.getClassLoader());
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = verbOf(method);
                if (verb == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String path = normalise(classPath.value() + "/" + (methodPath == null ? "" : methodPath.value()));
                Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                        : type.getAnnotation(Consumes.class);
                routes.add(new Route(verb + " " + path, verb, path,
                        consumes == null ? List.of() : List.of(consumes.value()),
                        hasRoleAnnotation(method) || hasRoleAnnotation(type)));
            }
        }
        return routes;
    }

    private static String verbOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static boolean hasRoleAnnotation(AnnotatedElement element) {
        return ROLE_ANNOTATIONS.stream().anyMatch(element::isAnnotationPresent);
    }

    /** One slash between segments, none at the end, and path parameters without their regular expressions. */
    private static String normalise(String path) {
        String plain = path.replaceAll("\\{\\s*([A-Za-z]+)\\s*:[^{}]*(\\{[^{}]*}[^{}]*)*}", "{$1}").replaceAll("/+", "/");
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }
}
