package io.bridgeway.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Expires the flash cookie once a page has shown it (any response that is not itself a redirect). */
public class FlashCleanup {

    @ServerResponseFilter
    public void expireShownFlash(ContainerRequestContext request, ContainerResponseContext response) {
        Cookie flash = request.getCookies().get(Flash.COOKIE);
        boolean redirect = response.getStatus() >= 300 && response.getStatus() < 400;
        if (flash != null && !redirect) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, Flash.expired());
        }
    }
}
