package io.bridgeway.matching.pairing.domain;

/** The hard rules of MODEL.md, in check.py's order; the constraint names are the ConstraintProvider's. */
public enum HardRule {
    SAME_PERSON("Same person", "is the mentee themself", "recruit another mentor"),
    REPORTING_CHAIN("Reporting chain", "is in the mentee's reporting chain",
            "recruit a mentor outside the mentee's reporting chain"),
    DO_NOT_PAIR("Do not pair", "is on a do-not-pair list with the mentee", "recruit another mentor"),
    LEVEL_GAP_TOO_SMALL("Level gap too small", "is not senior enough",
            "recruit a more senior mentor, or lower the minimum level gap"),
    NO_SHARED_LANGUAGE("No shared language", "shares no language",
            "recruit a mentor who speaks one of the mentee's languages"),
    TIME_ZONES_TOO_FAR_APART("Time zones too far apart", "is in a time zone too far away",
            "recruit a mentor in a nearer time zone, or allow a larger time difference"),
    SAME_DEPARTMENT("Same department (cross-department required)", "is in the same department",
            "recruit a mentor from another department, or make cross-department pairs preferred, not required");

    /** How every {@link #brokenText} begins. */
    public static final String BROKEN_LINE = "breaks the hard rule: mentor ";

    private final String constraintName;
    private final String mentorPhrase;
    private final String remedy;

    HardRule(String constraintName, String mentorPhrase, String remedy) {
        this.constraintName = constraintName;
        this.mentorPhrase = mentorPhrase;
        this.remedy = remedy;
    }

    /** What a programme manager can do when this rule excludes most mentors, e.g. "recruit a more senior mentor". */
    public String remedy() {
        return remedy;
    }

    public String constraintName() {
        return constraintName;
    }

    /** A pair's explanation line and its constraint justification, e.g. "breaks the hard rule: mentor is not senior enough". */
    public String brokenText() {
        return BROKEN_LINE + mentorPhrase;
    }

    /** Completes "N mentors ..." in unmatched reasons. */
    public String mentorPhrase() {
        return mentorPhrase;
    }
}
