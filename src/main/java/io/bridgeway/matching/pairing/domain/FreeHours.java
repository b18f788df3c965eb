package io.bridgeway.matching.pairing.domain;

import io.bridgeway.matching.InvalidInstanceException;

import java.util.BitSet;
import java.util.Collection;

/**
 * The hours of the week a person is free for a recurring meeting, as the UTC minutes at which a free hour
 * starts, on a 15-minute grid: benchmark instances give whole UTC hours (MODEL.md "Availability"), people in
 * zones off the hour (India +05:30) give quarter starts. Two people share a free hour when their starts meet.
 * A participant without availability has no FreeHours at all (null): free at every hour.
 */
public final class FreeHours {

    public static final int HOURS_PER_WEEK = 7 * 24;
    private static final int QUARTER = 15;
    private static final int QUARTERS_PER_WEEK = HOURS_PER_WEEK * 60 / QUARTER;

    /** Bit q: a free hour starts at UTC minute 15 * q of the week. */
    private final BitSet starts;

    private FreeHours(BitSet starts) {
        this.starts = starts;
    }

    /** Whole UTC hours of the week, 0..167 (0 = Monday 00:00 UTC), as in the benchmark format. */
    public static FreeHours ofUtcHours(Collection<Integer> hours) {
        BitSet starts = new BitSet(QUARTERS_PER_WEEK);
        for (int hour : hours) {
            if (hour < 0 || hour >= HOURS_PER_WEEK) {
                throw new InvalidInstanceException("a free UTC hour must be 0..167, not " + hour);
            }
            starts.set(hour * 60 / QUARTER);
        }
        return new FreeHours(starts);
    }

    /** UTC minutes of the week (multiples of 15) at which a free hour starts. */
    public static FreeHours ofHourStarts(int[] utcStartMinutes) {
        BitSet starts = new BitSet(QUARTERS_PER_WEEK);
        for (int minute : utcStartMinutes) {
            if (minute < 0 || minute >= HOURS_PER_WEEK * 60 || minute % QUARTER != 0) {
                throw new IllegalArgumentException("a free hour starts at a UTC minute of the week on the quarter, not " + minute);
            }
            starts.set(minute / QUARTER);
        }
        return new FreeHours(starts);
    }

    /** Free at no hour: an empty availability list. */
    public boolean isEmpty() {
        return starts.isEmpty();
    }

    public boolean sharesHourWith(FreeHours other) {
        return starts.intersects(other.starts);
    }

    /** Null means free at every hour, as for a person without availability. */
    public static boolean shareHour(FreeHours a, FreeHours b) {
        if (a == null) {
            return b == null || !b.isEmpty();
        }
        return b == null ? !a.isEmpty() : a.sharesHourWith(b);
    }

    /** How many hour starts are free (a whole-hour instance: the number of free hours). */
    public int count() {
        return starts.cardinality();
    }

    @Override
    public String toString() {
        return "FreeHours" + starts;
    }
}
