package io.bridgeway.mentoring;

import io.bridgeway.people.Person;
import io.bridgeway.people.PersonDataSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * "Download my data": my matches and circles as "My mentoring" shows them (published rounds only). The facts
 * each round read about me are in the "rounds" section, my enrolments in "enrollments".
 */
@ApplicationScoped
public class MatchData implements PersonDataSection {

    @Inject
    MyMatches matches;

    @Override
    public String name() {
        return "matches";
    }

    @Override
    public MyMatches.Mentoring dataOf(Person person) {
        return matches.collect(person.id).view();
    }
}
