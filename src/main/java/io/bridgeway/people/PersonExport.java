package io.bridgeway.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** "Download my data": the profile plus every feature's {@link PersonDataSection}. */
@ApplicationScoped
public class PersonExport {

    public record Export(Instant exportedAt, String notice, ProfileJson profile, Map<String, Object> participation) {
    }

    @Inject
    Instance<PersonDataSection> sections;

    public Export of(Person person) {
        Map<String, Object> participation = new TreeMap<>();
        sections.forEach(section -> participation.put(section.name(), section.dataOf(person)));
        return new Export(Instant.now(), "All personal data Bridgeway stores about you.", ProfileJson.of(person),
                participation);
    }
}
