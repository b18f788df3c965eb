package io.bridgeway.matching.pairing.domain;

/** The hard rules of MODEL.md, in check.py's order; the constraint names are the ConstraintProvider's. */
public enum HardRule {
    SAME_PERSON("Same person", "is the mentee themself"),
    REPORTING_CHAIN("Reporting chain", "is in the mentee's reporting chain"),
    DO_NOT_PAIR("Do not pair", "is on a do-not-pair list with the mentee"),
    LEVEL_GAP_TOO_SMALL("Level gap too small", "is not senior enough"),
    NO_SHARED_LANGUAGE("No shared language", "shares no language"),
    TIME_ZONES_TOO_FAR_APART("Time zones too far apart", "is in a time zone too far away"),
    SAME_DEPARTMENT("Same department (cross-department required)", "is in the same department");

    private final String constraintName;
    private final String mentorPhrase;

    HardRule(String constraintName, String mentorPhrase) {
        this.constraintName = constraintName;
        this.mentorPhrase = mentorPhrase;
    }

    public String constraintName() {
        return constraintName;
    }

    /** Completes "N mentors ..." in unmatched reasons. */
    public String mentorPhrase() {
        return mentorPhrase;
    }
}
