package io.bridgeway.programs;

import io.bridgeway.web.FormFields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A programme as the create/edit form and the JSON API send it. All text, so that a bad value is
 * shown back as typed; {@link ProgramService} validates it. The rules and weights are keyed by
 * {@link ProgramSettings} name.
 */
public class ProgramForm {

    @RestForm public String name;
    @RestForm public String description;
    @RestForm public String type;
    @RestForm public String enrollmentOpens;
    @RestForm public String enrollmentCloses;
    @RestForm public String version;

    /** Every {@link ProgramSettings} value as typed, by setting name (absent: not sent). */
    public final Map<String, String> settings = new LinkedHashMap<>();

    public static ProgramForm of(Program p) {
        ProgramForm f = new ProgramForm();
        f.name = p.name;
        f.description = p.description;
        f.type = p.type.name();
        f.enrollmentOpens = str(p.enrollmentOpens);
        f.enrollmentCloses = str(p.enrollmentCloses);
        for (ProgramSettings.Setting s : ProgramSettings.ALL) {
            f.settings.put(s.name, s.text(p));
        }
        f.version = p.id == null ? null : str(p.version);
        return f;
    }

    /** Reads every setting from a submitted form by name ({@code value} returns null for a missing one). */
    public ProgramForm withSettings(Function<String, String> value) {
        for (ProgramSettings.Setting s : ProgramSettings.ALL) {
            String raw = value.apply(s.name);
            if (raw != null) {
                settings.put(s.name, raw);
            }
        }
        return this;
    }

    public String setting(String name) {
        return settings.get(name);
    }

    public boolean same(String value, Object option) {
        return value != null && value.equals(String.valueOf(option));
    }

    public boolean checked(String value) {
        return FormFields.checked(value);
    }

    private static String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
