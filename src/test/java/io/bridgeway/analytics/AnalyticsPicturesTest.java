package io.bridgeway.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.analytics.NetworkFigures.RoundReach;
import io.bridgeway.analytics.NetworkFigures.TieCell;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pictures' geometry from hand-made figures: three departments, one of them too small to show. */
class AnalyticsPicturesTest {

    static NetworkFigures figures(List<TieCell> matrix, List<RoundReach> rounds) {
        return new NetworkFigures(5, new NetworkFigures.Totals(rounds.size(), 0, 0, 0, 0), Map.of(), List.of(), List.of(),
                List.of(), List.of(), new NetworkFigures.CrossDepartment(0, 0, matrix.size(), matrix), rounds, List.of(),
                new NetworkFigures.Feedback(true, null, null, null, null, List.of(), List.of()), List.of(), List.of(), List.of());
    }

    static final List<TieCell> MATRIX = List.of(new TieCell("Finance", "Legal", true, null),
            new TieCell("Finance", "Sales", false, 8), new TieCell("Legal", "Sales", true, null));

    @Test
    void heatMapHasACellPerPairWithItsNumberAndSuppressedCellsSayLessThanFive() {
        AnalyticsPictures.HeatMap map = AnalyticsPictures.of(figures(MATRIX, List.of())).heatMap();
        assertEquals(List.of("< 5", "8", "< 5"), map.cells().stream().map(AnalyticsPictures.HeatCell::text).toList());
        assertEquals(List.of(true, false, true), map.cells().stream().map(AnalyticsPictures.HeatCell::suppressed).toList());
        assertEquals(4, map.cells().get(1).shade(), "the most ties get the darkest shade");
        assertEquals("Finance and Sales: 8 ties", map.cells().get(1).title());
        assertEquals(List.of("Legal", "Sales"), map.rows().stream().map(AnalyticsPictures.Label::text).toList());
        assertEquals(List.of("Finance", "Legal"), map.columns().stream().map(AnalyticsPictures.Label::text).toList());
        // Finance x Legal and Finance x Sales share the Finance column, Sales one row lower
        assertEquals(map.cells().get(0).x(), map.cells().get(1).x());
        assertEquals(map.cells().get(0).y() + AnalyticsPictures.CELL, map.cells().get(1).y());
        assertTrue(map.legend().stream().anyMatch(k -> k.suppressed() && k.text().startsWith("< 5")));
        assertEquals(List.of("0 ties", "1–2 ties", "3–4 ties", "5–6 ties", "7–8 ties", "< 5 (suppressed)"),
                map.legend().stream().map(AnalyticsPictures.LegendItem::text).toList());
    }

    @Test
    void networkDrawsOnlyShownPairsWithTiesWiderForMore() {
        List<TieCell> matrix = List.of(new TieCell("A", "B", false, 2), new TieCell("A", "C", false, 8),
                new TieCell("B", "C", false, 0), new TieCell("A", "D", true, null), new TieCell("B", "D", true, null),
                new TieCell("C", "D", true, null));
        AnalyticsPictures.Network network = AnalyticsPictures.of(figures(matrix, List.of())).network();
        assertEquals(4, network.nodes().size());
        assertEquals(List.of("2", "8"), network.edges().stream().map(AnalyticsPictures.Edge::label).toList());
        assertEquals(List.of(3, 8), network.edges().stream().map(AnalyticsPictures.Edge::strokeWidth).toList());
        assertEquals("A and C: 8 ties", network.edges().get(1).title());
        assertTrue(network.description().contains("3 suppressed pairs are not drawn"));
    }

    @Test
    void barsShowPeopleWithoutATieAfterEachRoundToScale() {
        AnalyticsPictures.Bars bars = AnalyticsPictures.of(figures(List.of(), List.of(new RoundReach("Spring", 20, 20, 10),
                new RoundReach("Autumn", 20, 10, 0)))).withoutCrossTie();
        assertEquals(List.of("10", "0"), bars.bars().stream().map(AnalyticsPictures.Bar::value).toList());
        assertEquals(80, bars.bars().get(0).height(), "half of the 160-pixel chart");
        assertEquals(0, bars.bars().get(1).height());
        assertEquals(bars.baseline(), bars.bars().get(0).y() + bars.bars().get(0).height());
        assertEquals("Spring: 10 of 20 people without a cross-department tie (20 before)", bars.bars().get(0).title());
    }
}
