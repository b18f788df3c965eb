package io.bridgeway.programs;

import static io.bridgeway.web.FormFields.date;
import static io.bridgeway.web.FormFields.intIn;
import static io.bridgeway.web.FormFields.text;

import io.bridgeway.audit.AuditLog;
import io.bridgeway.people.Person;
import jakarta.inject.Inject;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.FormFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.Locale;

/** Creates and edits programmes; validation completes before anything is written. */
@ApplicationScoped
public class ProgramService {

    public static final int MAX_WEIGHT = 1000;

    @Inject
    AuditLog audit;

    public record Saved(Program program, FormErrors errors) {
    }

    @Transactional
    public Saved create(ProgramForm form, long createdBy) {
        Program program = new Program();
        FormErrors errors = new FormErrors();
        apply(form, program, errors);
        if (errors.any()) {
            return new Saved(null, errors);
        }
        program.createdBy = Person.findById(createdBy);
        program.persist();
        audit.record("PROGRAM_CREATED", "PROGRAM", program.id, program.id, program.name);
        return new Saved(program, errors);
    }

    /** @throws OptimisticLockException when someone saved the programme since the form was loaded */
    @Transactional
    public Saved update(long id, ProgramForm form) {
        Program program = Program.findById(id);
        if (program == null) {
            throw new NotFoundException();
        }
        if (form.version != null && !form.version.equals(String.valueOf(program.version))) {
            throw new OptimisticLockException("This programme was changed by someone else since you opened it. "
                    + "Reload the page to see the latest version.");
        }
        FormErrors errors = new FormErrors();
        Program scratch = new Program();
        apply(form, scratch, errors);
        if (errors.any()) {
            return new Saved(program, errors);
        }
        apply(form, program, new FormErrors());
        audit.record("PROGRAM_UPDATED", "PROGRAM", program.id, program.id, program.name);
        return new Saved(program, errors);
    }

    /** Validates every field and copies the valid ones into {@code p}. */
    void apply(ProgramForm f, Program p, FormErrors errors) {
        p.name = text(f.name, 120, true, "name", "A name", errors);
        p.description = emptyToNull(text(f.description, 2000, false, "description", "Description", errors));
        ProgramType type = parseEnum(ProgramType.class, f.type);
        if (type == null) {
            errors.add("type", "Choose what the programme matches.");
        } else {
            p.type = type;
        }
        LocalDate opens = date(f.enrollmentOpens, "enrollmentOpens", "Enrollment opens", errors);
        LocalDate closes = date(f.enrollmentCloses, "enrollmentCloses", "Enrollment closes", errors);
        if (opens != null && closes != null && closes.isBefore(opens)) {
            errors.add("enrollmentCloses", "Enrollment must close on or after the day it opens.");
        }
        p.enrollmentOpens = opens;
        p.enrollmentCloses = closes;

        if (type != null && type.circles()) {
            p.circleRounds = orDefault(intIn(f.circleRounds, 1, 12, "circleRounds", "Rounds", errors), p.circleRounds);
            p.circleCadenceWeeks = orDefault(intIn(f.circleCadenceWeeks, 1, 12, "circleCadenceWeeks",
                    "Weeks between meetings", errors), p.circleCadenceWeeks);
            p.circleStartDate = date(f.circleStartDate, "circleStartDate", "First meeting week", errors);
            Integer min = intIn(f.groupMin, 2, 12, "groupMin", "Smallest circle", errors);
            Integer max = intIn(f.groupMax, 2, 12, "groupMax", "Largest circle", errors);
            if (min != null && max != null && max < min) {
                errors.add("groupMax", "The largest circle cannot be smaller than the smallest.");
            }
            p.groupMin = orDefault(min, p.groupMin);
            p.groupMax = orDefault(max, p.groupMax);
            p.seniorLevel = orDefault(intIn(f.seniorLevel, 1, 8, "seniorLevel", "Senior level", errors), p.seniorLevel);
        }

        p.minLevelGap = orDefault(intIn(f.minLevelGap, 0, 7, "minLevelGap", "Minimum level gap", errors), p.minLevelGap);
        p.crossDepartmentRequired = FormFields.checked(f.crossDepartmentRequired);
        Integer hours = intIn(f.maxOffsetDiffHours, 0, 24, "maxOffsetDiffHours", "Largest time difference (hours)", errors);
        p.maxOffsetDiffMinutes = hours == null ? p.maxOffsetDiffMinutes : hours * 60;
        PreviousPartners previous = parseEnum(PreviousPartners.class, f.previousPartners);
        if (previous == null) {
            errors.add("previousPartners", "Choose how earlier partners are treated.");
        } else {
            p.previousPartners = previous;
        }
        p.avoidRounds = orDefault(intIn(f.avoidRounds, 1, 10, "avoidRounds", "Rounds to avoid a repeat", errors), p.avoidRounds);

        p.weightGoalSkill = weight(f.weightGoalSkill, "weightGoalSkill", "Goal fit weight", errors, p.weightGoalSkill);
        p.weightCrossDepartment = weight(f.weightCrossDepartment, "weightCrossDepartment", "Cross-department bonus", errors, p.weightCrossDepartment);
        p.weightOffsetPer30Min = weight(f.weightOffsetPer30Min, "weightOffsetPer30Min", "Time-zone distance weight", errors, p.weightOffsetPer30Min);
        p.weightLevelGapPerLevel = weight(f.weightLevelGapPerLevel, "weightLevelGapPerLevel", "Large level gap weight", errors, p.weightLevelGapPerLevel);
        p.weightPreviousPair = weight(f.weightPreviousPair, "weightPreviousPair", "Previous pair weight", errors, p.weightPreviousPair);
        p.waitingPolicy = FormFields.checked(f.waitingPolicy);
        // optional: a form or script that leaves them out keeps the current (default) increment and cap
        if (f.waitingIncrement != null && !f.waitingIncrement.isBlank()) {
            p.waitingIncrement = orDefault(intIn(f.waitingIncrement, 1, 5, "waitingIncrement",
                    "Priority added per round waited", errors), p.waitingIncrement);
        }
        if (f.waitingCap != null && !f.waitingCap.isBlank()) {
            p.waitingCap = orDefault(intIn(f.waitingCap, 1, 10, "waitingCap", "Most priority waiting can add", errors),
                    p.waitingCap);
        }
        if (type != null && type.circles()) {
            p.weightSameDepartment = weight(f.weightSameDepartment, "weightSameDepartment", "Same-department weight", errors, p.weightSameDepartment);
            p.weightTimezoneSpread = weight(f.weightTimezoneSpread, "weightTimezoneSpread", "Time-zone spread weight", errors, p.weightTimezoneSpread);
            p.weightGroupWithoutSenior = weight(f.weightGroupWithoutSenior, "weightGroupWithoutSenior", "No-senior weight", errors, p.weightGroupWithoutSenior);
        }
    }

    private static int weight(String raw, String field, String label, FormErrors errors, int current) {
        return orDefault(intIn(raw, 0, MAX_WEIGHT, field, label, errors), current);
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String raw) {
        try {
            return raw == null ? null : Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
