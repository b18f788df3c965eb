package io.bridgeway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.bridgeway.web.SecurityHeaders;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: pages by the signed {@code bw-session} cookie (see {@link SessionTokens}), the JSON
 * API by HTTP Basic or a personal API token ({@link ApiTokenAuthentication}). Anonymous page visits to protected pages are sent to the sign-in page; API calls
 * get a Basic challenge, or 429 with {@code Retry-After} while their account or address is throttled.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String API_PREFIX = "/api/";
    private static final String THROTTLED = "bridgeway.throttled";
    private static final String BASIC = "basic ";

    @Inject
    SessionTokens tokens;

    @Inject
    SessionCookie cookie;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        return isApi(context) ? basic(context, identities) : session(context, identities);
    }

    private Uni<SecurityIdentity> basic(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        String bearer = ApiTokenAuthentication.secretOf(header);
        if (bearer != null) {
            return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                    new ApiTokenAuthentication.Request(bearer), context));
        }
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Uni.createFrom().nullItem();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Uni.createFrom().nullItem();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = new UsernamePasswordAuthenticationRequest(decoded.substring(0, colon),
                new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context))
                .onFailure(AuthenticationFailedException.class).invoke(e -> {
                    Duration wait = ((AuthenticationFailedException) e).getAttribute(PersonIdentityProviders.RETRY_AFTER);
                    if (wait != null) {
                        context.put(THROTTLED, wait);
                    }
                });
    }

    private Uni<SecurityIdentity> session(RoutingContext context, IdentityProviderManager identities) {
        if (SecurityHeaders.isStaticAsset(context.normalizedPath())) {
            return Uni.createFrom().nullItem(); // CSS and scripts are public: no account lookup per file
        }
        Cookie sent = context.request().getCookie(SessionCookie.NAME);
        if (sent == null || sent.getValue().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        Optional<SessionTokens.SessionToken> token = tokens.decode(sent.getValue());
        if (token.isEmpty()) {
            forget(context);
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = new PersonIdentityProviders.SessionRequest(token.get());
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context))
                .onItem().invoke(identity -> renewIfDue(context, token.get()))
                .onFailure().recoverWithItem(() -> {
                    forget(context); // ended by sign-out, password change or deletion: browse on anonymously
                    return null;
                });
    }

    private void renewIfDue(RoutingContext context, SessionTokens.SessionToken token) {
        if (tokens.dueForRenewal(token)) {
            setCookieAtEnd(context, cookie.set(tokens.touched(token)));
        }
    }

    private void forget(RoutingContext context) {
        setCookieAtEnd(context, cookie.expired());
    }

    /** Adds the header as the response goes out, unless the page itself (sign-in, sign-out) set the cookie. */
    private static void setCookieAtEnd(RoutingContext context, String setCookie) {
        context.addHeadersEndHandler(v -> {
            boolean setsSession = context.response().headers().getAll(HttpHeaders.SET_COOKIE).stream()
                    .anyMatch(value -> value.startsWith(SessionCookie.NAME + "="));
            if (!setsSession) {
                context.response().headers().add(HttpHeaders.SET_COOKIE, setCookie);
            }
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isApi(context)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"Bridgeway\""));
        }
        return Uni.createFrom().item(new ChallengeData(302, HttpHeaders.LOCATION, loginPageFor(context)));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        Duration wait = context.get(THROTTLED);
        if (wait == null && !isApi(context)) {
            return HttpAuthenticationMechanism.super.sendChallenge(context);
        }
        if (wait == null) { // scripts read JSON: say how to sign in (Basic, or a revoked/expired/unknown token)
            context.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Basic realm=\"Bridgeway\"")
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(new JsonObject().put("error", "Sign in with HTTP Basic or a valid personal API token "
                            + "(Authorization: Bearer).").put("status", 401).encode());
            return Uni.createFrom().item(true);
        }
        long seconds = Math.max(1, wait.toSeconds());
        String message = "Too many failed sign-ins. Try again in " + LoginThrottle.inWords(wait) + ".";
        context.response().setStatusCode(429)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(new JsonObject().put("error", message).put("status", 429).encode());
        return Uni.createFrom().item(true);
    }

    /** The sign-in page, remembering a page the person asked for so they land there afterwards. */
    static String loginPageFor(RoutingContext context) {
        if (context.request().method() != HttpMethod.GET) {
            return "/login";
        }
        String uri = context.request().uri();
        return LoginRedirects.isSafe(uri) ? "/login?next=" + URLEncoder.encode(uri, StandardCharsets.UTF_8) : "/login";
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, PersonIdentityProviders.SessionRequest.class,
                ApiTokenAuthentication.Request.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(isApi(context)
                ? new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "basic")
                : new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, SessionCookie.NAME));
    }

    private static boolean isApi(RoutingContext context) {
        return context.normalizedPath().startsWith(API_PREFIX);
    }
}
