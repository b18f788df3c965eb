package io.bridgeway.people;

import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * What the sign-up and profile forms post. Everything arrives as text, so a bad value can be shown
 * back to the person exactly as typed next to its message.
 */
public class ProfileForm {

    public static final int MIN_SKILL_ROWS = 6;

    // account (sign-up only, except the name)
    @RestForm public String email;
    @RestForm public String fullName;
    @RestForm public String password;

    // organisation
    @RestForm public String departmentId;
    @RestForm public String jobTitle;
    @RestForm public String level;
    @RestForm public String managerEmail;
    @RestForm public String officeId;
    @RestForm public String timeZone;

    // profile
    @RestForm public List<String> languages = new ArrayList<>();
    @RestForm public List<String> skillName = new ArrayList<>();
    @RestForm public List<String> skillLevel = new ArrayList<>();
    @RestForm public String goals;
    @RestForm public String bio;
    @RestForm public List<String> availability = new ArrayList<>();

    // participation
    @RestForm public String wantsToMentor;
    @RestForm public String mentorCapacity;
    @RestForm public String wantsMentor;
    @RestForm public String wantsCircle;

    /** Optimistic-locking token of the profile being edited. */
    @RestForm public String version;

    /** A "whole day" or "whole hour" button of the availability grid, pressed without JavaScript. */
    @RestForm public String toggle;

    public record SkillRow(int index, String name, String level) {
    }

    /**
     * The skill rows to show: what was entered plus two empty rows to add more, without JavaScript.
     * Only rows up to the last one typed into count, so the empty rows a form posts back do not
     * grow the table on every re-render.
     */
    public List<SkillRow> skillRows() {
        List<SkillRow> rows = new ArrayList<>();
        int filled = 0;
        for (int i = 0; i < Math.max(size(skillName), size(skillLevel)); i++) {
            if (!blank(skillName, i) || !blank(skillLevel, i)) {
                filled = i + 1;
            }
        }
        int total = Math.max(MIN_SKILL_ROWS, filled + 2);
        for (int i = 0; i < total; i++) {
            String name = blank(skillName, i) ? "" : skillName.get(i);
            String lvl = blank(skillLevel, i) ? "" : skillLevel.get(i);
            rows.add(new SkillRow(i, name, lvl));
        }
        return rows;
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static boolean blank(List<String> values, int i) {
        return i >= size(values) || values.get(i) == null || values.get(i).isBlank();
    }

    /**
     * Applies a pressed "whole day"/"whole hour" button: its boxes all ticked become unticked, otherwise
     * all become ticked (as the page's script does). True when a button was pressed: the form is then
     * shown again to go on editing, and nothing is saved.
     */
    public boolean applyToggle() {
        if (toggle == null || toggle.isBlank()) {
            return false;
        }
        List<String> slots = ProfileOptions.toggledSlots(toggle);
        List<String> now = new ArrayList<>(availability == null ? List.of() : availability);
        if (now.containsAll(slots)) {
            now.removeAll(slots);
        } else {
            slots.stream().filter(slot -> !now.contains(slot)).forEach(now::add);
        }
        availability = now;
        return true;
    }

    public boolean speaks(String code) {
        return languages != null && languages.contains(code);
    }

    public boolean available(String slot) {
        return availability != null && availability.contains(slot);
    }

    /** Whether a select option is the submitted value (the form holds text, options hold ids). */
    public boolean same(String value, Object option) {
        return value != null && value.equals(String.valueOf(option));
    }

    public boolean checked(String value) {
        return io.bridgeway.web.FormFields.checked(value);
    }
}
