package io.bridgeway.people;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * "Download my data": everything stored about a person. Later features (enrollments, matches,
 * feedback) add their sections here, so the export stays complete.
 */
@ApplicationScoped
public class PersonExport {

    public record Export(Instant exportedAt, String notice, ProfileJson profile) {
    }

    public Export of(Person person) {
        return new Export(Instant.now(), "All personal data Bridgeway stores about you.", ProfileJson.of(person));
    }
}
