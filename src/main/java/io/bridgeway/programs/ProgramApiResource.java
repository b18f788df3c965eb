package io.bridgeway.programs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgeway.security.Role;
import io.bridgeway.web.ApiError;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.Viewer;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Programmes and enrollment as JSON, with the same validation as the pages. */
@Path("/api/v1/programs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programs")
public class ProgramApiResource {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public record ProgramJson(long id, String name, String description, ProgramType type, LocalDate enrollmentOpens,
            LocalDate enrollmentCloses, int circleRounds, int circleCadenceWeeks, LocalDate circleStartDate,
            int groupMin, int groupMax, int minLevelGap, boolean crossDepartmentRequired, int maxOffsetDiffMinutes,
            PreviousPartners previousPartners, int avoidRounds, int weightGoalSkill, int weightCrossDepartment,
            int weightOffsetPer30Min, int weightLevelGapPerLevel, int weightPreviousPair, int weightSameDepartment,
            int weightTimezoneSpread, int weightGroupWithoutSenior, int seniorLevel, boolean waitingPolicy,
            int waitingIncrement, int waitingCap, long enrolled, long version) {

        static ProgramJson of(Program p) {
            return new ProgramJson(p.id, p.name, p.description, p.type, p.enrollmentOpens, p.enrollmentCloses,
                    p.circleRounds, p.circleCadenceWeeks, p.circleStartDate, p.groupMin, p.groupMax, p.minLevelGap,
                    p.crossDepartmentRequired, p.maxOffsetDiffMinutes, p.previousPartners, p.avoidRounds,
                    p.weightGoalSkill, p.weightCrossDepartment, p.weightOffsetPer30Min, p.weightLevelGapPerLevel,
                    p.weightPreviousPair, p.weightSameDepartment, p.weightTimezoneSpread, p.weightGroupWithoutSenior,
                    p.seniorLevel, p.waitingPolicy, p.waitingIncrement, p.waitingCap, Enrollment.count("program", p),
                    p.version);
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
        ProgramForm form = parse(body, ProgramForm.class);
        fillDefaults(form);
        ProgramService.Saved saved = programs.create(form, viewer.personId());
        if (saved.errors().any()) {
            return ApiError.invalid(saved.errors());
        }
        return Response.status(Response.Status.CREATED).entity(ProgramJson.of(saved.program())).build();
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
        return ProgramJson.of(program);
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

    /** Unset fields take the defaults of a new programme, so a script can send only what it changes. */
    private static void fillDefaults(ProgramForm form) {
        Program defaults = new Program();
        ProgramForm d = ProgramForm.of(defaults);
        if (form.type == null) {
            form.type = ProgramType.MENTORING.name();
        }
        if (form.previousPartners == null) {
            form.previousPartners = d.previousPartners;
        }
        form.circleRounds = orElse(form.circleRounds, d.circleRounds);
        form.circleCadenceWeeks = orElse(form.circleCadenceWeeks, d.circleCadenceWeeks);
        form.groupMin = orElse(form.groupMin, d.groupMin);
        form.groupMax = orElse(form.groupMax, d.groupMax);
        form.minLevelGap = orElse(form.minLevelGap, d.minLevelGap);
        form.maxOffsetDiffHours = orElse(form.maxOffsetDiffHours, d.maxOffsetDiffHours);
        form.avoidRounds = orElse(form.avoidRounds, d.avoidRounds);
        form.weightGoalSkill = orElse(form.weightGoalSkill, d.weightGoalSkill);
        form.weightCrossDepartment = orElse(form.weightCrossDepartment, d.weightCrossDepartment);
        form.weightOffsetPer30Min = orElse(form.weightOffsetPer30Min, d.weightOffsetPer30Min);
        form.weightLevelGapPerLevel = orElse(form.weightLevelGapPerLevel, d.weightLevelGapPerLevel);
        form.weightPreviousPair = orElse(form.weightPreviousPair, d.weightPreviousPair);
        form.weightSameDepartment = orElse(form.weightSameDepartment, d.weightSameDepartment);
        form.weightTimezoneSpread = orElse(form.weightTimezoneSpread, d.weightTimezoneSpread);
        form.weightGroupWithoutSenior = orElse(form.weightGroupWithoutSenior, d.weightGroupWithoutSenior);
        form.seniorLevel = orElse(form.seniorLevel, d.seniorLevel);
        form.waitingPolicy = orElse(form.waitingPolicy, d.waitingPolicy);
        form.waitingIncrement = orElse(form.waitingIncrement, d.waitingIncrement);
        form.waitingCap = orElse(form.waitingCap, d.waitingCap);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** Bytes, not a String: Jackson then refuses invalid UTF-8 instead of silently replacing it. */
    static <T> T parse(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw ApiError.badRequest("The request body must be a JSON object.");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("The request body must be a JSON object.");
            }
            return JSON.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.badRequest(ApiError.describe(e));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // reading bytes already in memory
        }
    }
}
