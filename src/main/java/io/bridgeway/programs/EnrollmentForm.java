package io.bridgeway.programs;

import io.bridgeway.web.FormFields;
import org.jboss.resteasy.reactive.RestForm;

/** How one person takes part in a programme, as the enrollment form and API send it. */
public class EnrollmentForm {

    @RestForm public String asMentor;
    @RestForm public String mentorCapacity;
    @RestForm public String asMentee;
    @RestForm public String asCircleMember;
    @RestForm public String goals;

    public static EnrollmentForm of(Enrollment e) {
        EnrollmentForm f = new EnrollmentForm();
        f.asMentor = String.valueOf(e.asMentor);
        f.mentorCapacity = String.valueOf(e.mentorCapacity);
        f.asMentee = String.valueOf(e.asMentee);
        f.asCircleMember = String.valueOf(e.asCircleMember);
        f.goals = e.programGoals;
        return f;
    }

    public boolean checked(String value) {
        return FormFields.checked(value);
    }
}
