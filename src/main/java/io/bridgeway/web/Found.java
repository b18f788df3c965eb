package io.bridgeway.web;

import jakarta.ws.rs.NotFoundException;

/** The one "find it or 404" rule: a looked-up thing that does not exist is a 404 page or JSON answer. */
public final class Found {

    private Found() {
    }

    public static <T> T orNotFound(T found) {
        if (found == null) {
            throw new NotFoundException();
        }
        return found;
    }
}
