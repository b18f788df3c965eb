package io.bridgeway.programs;

import io.bridgeway.web.FormErrors;
import io.bridgeway.web.FormFields;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The manager's cohort form as typed: a filter or a list of e-mails, and the one role everyone in it takes.
 * Nothing is chosen in advance: the manager picks mentor, mentee or circle member.
 */
public class CohortInput {

    /** The roles a cohort can be enrolled as, by the value of the form's {@code role} radio. */
    public enum Role {
        MENTOR("Mentors"), MENTEE("Mentees"), CIRCLES("Peer circle members");

        public final String label;

        Role(String label) {
            this.label = label;
        }
    }

    @RestForm public String departmentId;
    @RestForm public String minLevel;
    @RestForm public String maxLevel;
    @RestForm public String officeId;
    @RestForm public String emails;
    @RestForm public String role;
    @RestForm public String cohortMentorCapacity;
    @RestForm public String cohortGoals;

    /** The enrollment fields' errors under this form's own field names (the page's own enrollment uses theirs). */
    private static final Map<String, String> FIELDS = Map.of("roles", "role", "mentorCapacity", "cohortMentorCapacity",
            "goals", "cohortGoals");

    public static CohortInput empty() {
        CohortInput input = new CohortInput();
        input.cohortMentorCapacity = "1";
        return input;
    }

    public List<Role> roles(ProgramType type) {
        return List.of(Role.values()).stream()
                .filter(r -> r == Role.CIRCLES ? type.circles() : type.pairs()).toList();
    }

    /** The enrollment every member of the cohort gets; without a role it has none, which the service refuses. */
    EnrollmentForm enrollment() {
        Role chosen = ProgramService.parseEnum(Role.class, role);
        EnrollmentForm form = new EnrollmentForm();
        form.asMentor = String.valueOf(chosen == Role.MENTOR);
        form.asMentee = String.valueOf(chosen == Role.MENTEE);
        form.asCircleMember = String.valueOf(chosen == Role.CIRCLES);
        form.mentorCapacity = cohortMentorCapacity;
        form.goals = cohortGoals;
        return form;
    }

    /** {@code errors} with each field named as on this form, so messages and links point at its inputs. */
    static FormErrors onForm(FormErrors errors) {
        FormErrors renamed = new FormErrors();
        errors.all().forEach(e -> renamed.add(FIELDS.getOrDefault(e.field(), e.field()), e.message()));
        return renamed;
    }

    EnrollmentService.Cohort cohort(FormErrors errors) {
        return new EnrollmentService.Cohort(FormFields.parseLong(departmentId), level(minLevel, "minLevel", errors),
                level(maxLevel, "maxLevel", errors), FormFields.parseLong(officeId),
                EnrollmentService.parseEmails(emails));
    }

    private static Integer level(String raw, String field, FormErrors errors) {
        return raw == null || raw.isBlank() ? null : FormFields.intIn(raw, 1, 8, field, "Level", errors);
    }

    public boolean same(String value, Object option) {
        return value != null && value.equals(String.valueOf(option));
    }
}
