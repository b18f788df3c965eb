package io.bridgeway.analytics;

import io.bridgeway.exports.TableWriter;
import io.bridgeway.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The analytics dashboard for managers and admins, per programme and overall: the page (data tables, SVG pictures
 * beside four of them, and the simulation report they link), one CSV per table, and the JSON API with every figure (README, "Analytics"). Published
 * rounds only; an unknown programme is 404.
 */
public final class AnalyticsResource {

    private AnalyticsResource() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(AnalyticsReader.Report report, String base,
                List<AnalyticsTables.Table> tables, AnalyticsPictures pictures, String simulationPath);

        static native TemplateInstance outcomes(String path, List<SimulationOutcomes.Block> blocks);

        static TemplateInstance page(AnalyticsReader.Report report, String base) {
            return dashboard(report, base, AnalyticsTables.of(report.figures()), AnalyticsPictures.of(report.figures()),
                    SimulationOutcomes.REPOSITORY_PATH);
        }
    }

    static Response csv(AnalyticsReader.Report report, String table) {
        AnalyticsTables.Table found = AnalyticsTables.find(report.figures(), table).orElseThrow(NotFoundException::new);
        StreamingOutput body = out -> {
            try (TableWriter writer = TableWriter.csv(found.headers(), out)) {
                found.rows().forEach(writer::row);
            }
        };
        String scope = report.programId() == null ? "all" : "program-" + report.programId();
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"analytics-" + scope + "-" + table + ".csv\"").build();
    }

    @Path("/programs/{id}/analytics")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    public static class ProgramPage {

        @Inject
        AnalyticsReader reader;

        @GET
        @Produces(MediaType.TEXT_HTML)
        public TemplateInstance page(@PathParam("id") long id) {
            AnalyticsReader.Report report = reader.program(id);
            return Templates.page(report, "/programs/" + id + "/analytics");
        }

        @GET
        @Path("{table}.csv")
        public Response csv(@PathParam("id") long id, @PathParam("table") String table) {
            return AnalyticsResource.csv(reader.program(id), table);
        }
    }

    @Path("/analytics")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    public static class OverallPage {

        @Inject
        AnalyticsReader reader;

        @GET
        @Produces(MediaType.TEXT_HTML)
        public TemplateInstance page() {
            AnalyticsReader.Report report = reader.overall();
            return Templates.page(report, "/analytics");
        }

        @GET
        @Path("{table}.csv")
        public Response csv(@PathParam("table") String table) {
            return AnalyticsResource.csv(reader.overall(), table);
        }

        /** The simulation's report (docs/outcomes.md), which the dashboards link. */
        @GET
        @Path("outcomes")
        @Produces(MediaType.TEXT_HTML)
        public TemplateInstance outcomes() {
            return Templates.outcomes(SimulationOutcomes.REPOSITORY_PATH, SimulationOutcomes.blocks());
        }
    }

    /** Two roots, not one under /api/v1: the longest matching root wins, and /api/v1/programs belongs to the programmes. */
    @Path("/api/v1/programs/{id}/analytics")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Tag(name = "Analytics")
    @Produces(MediaType.APPLICATION_JSON)
    public static class ProgramApi {

        @Inject
        AnalyticsReader reader;

        @GET
        @Operation(summary = "Every analytics figure of one programme (published rounds only; groups under 5 suppressed)")
        public NetworkFigures program(@PathParam("id") long id) {
            return reader.program(id).figures();
        }
    }

    @Path("/api/v1/analytics")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Tag(name = "Analytics")
    @Produces(MediaType.APPLICATION_JSON)
    public static class OverallApi {

        @Inject
        AnalyticsReader reader;

        @GET
        @Operation(summary = "Every analytics figure over all programmes (published rounds only; groups under 5 suppressed)")
        public NetworkFigures overall() {
            return reader.overall().figures();
        }
    }
}
