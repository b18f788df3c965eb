package io.bridgeway.matching.circles.domain;

import java.util.List;
import java.util.Map;

/**
 * The weekly hour a circle meets, as a UTC minute of the week (0 = Monday 00:00 UTC), with each member's
 * local start ("MON-09" style, or "MON-09:30" off the hour). When no hour suits everyone it is the hour
 * most members can make, and {@code cannotAttend} names the others. {@code utcMinuteOfWeek} is -1 when
 * nobody in the circle has a usable hour.
 */
public record MeetingBlock(int round, int circle, int utcMinuteOfWeek, String utcStart,
        Map<String, String> localStarts, List<String> attendees, List<String> cannotAttend) {

    public boolean everyoneCanAttend() {
        return utcMinuteOfWeek >= 0 && cannotAttend.isEmpty();
    }
}
