package io.bridgeway.feedback;

import org.jboss.resteasy.reactive.RestForm;

/** A survey answer as the form sends it: all text, so a bad value is shown back as typed. */
public class SurveyForm {

    @RestForm public String met;
    @RestForm public String rating;
    @RestForm public String comment;
    @RestForm public String wouldContinue;

    public boolean is(String value, String option) {
        return value != null && value.strip().equalsIgnoreCase(option);
    }
}
