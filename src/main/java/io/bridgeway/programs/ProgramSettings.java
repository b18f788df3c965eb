package io.bridgeway.programs;

import io.bridgeway.matching.circles.domain.MeetingCalendar;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.FormFields;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;

/**
 * Every rule and weight a programme manager can set, in the order the form shows them. Each entry drives the
 * form field (label, hint, kind), its validation (range, message) and its JSON name and value; the default is
 * whatever a new {@link Program} holds, i.e. the canonical model. Adding a weight: a field in
 * {@link PairingRules} or {@link CircleRules} (and its {@code toSettings}), an entry here, a migration.
 */
public final class ProgramSettings {

    public static final int MAX_WEIGHT = 1000;
    /** A first circle meeting further out than this is a typo (an API token's expiry has the same bound). */
    public static final int MAX_START_YEARS_AHEAD = 10;

    private ProgramSettings() {
    }

    public enum Kind { NUMBER, CHECKBOX, DATE, CHOICE }

    /** Where the form shows a setting; a group of settings under one legend. */
    public enum Section {
        CIRCLES("Peer circles (for programmes with circles)"),
        RULES("Rules"),
        WAITING("Nobody waits forever"),
        WEIGHTS("Weights (the defaults are the canonical model)");

        public final String legend;

        Section(String legend) {
            this.legend = legend;
        }

        public List<Setting> settings() {
            return ALL.stream().filter(s -> s.section == this).toList();
        }
    }

    public record Option(String value, String label) {
    }

    /**
     * One setting. {@code circlesOnly}: read and checked only for programmes with circles (others keep the
     * stored value). {@code optional}: an empty value keeps the stored one.
     */
    public static final class Setting {
        public final String name;
        public final String label;
        public final String hint;
        public final Kind kind;
        public final Section section;
        public final int min;
        public final int max;
        public final boolean circlesOnly;
        public final boolean optional;
        public final List<Option> options;
        private final Class<? extends Enum<?>> choices;
        private final Function<Program, Object> get;
        private final BiConsumer<Program, Object> set;

        private Setting(String name, String label, String hint, Kind kind, Section section, int min, int max,
                boolean circlesOnly, boolean optional, Class<? extends Enum<?>> choices, Function<Program, Object> get,
                BiConsumer<Program, Object> set) {
            this.name = name;
            this.label = label;
            this.hint = hint;
            this.kind = kind;
            this.section = section;
            this.min = min;
            this.max = max;
            this.circlesOnly = circlesOnly;
            this.optional = optional;
            this.choices = choices;
            this.options = choices == null ? List.of() : Arrays.stream(choices.getEnumConstants())
                    .map(e -> new Option(e.name(), labelOf(e))).toList();
            this.get = get;
            this.set = set;
        }

        Setting optional() {
            return new Setting(name, label, hint, kind, section, min, max, circlesOnly, true, choices, get, set);
        }

        Setting circlesOnly() {
            return new Setting(name, label, hint, kind, section, min, max, true, optional, choices, get, set);
        }

        /** The stored value as the form shows it. */
        public String text(Program program) {
            Object value = get.apply(program);
            return value == null ? null : value instanceof Enum<?> e ? e.name() : String.valueOf(value);
        }

        /** The stored value as JSON carries it: a number, true/false, an ISO date or an option name. */
        public Object json(Program program) {
            Object value = get.apply(program);
            return value instanceof Enum<?> e ? e.name() : value instanceof LocalDate d ? d.toString() : value;
        }

        /** What a new programme holds: the canonical model. */
        public String defaultText() {
            return text(new Program());
        }

        /** The typed value of {@code raw}, or null with a message for this field. */
        public Object parse(String raw, FormErrors errors) {
            return switch (kind) {
                case NUMBER -> FormFields.intIn(raw, min, max, name, label, errors);
                case CHECKBOX -> FormFields.checked(raw);
                case DATE -> FormFields.date(raw, name, label, errors);
                case CHOICE -> {
                    Object value = options.stream().filter(o -> raw != null && o.value().equalsIgnoreCase(raw.strip()))
                            .findFirst().map(o -> enumValue(o.value())).orElse(null);
                    if (value == null) {
                        errors.add(name, "Choose " + label.toLowerCase() + ": "
                                + String.join(" or ", options.stream().map(Option::label).toList()) + ".");
                    }
                    yield value;
                }
            };
        }

        /** Stores a value {@link #parse} returned. */
        public void write(Program program, Object value) {
            set.accept(program, value);
        }

        public boolean checkbox() {
            return kind == Kind.CHECKBOX;
        }

        public boolean choice() {
            return kind == Kind.CHOICE;
        }

        public String inputType() {
            return kind == Kind.DATE ? "date" : "number";
        }

        private Object enumValue(String value) {
            return Arrays.stream(choices.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElseThrow();
        }

        private static String labelOf(Enum<?> value) {
            return value instanceof PreviousPartners p ? p.label : value.name();
        }
    }

    private static Setting number(Section section, String name, String label, String hint, int min, int max,
            ToIntFunction<Program> get, ObjIntConsumer<Program> set) {
        return new Setting(name, label, hint, Kind.NUMBER, section, min, max, false, false, null,
                p -> get.applyAsInt(p), (p, v) -> set.accept(p, (Integer) v));
    }

    private static Setting weight(String name, String label, String hint, ToIntFunction<Program> get,
            ObjIntConsumer<Program> set) {
        return number(Section.WEIGHTS, name, label, hint, 0, MAX_WEIGHT, get, set);
    }

    private static Setting checkbox(Section section, String name, String label, Function<Program, Boolean> get,
            BiConsumer<Program, Boolean> set) {
        return new Setting(name, label, null, Kind.CHECKBOX, section, 0, 0, false, false, null, get::apply,
                (p, v) -> set.accept(p, (Boolean) v));
    }

    private static Setting date(Section section, String name, String label, Function<Program, LocalDate> get,
            BiConsumer<Program, LocalDate> set) {
        return new Setting(name, label, null, Kind.DATE, section, 0, 0, false, false, null, get::apply,
                (p, v) -> set.accept(p, (LocalDate) v));
    }

    private static <E extends Enum<E>> Setting choice(Section section, String name, String label, Class<E> type,
            Function<Program, E> get, BiConsumer<Program, E> set) {
        return new Setting(name, label, null, Kind.CHOICE, section, 0, 0, false, false, type, get::apply,
                (p, v) -> set.accept(p, type.cast(v)));
    }

    /** Every setting, in form order. */
    public static final List<Setting> ALL = List.of(
            number(Section.CIRCLES, "circleRounds", "Rounds", null, 1, 12,
                    p -> p.circleRounds, (p, v) -> p.circleRounds = v).circlesOnly(),
            number(Section.CIRCLES, "circleCadenceWeeks", "Weeks between meetings", null, 1, 12,
                    p -> p.circleCadenceWeeks, (p, v) -> p.circleCadenceWeeks = v).circlesOnly(),
            date(Section.CIRCLES, "circleStartDate", "First meeting week",
                    p -> p.circleStartDate, (p, v) -> p.circleStartDate = v).circlesOnly(),
            number(Section.CIRCLES, "groupMin", "Smallest circle", null, 2, 12,
                    p -> p.groupMin, (p, v) -> p.groupMin = v).circlesOnly(),
            number(Section.CIRCLES, "groupMax", "Largest circle", null, 2, 12,
                    p -> p.groupMax, (p, v) -> p.groupMax = v).circlesOnly(),
            number(Section.CIRCLES, "seniorLevel", "Senior level",
                    "Each circle should have someone at this level or above.", 1, 8,
                    p -> p.circles.seniorLevel, (p, v) -> p.circles.seniorLevel = v).circlesOnly(),

            number(Section.RULES, "minLevelGap", "Minimum level gap", "Mentor's level over the mentee's.", 0, 7,
                    p -> p.pairing.minLevelGap, (p, v) -> p.pairing.minLevelGap = v),
            // the form asks in hours; the solver reads minutes
            number(Section.RULES, "maxOffsetDiffHours", "Largest time difference (hours)", null, 0, 24,
                    p -> p.pairing.maxOffsetDiffMinutes / 60, (p, v) -> p.pairing.maxOffsetDiffMinutes = v * 60),
            checkbox(Section.RULES, "crossDepartmentRequired",
                    "Mentor and mentee must be in different departments (otherwise: preferred)",
                    p -> p.pairing.crossDepartmentRequired, (p, v) -> p.pairing.crossDepartmentRequired = v),
            choice(Section.RULES, "previousPartners", "Earlier partners", PreviousPartners.class,
                    p -> p.pairing.previousPartners, (p, v) -> p.pairing.previousPartners = v),
            number(Section.RULES, "roundLengthWeeks", "Round length (weeks)",
                    "How long a 1:1 round runs; pairs are asked for feedback halfway.", 2, 52,
                    p -> p.roundLengthWeeks, (p, v) -> p.roundLengthWeeks = v).optional(),
            number(Section.RULES, "avoidRounds", "Rounds to avoid a repeat", null, 1, 10,
                    p -> p.pairing.avoidRounds, (p, v) -> p.pairing.avoidRounds = v),

            checkbox(Section.WAITING, "waitingPolicy", "Waiting policy: a mentee who had an allowed mentor but was "
                    + "left unmatched gets more priority in the next round, until matched",
                    p -> p.pairing.waitingPolicy, (p, v) -> p.pairing.waitingPolicy = v),
            number(Section.WAITING, "waitingIncrement", "Priority added per round waited", null, 1, 5,
                    p -> p.pairing.waitingIncrement, (p, v) -> p.pairing.waitingIncrement = v).optional(),
            number(Section.WAITING, "waitingCap", "Most priority waiting can add", null, 1, 10,
                    p -> p.pairing.waitingCap, (p, v) -> p.pairing.waitingCap = v).optional(),

            weight("weightGoalSkill", "Goal fit weight", "Points per proficiency level the mentor has in a goal.",
                    p -> p.pairing.weightGoalSkill, (p, v) -> p.pairing.weightGoalSkill = v),
            weight("weightCrossDepartment", "Cross-department bonus", null,
                    p -> p.pairing.weightCrossDepartment, (p, v) -> p.pairing.weightCrossDepartment = v),
            weight("weightOffsetPer30Min", "Time-zone distance weight", "Penalty per 30 minutes of difference.",
                    p -> p.pairing.weightOffsetPer30Min, (p, v) -> p.pairing.weightOffsetPer30Min = v),
            weight("weightLevelGapPerLevel", "Large level gap weight", "Penalty per level of a gap over 3.",
                    p -> p.pairing.weightLevelGapPerLevel, (p, v) -> p.pairing.weightLevelGapPerLevel = v),
            weight("weightPreviousPair", "Previous pair weight",
                    "Penalty when avoiding earlier partners, bonus when preferring continuity.",
                    p -> p.pairing.weightPreviousPair, (p, v) -> p.pairing.weightPreviousPair = v),
            weight("weightNoCommonFreeHour", "No common free hour weight",
                    "Penalty for a pair with no weekly hour both marked free.",
                    p -> p.pairing.weightNoCommonFreeHour, (p, v) -> p.pairing.weightNoCommonFreeHour = v),
            weight("weightSameDepartment", "Same-department weight", "Circles: penalty per same-department pair.",
                    p -> p.circles.weightSameDepartment, (p, v) -> p.circles.weightSameDepartment = v).circlesOnly(),
            weight("weightTimezoneSpread", "Time-zone spread weight", "Circles: penalty per hour of spread.",
                    p -> p.circles.weightTimezoneSpread, (p, v) -> p.circles.weightTimezoneSpread = v).circlesOnly(),
            weight("weightGroupWithoutSenior", "No-senior weight", "Circles: penalty for a circle without a senior.",
                    p -> p.circles.weightGroupWithoutSenior, (p, v) -> p.circles.weightGroupWithoutSenior = v)
                    .circlesOnly(),
            weight("weightUnavailableMember", "Cannot-make-the-hour weight",
                    "Circles: penalty per member who cannot make the circle's meeting hour.",
                    p -> p.circles.weightUnavailableMember, (p, v) -> p.circles.weightUnavailableMember = v)
                    .circlesOnly());

    /**
     * Why circles cannot meet from {@code start}, {@code rounds} meetings {@code cadenceWeeks} weeks apart, if they
     * cannot: the first week is more than {@link #MAX_START_YEARS_AHEAD} years after {@code today}, or the last
     * meeting (on a day of its week) would fall after {@link FormFields#MAX_YEAR}, which no calendar file can hold.
     */
    public static Optional<String> circleScheduleProblem(LocalDate start, int rounds, int cadenceWeeks,
            LocalDate today) {
        if (start.isAfter(today.plusYears(MAX_START_YEARS_AHEAD))) {
            return Optional.of("The first meeting week must be at most " + MAX_START_YEARS_AHEAD
                    + " years ahead, by " + today.plusYears(MAX_START_YEARS_AHEAD) + ".");
        }
        LocalDate lastWeek = new MeetingCalendar(start, cadenceWeeks).weekStarts(rounds - 1).get(0);
        if (lastWeek.plusDays(6).getYear() > FormFields.MAX_YEAR) {
            return Optional.of("With " + rounds + " meetings " + cadenceWeeks + " weeks apart, the last would be after "
                    + "the year " + FormFields.MAX_YEAR + ". Choose an earlier first meeting week or fewer rounds.");
        }
        return Optional.empty();
    }

    public static List<Section> sections() {
        return List.of(Section.values());
    }

    /** The setting called {@code name}, or null. */
    public static Setting named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
    }
}
