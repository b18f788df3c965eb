package io.bridgeway.rounds;

import io.bridgeway.matching.PlainWords;
import io.quarkus.qute.TemplateExtension;
import java.util.List;

/** {@code {p.plainWhy}} on the round page: the pair's reasons in the words its people read, above the scores. */
@TemplateExtension
final class PlainWhy {

    private PlainWhy() {
    }

    static List<String> plainWhy(RoundView.PairRow pair) {
        return PlainWords.forPeople(pair.explanation());
    }
}
