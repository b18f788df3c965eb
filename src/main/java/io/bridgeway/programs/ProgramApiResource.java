package io.bridgeway.programs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgeway.security.Role;
import io.bridgeway.web.ApiError;
import io.bridgeway.web.StrictJson;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.Paged;
import io.bridgeway.web.Viewer;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Programmes and enrollment as JSON, with the same validation as the pages. */
@Path("/api/v1/programs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programs")
public class ProgramApiResource {

    private static final ObjectMapper JSON = StrictJson.strict(new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));

    /** A programme as JSON: its own fields, then every {@link ProgramSettings} value under the setting's name. */
    @JsonPropertyOrder({"id", "name", "description", "type", "enrollmentOpens", "enrollmentCloses"})
    public static final class ProgramJson {
        public final long id;
        public final String name;
        public final String description;
        public final ProgramType type;
        public final LocalDate enrollmentOpens;
        public final LocalDate enrollmentCloses;
        /** The largest time difference as the solver reads it (the setting is {@code maxOffsetDiffHours}). */
        public final int maxOffsetDiffMinutes;
        public final long enrolled;
        public final long version;
        private final Map<String, Object> settings = new LinkedHashMap<>();

        ProgramJson(Program p) {
            id = p.id;
            name = p.name;
            description = p.description;
            type = p.type;
            enrollmentOpens = p.enrollmentOpens;
            enrollmentCloses = p.enrollmentCloses;
            maxOffsetDiffMinutes = p.pairing.maxOffsetDiffMinutes;
            enrolled = Enrollment.count("program", p);
            version = p.version;
            for (ProgramSettings.Setting s : ProgramSettings.ALL) {
                settings.put(s.name, s.json(p));
            }
        }

        @JsonAnyGetter
        public Map<String, Object> settings() {
            return settings;
        }
    }

    /** Body of POST .../enrollments: no emails and no filter enrolls the caller. */
    public record EnrollmentRequest(List<String> emails, Long departmentId, Integer minLevel, Integer maxLevel,
            Long officeId, Boolean asMentor, Integer mentorCapacity, Boolean asMentee, Boolean asCircleMember,
            String goals) {
    }

    @Inject
    ProgramService programs;

    @Inject
    EnrollmentService enrollments;

    @Inject
    Viewer viewer;

    @POST
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Transactional
    @Operation(summary = "Create a programme. Fields as in the programme form; weights default to MODEL.md.")
    public Response create(byte[] body) {
        ProgramForm form = programForm(readObject(body));
        ProgramService.Saved saved = programs.create(form, viewer.personId());
        if (saved.errors().any()) {
            return ApiError.invalid(saved.errors());
        }
        return Response.status(Response.Status.CREATED).entity(new ProgramJson(saved.program())).build();
    }

    /** One page of the programme list, newest enrollment deadline first (as the programmes page lists them). */
    public record ProgramPage(List<ProgramJson> programs, Paged.PageJson page) {
    }

    @GET
    @Transactional
    @Operation(summary = "The programmes, one page at a time (?page=0&size=50, size at most 500)")
    public ProgramPage list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("" + Paged.SIZE) int size) {
        Paged<ProgramJson> rows = Paged.of(Program.findAll(Sort.by("enrollmentCloses").descending().and("id")), page,
                Paged.apiSize(size), ProgramJson::new);
        return new ProgramPage(rows.rows(), rows.position(size));
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "A programme with its rules, weights and number of participants")
    public ProgramJson get(@PathParam("id") long id) {
        Program program = Program.findById(id);
        if (program == null) {
            throw new NotFoundException();
        }
        return new ProgramJson(program);
    }

    @POST
    @Path("{id}/enrollments")
    @Transactional
    @Operation(summary = "Enroll yourself, or (managers) a cohort by filter or by emails")
    public Response enroll(@PathParam("id") long id, byte[] body) {
        EnrollmentRequest request = parse(body, EnrollmentRequest.class);
        EnrollmentForm roles = new EnrollmentForm();
        roles.asMentor = String.valueOf(Boolean.TRUE.equals(request.asMentor()));
        roles.mentorCapacity = request.mentorCapacity() == null ? "1" : String.valueOf(request.mentorCapacity());
        roles.asMentee = String.valueOf(Boolean.TRUE.equals(request.asMentee()));
        roles.asCircleMember = String.valueOf(Boolean.TRUE.equals(request.asCircleMember()));
        roles.goals = request.goals();
        boolean cohort = request.emails() != null || request.departmentId() != null || request.minLevel() != null
                || request.maxLevel() != null || request.officeId() != null;
        if (!cohort) {
            FormErrors errors = enrollments.enrollSelf(id, viewer.personId(), roles, LocalDate.now());
            return errors.any() ? ApiError.invalid(errors)
                    : Response.ok(new EnrollmentService.CohortReport(List.of(viewer.email()), List.of(), List.of())).build();
        }
        if (!viewer.programManager()) {
            throw new io.quarkus.security.ForbiddenException();
        }
        FormErrors errors = new FormErrors();
        List<String> emails = request.emails() == null ? null : new ArrayList<>(
                EnrollmentService.parseEmails(String.join("\n", request.emails())));
        EnrollmentService.CohortReport report = enrollments.enrollCohort(id, new EnrollmentService.Cohort(
                request.departmentId(), request.minLevel(), request.maxLevel(), request.officeId(), emails), roles, errors);
        return errors.any() ? ApiError.invalid(errors) : Response.ok(report).build();
    }

    private static final Set<String> PROGRAM_FIELDS = Set.of("name", "description", "type", "enrollmentOpens",
            "enrollmentCloses", "version");

    /**
     * The body as the programme form: the programme's own fields and every setting by name. Unset settings take
     * the defaults of a new programme, so a script can send only what it changes.
     */
    private static ProgramForm programForm(ObjectNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            ProgramSettings.Setting setting = ProgramSettings.named(name);
            if (!PROGRAM_FIELDS.contains(name) && setting == null) {
                throw ApiError.badRequest("Unknown field '" + name + "'.");
            }
            // a form's checkbox is on or absent, but in JSON "maybe" would otherwise read as false
            JsonNode value = body.get(name);
            if (setting != null && setting.checkbox() && !value.isNull() && !value.isBoolean()
                    && !value.asText().matches("true|false")) {
                throw ApiError.badRequest("'" + name + "' must be true or false.");
            }
        }
        ProgramForm form = new ProgramForm();
        form.name = text(body, "name");
        form.description = text(body, "description");
        form.type = Objects.requireNonNullElse(text(body, "type"), ProgramType.MENTORING.name());
        form.enrollmentOpens = text(body, "enrollmentOpens");
        form.enrollmentCloses = text(body, "enrollmentCloses");
        form.version = text(body, "version");
        return form.withSettings(name -> body.hasNonNull(name) ? text(body, name)
                : ProgramSettings.named(name).defaultText());
    }

    /** A JSON value as the form would carry it: numbers and true/false as their text; a list or object is refused. */
    private static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw ApiError.badRequest("'" + field + "' must be a single value, not a list or an object.");
        }
        return value.asText();
    }

    static <T> T parse(byte[] body, Class<T> type) {
        try {
            return JSON.treeToValue(readObject(body), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.badRequest(ApiError.describe(e));
        }
    }

    /** Bytes, not a String: Jackson then refuses invalid UTF-8 instead of silently replacing it. */
    static ObjectNode readObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiError.badRequest("The request body must be a JSON object.");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("The request body must be a JSON object.");
            }
            return (ObjectNode) node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.badRequest(ApiError.describe(e));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // reading bytes already in memory
        }
    }
}
