package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.circles.domain.MeetingBlock;
import io.bridgeway.people.Person;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The "cannot make this hour" note fits its column (V4: 1000 characters) and never cuts a name. */
class CircleMeetingNoteTest {

    private static RoundCircle circleOf(int members) {
        RoundCircle circle = new RoundCircle();
        for (int i = 0; i < members; i++) {
            circle.members.add(new RoundCircle.Member(new Person(), false));
        }
        return circle;
    }

    private static MeetingBlock block(List<String> cannotAttend) {
        return new MeetingBlock(1, 1, 600, "MON-10:00 UTC", Map.of(), List.of(), cannotAttend);
    }

    @Test
    void twelveLongNamesAreCutBetweenNamesToTheColumn() {
        List<String> ids = IntStream.range(0, 12).mapToObj(String::valueOf).toList();
        Function<String, String> longName = id -> "Maximiliana Alexandrina Konstantinopoulou-Vanderbilt-" + id + "x".repeat(60);
        RoundCircle circle = circleOf(12);

        RoundResults.describe(circle, block(ids), null, longName);

        String note = circle.meetingNote;
        assertTrue(note.length() <= RoundResults.NOTE_LENGTH, note.length() + ": " + note);
        assertTrue(note.startsWith("12 of 12 cannot make this hour: "), note);
        String[] listed = note.substring("12 of 12 cannot make this hour: ".length()).split(" and ");
        List<String> shown = List.of(listed[0].split(", "));
        assertEquals(ids.subList(0, shown.size()).stream().map(longName).toList(), shown, "whole names, in order");
        assertEquals((12 - shown.size()) + " more", listed[1]);
        assertTrue(shown.size() >= 5, "as many as fit: " + shown.size());
    }

    @Test
    void aShortListIsKeptWhole() {
        RoundCircle circle = circleOf(4);
        RoundResults.describe(circle, block(List.of("a", "b")), null, id -> id.equals("a") ? "Ann Lee" : "Ben Ode");
        assertEquals("2 of 4 cannot make this hour: Ann Lee, Ben Ode", circle.meetingNote);
        assertEquals(600, circle.meetingMinute);
    }

    @Test
    void theCutIsExactAtTheColumnLength() {
        String one = "1 of 3 cannot make this hour: ";
        String name = "n".repeat(RoundResults.NOTE_LENGTH - one.length());
        assertEquals(one + name, RoundResults.cannotMakeTheHour(3, List.of(name)));
        assertEquals("1 of 3 cannot make this hour.", RoundResults.cannotMakeTheHour(3, List.of(name + "n")));

        String two = "2 of 3 cannot make this hour: ";
        String first = "f".repeat(RoundResults.NOTE_LENGTH - two.length() - " and 1 more".length());
        String second = "Bo".repeat(5); // ", " + second is one longer than " and 1 more"
        assertEquals(two + first + " and 1 more", RoundResults.cannotMakeTheHour(3, List.of(first, second)));
        assertEquals(RoundResults.NOTE_LENGTH, RoundResults.cannotMakeTheHour(3, List.of(first, second)).length());
        assertEquals(two + first + ", Bo", RoundResults.cannotMakeTheHour(3, List.of(first, "Bo")), "both fit");
    }

    @Test
    void aNoteThatGrowsWhenANameIsReplacedIsCutAgain() {
        String full = RoundResults.cannotMakeTheHour(3, List.of("n".repeat(958), "Al"));
        String replaced = RoundResults.fitNote(full.replace("Al", "Former employee"));
        assertEquals(RoundResults.NOTE_LENGTH, replaced.length());
        assertTrue(replaced.endsWith("…"), replaced);
        assertEquals(full, RoundResults.fitNote(full));
    }
}
