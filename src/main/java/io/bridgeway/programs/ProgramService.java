package io.bridgeway.programs;

import static io.bridgeway.web.FormFields.date;
import static io.bridgeway.web.FormFields.line;
import static io.bridgeway.web.FormFields.text;

import io.bridgeway.audit.AuditLog;
import io.bridgeway.people.Person;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.Found;
import io.bridgeway.web.StaleEditException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Creates and edits programmes; validation completes before anything is written. */
@ApplicationScoped
public class ProgramService {

    @Inject
    AuditLog audit;

    public record Saved(Program program, FormErrors errors) {
    }

    @Transactional
    public Saved create(ProgramForm form, long createdBy) {
        FormErrors errors = new FormErrors();
        Program program = new Program();
        Consumer<Program> changes = validate(form, errors);
        if (errors.any()) {
            return new Saved(null, errors);
        }
        changes.accept(program);
        program.createdBy = Person.findById(createdBy);
        program.persist();
        audit.record("PROGRAM_CREATED", "PROGRAM", program.id, program.id, program.name);
        return new Saved(program, errors);
    }

    /** @throws StaleEditException when someone saved the programme since the form was loaded */
    @Transactional
    public Saved update(long id, ProgramForm form) {
        Program program = Found.orNotFound(Program.findById(id));
        if (form.version != null && !form.version.equals(String.valueOf(program.version))) {
            throw StaleEditException.changedBy(null);
        }
        FormErrors errors = new FormErrors();
        Consumer<Program> changes = validate(form, errors);
        if (errors.any()) {
            return new Saved(program, errors);
        }
        changes.accept(program);
        audit.record("PROGRAM_UPDATED", "PROGRAM", program.id, program.id, program.name);
        return new Saved(program, errors);
    }

    /**
     * Checks every field and returns the changes to apply to a programme; apply them only when {@code errors}
     * stays empty, so nothing is partly saved. Circle settings of a programme without circles, and optional
     * settings left empty, keep their stored value.
     */
    Consumer<Program> validate(ProgramForm f, FormErrors errors) {
        String name = line(f.name, 120, true, "name", "A name", errors);
        String description = emptyToNull(text(f.description, 2000, false, "description", "Description", errors));
        ProgramType type = parseEnum(ProgramType.class, f.type);
        if (type == null) {
            errors.add("type", "Choose what the programme matches.");
        }
        LocalDate opens = date(f.enrollmentOpens, "enrollmentOpens", "Enrollment opens", errors);
        LocalDate closes = date(f.enrollmentCloses, "enrollmentCloses", "Enrollment closes", errors);
        if (opens != null && closes != null && closes.isBefore(opens)) {
            errors.add("enrollmentCloses", "Enrollment must close on or after the day it opens.");
        }
        Map<ProgramSettings.Setting, Object> values = new LinkedHashMap<>();
        for (ProgramSettings.Setting setting : ProgramSettings.ALL) {
            String raw = f.setting(setting.name);
            boolean skipped = setting.circlesOnly && (type == null || !type.circles());
            if (!skipped && !(setting.optional && (raw == null || raw.isBlank()))) {
                values.put(setting, setting.parse(raw, errors));
            }
        }
        Object min = values.get(ProgramSettings.named("groupMin"));
        Object max = values.get(ProgramSettings.named("groupMax"));
        if (min != null && max != null && (Integer) max < (Integer) min) {
            errors.add("groupMax", "The largest circle cannot be smaller than the smallest.");
        }
        Object start = values.get(ProgramSettings.named("circleStartDate"));
        Object rounds = values.get(ProgramSettings.named("circleRounds"));
        Object cadence = values.get(ProgramSettings.named("circleCadenceWeeks"));
        if (start != null && rounds != null && cadence != null) {
            ProgramSettings.circleScheduleProblem((LocalDate) start, (Integer) rounds, (Integer) cadence,
                    LocalDate.now()).ifPresent(problem -> errors.add("circleStartDate", problem));
        }
        return program -> {
            program.name = name;
            program.description = description;
            program.type = type;
            program.enrollmentOpens = opens;
            program.enrollmentCloses = closes;
            values.forEach((setting, value) -> setting.write(program, value));
        };
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
