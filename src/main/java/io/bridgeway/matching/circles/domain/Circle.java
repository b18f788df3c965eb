package io.bridgeway.matching.circles.domain;


/** One group slot in one round (round and index from 0). Sizes are checked by the constraints. */
public record Circle(String id, int round, int index) {

    public static Circle of(int round, int index) {
        return new Circle("r" + (round + 1) + "g" + (index + 1), round, index);
    }

    @Override
    public String toString() {
        return id;
    }
}
