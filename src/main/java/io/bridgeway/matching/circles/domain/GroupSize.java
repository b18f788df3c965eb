package io.bridgeway.matching.circles.domain;

/** Allowed circle size, inclusive; a problem fact so the size constraint can read it. */
public record GroupSize(int min, int max) {

    public boolean allows(int size) {
        return size >= min && size <= max;
    }
}
