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

    public record SkillRow(int index, String name, String level) {
    }

    /** The skill rows to show: what was entered plus empty rows to add more, without JavaScript. */
    public List<SkillRow> skillRows() {
        List<SkillRow> rows = new ArrayList<>();
        int filled = skillName == null ? 0 : skillName.size();
        int total = Math.max(MIN_SKILL_ROWS, filled + 2);
        for (int i = 0; i < total; i++) {
            String name = i < filled ? skillName.get(i) : "";
            String lvl = skillLevel != null && i < skillLevel.size() ? skillLevel.get(i) : "";
            rows.add(new SkillRow(i, name, lvl));
        }
        return rows;
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
