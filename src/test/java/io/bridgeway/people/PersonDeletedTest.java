package io.bridgeway.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Pseudonymising a deleted person's traces replaces their exact address and name, never part of someone else's. */
class PersonDeletedTest {

    private final PersonDeleted wong = new PersonDeleted(7, "wong@demo.bridgeway.example", "Wen Park");
    private final String pseudonym = wong.pseudonym();

    @Test
    void onlyTheWholeAddressIsReplaced() {
        assertEquals("ADMIN for yusuf.wong@demo.bridgeway.example",
                wong.withoutEmail("ADMIN for yusuf.wong@demo.bridgeway.example"));
        assertEquals("x-wong@demo.bridgeway.example and wong@demo.bridgeway.example.org",
                wong.withoutEmail("x-wong@demo.bridgeway.example and wong@demo.bridgeway.example.org"));
        assertEquals("paired by " + pseudonym + ", changed by " + pseudonym + ".",
                wong.withoutEmail("paired by wong@demo.bridgeway.example, changed by WONG@demo.bridgeway.example."));
        assertEquals("mentor@example.com -> " + pseudonym,
                wong.withoutEmail("mentor@example.com -> wong@demo.bridgeway.example"));
        assertEquals("<" + pseudonym + ">", wong.withoutEmail("<wong@demo.bridgeway.example>"));
        PersonDeleted n = new PersonDeleted(8, "n@bridgeway.local", "N");
        assertEquals("admin@bridgeway.local", n.withoutEmail("admin@bridgeway.local"));
        assertEquals(null, n.withoutEmail(null));
    }

    @Test
    void onlyTheWholeNameIsReplaced() {
        assertEquals("Kofi Mensah and Former employee met in round 1 (repeat)",
                wong.withoutName("Kofi Mensah and Wen Park met in round 1 (repeat)"));
        assertEquals("Owen Parker and Wen Parkes met", wong.withoutName("Owen Parker and Wen Parkes met"));
        assertEquals("1 of 3 cannot make this hour: Former employee, Ana",
                wong.withoutName("1 of 3 cannot make this hour: Wen Park, Ana"));
    }
}
