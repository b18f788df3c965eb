package io.bridgeway.programs;

import org.jboss.resteasy.reactive.RestForm;

/**
 * A programme as the create/edit form and the JSON API send it. All text, so that a bad value is
 * shown back as typed; {@link ProgramService} validates it.
 */
public class ProgramForm {

    @RestForm public String name;
    @RestForm public String description;
    @RestForm public String type;
    @RestForm public String enrollmentOpens;
    @RestForm public String enrollmentCloses;

    @RestForm public String circleRounds;
    @RestForm public String circleCadenceWeeks;
    @RestForm public String circleStartDate;
    @RestForm public String groupMin;
    @RestForm public String groupMax;

    @RestForm public String minLevelGap;
    @RestForm public String crossDepartmentRequired;
    @RestForm public String maxOffsetDiffHours;
    @RestForm public String previousPartners;
    @RestForm public String avoidRounds;

    @RestForm public String weightGoalSkill;
    @RestForm public String weightCrossDepartment;
    @RestForm public String weightOffsetPer30Min;
    @RestForm public String weightLevelGapPerLevel;
    @RestForm public String weightPreviousPair;
    @RestForm public String weightSameDepartment;
    @RestForm public String weightTimezoneSpread;
    @RestForm public String weightGroupWithoutSenior;
    @RestForm public String seniorLevel;

    @RestForm public String waitingPolicy;
    @RestForm public String waitingIncrement;
    @RestForm public String waitingCap;

    @RestForm public String version;

    public static ProgramForm of(Program p) {
        ProgramForm f = new ProgramForm();
        f.name = p.name;
        f.description = p.description;
        f.type = p.type.name();
        f.enrollmentOpens = str(p.enrollmentOpens);
        f.enrollmentCloses = str(p.enrollmentCloses);
        f.circleRounds = str(p.circleRounds);
        f.circleCadenceWeeks = str(p.circleCadenceWeeks);
        f.circleStartDate = str(p.circleStartDate);
        f.groupMin = str(p.groupMin);
        f.groupMax = str(p.groupMax);
        f.minLevelGap = str(p.minLevelGap);
        f.crossDepartmentRequired = str(p.crossDepartmentRequired);
        f.maxOffsetDiffHours = str(p.maxOffsetDiffMinutes / 60);
        f.previousPartners = p.previousPartners.name();
        f.avoidRounds = str(p.avoidRounds);
        f.weightGoalSkill = str(p.weightGoalSkill);
        f.weightCrossDepartment = str(p.weightCrossDepartment);
        f.weightOffsetPer30Min = str(p.weightOffsetPer30Min);
        f.weightLevelGapPerLevel = str(p.weightLevelGapPerLevel);
        f.weightPreviousPair = str(p.weightPreviousPair);
        f.weightSameDepartment = str(p.weightSameDepartment);
        f.weightTimezoneSpread = str(p.weightTimezoneSpread);
        f.weightGroupWithoutSenior = str(p.weightGroupWithoutSenior);
        f.seniorLevel = str(p.seniorLevel);
        f.waitingPolicy = str(p.waitingPolicy);
        f.waitingIncrement = str(p.waitingIncrement);
        f.waitingCap = str(p.waitingCap);
        f.version = p.id == null ? null : str(p.version);
        return f;
    }

    public boolean same(String value, Object option) {
        return value != null && value.equals(String.valueOf(option));
    }

    public boolean checked(String value) {
        return io.bridgeway.web.FormFields.checked(value);
    }

    private static String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
