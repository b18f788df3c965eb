package io.bridgeway.exports;

import io.bridgeway.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Round exports, as the round page's download links ({@code /rounds/{id}/export}, signed in by cookie) and
 * as the API ({@code /api/v1/rounds/{id}/export}, HTTP Basic). Errors go through ErrorPages: bad
 * {@code format}/{@code what} is 400 (JSON under /api), an unknown round 404, an employee 403.
 */
public final class RoundExportResource {

    private RoundExportResource() {
    }

    static Response download(RoundExports.Export export) {
        return Response.ok(export.body(), export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"").build();
    }

    @Path("/rounds")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    public static class Page {

        @Inject
        RoundExports exports;

        @GET
        @Path("{id}/export")
        public Response export(@PathParam("id") long id, @QueryParam("format") String format,
                @QueryParam("what") String what) {
            return download(exports.prepare(id, format, what));
        }
    }

    @Path("/api/v1/rounds")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Tag(name = "Rounds")
    public static class Api {

        @Inject
        RoundExports exports;

        @GET
        @Path("{id}/export")
        @Operation(summary = "Export a round (drafts too) as ?format=csv|xlsx|ics&what=pairs|circles|schedule;"
                + " the columns are listed in the README")
        public Response export(@PathParam("id") long id, @QueryParam("format") String format,
                @QueryParam("what") String what) {
            return download(exports.prepare(id, format, what));
        }
    }
}
