package io.bridgeway.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Geometry of the dashboard's SVG pictures, computed from {@link NetworkFigures}: only numbers and plain text, which
 * the Qute tags ({@code tags/analytics*.html}) draw and escape. Every shape carries its number as text, so nothing
 * relies on colour alone; suppressed cells read "&lt; 5" and no suppressed number is drawn.
 */
public record AnalyticsPictures(HeatMap heatMap, Network network, Bars withoutCrossTie, GroupBars underConnected) {

    /** Darkest shade of the heat map (CSS classes {@code shade-0} .. {@code shade-4}). */
    static final int SHADES = 4;
    static final int CELL = 44;
    static final int LONGEST_LABEL = 24;
    /** Bar charts: the height of 100 % (or of the most), and the room above it for the numbers. */
    static final int BAR_CHART_HEIGHT = 160;
    static final int BAR_CHART_TOP = 24;

    /** A cell at (x, y) of the lower triangle; {@code shade} is -1 for a suppressed cell. */
    public record HeatCell(int x, int y, int textX, int textY, String text, int shade, String title) {
        public boolean suppressed() {
            return shade < 0;
        }
    }

    public record Label(int x, int y, String text, String title, String anchor) {
    }

    public record LegendItem(int x, int y, int textX, int textY, int shade, String text) {
        public boolean suppressed() {
            return shade < 0;
        }
    }

    public record HeatMap(int width, int height, int cell, List<Label> rows, List<Label> columns, List<HeatCell> cells,
            List<LegendItem> legend, String description) {
    }

    public record Node(int x, int y, Label label) {
    }

    /** One bridged department pair; stroke width grows with the ties, and the count is also written at the middle. */
    public record Edge(int x1, int y1, int x2, int y2, int strokeWidth, int labelX, int labelY, String label,
            String title) {
    }

    public record Network(int width, int height, List<Node> nodes, List<Edge> edges, String description) {
    }

    public record Bar(int x, int y, int width, int height, int valueY, int labelY, int middle, String value,
            String label, String title) {
    }

    public record Bars(int width, int height, int baseline, List<Bar> bars, String description) {
    }

    /**
     * A bar of one group in one round: {@code hatched} for "others", solid for the under-connected, and a short group
     * name written under it; a suppressed group has no bar ({@code height} 0) and its value reads "&lt; 5".
     */
    public record GroupBar(int x, int y, int width, int height, int valueY, int middle, String value, boolean hatched,
            String group, int groupY, String title) {
    }

    public record GroupBars(int width, int height, int baseline, List<GroupBar> bars, List<Label> rounds,
            String description) {
    }

    public static AnalyticsPictures of(NetworkFigures figures) {
        List<NetworkFigures.TieCell> matrix = figures.crossDepartment().matrix();
        List<String> departments = departments(matrix);
        return new AnalyticsPictures(heatMap(departments, matrix), network(departments, matrix),
                bars(figures.withoutCrossTie()), matchRates(figures.underConnected()));
    }

    private static List<String> departments(List<NetworkFigures.TieCell> matrix) {
        TreeSet<String> names = new TreeSet<>();
        matrix.forEach(c -> {
            names.add(c.departmentA());
            names.add(c.departmentB());
        });
        return List.copyOf(names);
    }

    private static int mostTies(List<NetworkFigures.TieCell> matrix) {
        return matrix.stream().filter(c -> !c.suppressed()).mapToInt(NetworkFigures.TieCell::ties).max().orElse(0);
    }

    /** 0 for no ties, else 1..SHADES in equal steps up to the most ties. */
    static int shade(int ties, int most) {
        return ties == 0 ? 0 : (int) Math.ceil(SHADES * ties / (double) Math.max(most, 1));
    }

    static String shortName(String name) {
        return shortName(name, LONGEST_LABEL);
    }

    /** Long names are cut for the picture; the full name stays in the shape's title and in the table. */
    static String shortName(String name, int longest) {
        return name.length() <= longest ? name : name.substring(0, longest - 1) + "…";
    }

    private static String tiesText(int ties) {
        return ties + (ties == 1 ? " tie" : " ties");
    }

    /** Rows are departments 2..n, columns 1..n-1: each pair once, in the lower triangle. */
    private static HeatMap heatMap(List<String> departments, List<NetworkFigures.TieCell> matrix) {
        int most = mostTies(matrix);
        int longest = departments.stream().mapToInt(d -> shortName(d).length()).max().orElse(0);
        int left = 12 + 7 * longest;
        int top = 12 + 7 * longest;
        int size = Math.max(departments.size() - 1, 0);
        List<Label> rows = new ArrayList<>();
        List<Label> columns = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String row = departments.get(i + 1);
            rows.add(new Label(left - 6, top + i * CELL + CELL / 2 + 4, shortName(row), row, "end"));
            String column = departments.get(i);
            columns.add(new Label(left + i * CELL + CELL / 2 + 4, top - 6, shortName(column), column, "start"));
        }
        List<HeatCell> cells = new ArrayList<>();
        for (NetworkFigures.TieCell c : matrix) {
            int x = left + departments.indexOf(c.departmentA()) * CELL;
            int y = top + (departments.indexOf(c.departmentB()) - 1) * CELL;
            String pair = c.departmentA() + " and " + c.departmentB();
            cells.add(c.suppressed()
                    ? new HeatCell(x, y, x + CELL / 2, y + CELL / 2 + 5, AnalyticsTables.SUPPRESSED, -1,
                            pair + ": suppressed (a department of fewer than " + NetworkFigures.MINIMUM_GROUP + " people)")
                    : new HeatCell(x, y, x + CELL / 2, y + CELL / 2 + 5, String.valueOf(c.ties()), shade(c.ties(), most),
                            pair + ": " + tiesText(c.ties())));
        }
        Map<Integer, String> keys = new LinkedHashMap<>();
        keys.put(0, "0");
        for (int level = 1; level <= SHADES; level++) {
            int from = (level - 1) * most / SHADES + 1;
            int to = level * most / SHADES;
            if (from <= to) {
                keys.put(level, from == to ? String.valueOf(from) : from + "–" + to);
            }
        }
        keys.put(-1, AnalyticsTables.SUPPRESSED + " (suppressed)");
        int legendTop = top + size * CELL + 16;
        List<LegendItem> legend = new ArrayList<>();
        int row = 0;
        for (Map.Entry<Integer, String> key : keys.entrySet()) {
            int y = legendTop + row++ * 22;
            legend.add(new LegendItem(12, y, 36, y + 13, key.getKey(), key.getValue() + (key.getKey() >= 0 ? " ties" : "")));
        }
        int width = Math.max(left + size * CELL + 12, 240);
        int height = legendTop + keys.size() * 22 + 8;
        String description = departments.size() < 2 ? "Fewer than two departments: no pairs to show."
                : "Distinct people who met across each pair of departments; " + cells.stream().filter(HeatCell::suppressed).count()
                        + " of " + cells.size() + " pairs are suppressed. Darker cells have more ties; each cell shows its number.";
        return new HeatMap(width, height, CELL, rows, columns, cells, legend, description);
    }

    /** Departments on a circle; an edge per pair with ties that is not suppressed. */
    private static Network network(List<String> departments, List<NetworkFigures.TieCell> matrix) {
        int most = mostTies(matrix);
        int radius = Math.max(90, 18 * departments.size());
        int margin = 20 + 7 * departments.stream().mapToInt(d -> shortName(d).length()).max().orElse(0);
        int centre = radius + margin;
        Map<String, int[]> at = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < departments.size(); i++) {
            double angle = 2 * Math.PI * i / departments.size() - Math.PI / 2;
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            int x = centre + (int) Math.round(radius * cos);
            int y = centre + (int) Math.round(radius * sin);
            at.put(departments.get(i), new int[] {x, y});
            String anchor = Math.abs(cos) < 0.3 ? "middle" : cos > 0 ? "start" : "end";
            String name = departments.get(i);
            nodes.add(new Node(x, y, new Label(centre + (int) Math.round((radius + 12) * cos),
                    centre + (int) Math.round((radius + 12) * sin) + (sin > 0.3 ? 12 : sin < -0.3 ? -4 : 4),
                    shortName(name), name, anchor)));
        }
        List<Edge> edges = new ArrayList<>();
        for (NetworkFigures.TieCell c : matrix) {
            if (c.suppressed() || c.ties() == 0) {
                continue;
            }
            int[] a = at.get(c.departmentA());
            int[] b = at.get(c.departmentB());
            edges.add(new Edge(a[0], a[1], b[0], b[1], 1 + (int) Math.round(7.0 * c.ties() / Math.max(most, 1)),
                    (a[0] + b[0]) / 2, (a[1] + b[1]) / 2 - 3, String.valueOf(c.ties()),
                    c.departmentA() + " and " + c.departmentB() + ": " + tiesText(c.ties())));
        }
        long hidden = matrix.stream().filter(NetworkFigures.TieCell::suppressed).count();
        String description = departments.size() + " departments and " + edges.size()
                + " bridged pairs; a thicker line means more ties, and each line is labelled with its number."
                + (hidden > 0 ? " " + hidden + " suppressed pairs are not drawn." : "");
        return new Network(2 * centre, 2 * centre, nodes, edges, description);
    }

    /** One bar per round: the people still without a cross-department tie after it. */
    private static Bars bars(List<NetworkFigures.RoundReach> rounds) {
        int chartHeight = BAR_CHART_HEIGHT;
        int barWidth = 80;
        int gap = 24;
        int baseline = BAR_CHART_TOP + chartHeight;
        int most = rounds.stream().mapToInt(NetworkFigures.RoundReach::people).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            NetworkFigures.RoundReach round = rounds.get(i);
            int x = gap + i * (barWidth + gap);
            int height = (int) Math.round(chartHeight * round.withoutTieAfter() / (double) Math.max(most, 1));
            bars.add(new Bar(x, baseline - height, barWidth, height, baseline - height - 6, baseline + 16,
                    x + barWidth / 2, String.valueOf(round.withoutTieAfter()), shortName(round.round(), 11),
                    round.round() + ": " + round.withoutTieAfter() + " of " + round.people()
                            + " people without a cross-department tie (" + round.withoutTieBefore() + " before)"));
        }
        String description = rounds.isEmpty() ? "No published rounds yet."
                : "People without a cross-department tie after each of " + rounds.size()
                        + " rounds; each bar is labelled with its number.";
        return new Bars(Math.max(gap + rounds.size() * (barWidth + gap), 240), baseline + 28, baseline, bars, description);
    }

    /** Per round, the match rate of the under-connected beside that of everyone else, in percent, to scale. */
    private static GroupBars matchRates(List<UnderConnected.Row> rows) {
        int chartHeight = BAR_CHART_HEIGHT;
        int barWidth = 44;
        int gap = 28;
        int baseline = BAR_CHART_TOP + chartHeight;
        List<GroupBar> bars = new ArrayList<>();
        List<Label> rounds = new ArrayList<>();
        int x = gap;
        for (int i = 0; i + 1 < rows.size(); i += 2) {
            for (UnderConnected.Row row : List.of(rows.get(i), rows.get(i + 1))) {
                boolean others = row.group().equals(UnderConnected.OTHERS);
                int height = row.suppressed() ? 0 : (int) Math.round(chartHeight * row.matchRate());
                String value = row.suppressed() ? AnalyticsTables.SUPPRESSED : percent(row.matchRate());
                String title = row.round() + ", " + row.group() + ": " + (row.suppressed()
                        ? "suppressed (fewer than " + NetworkFigures.MINIMUM_GROUP + " people)"
                        : row.matched() + " of " + row.people() + " matched (" + value + ")");
                bars.add(new GroupBar(x, baseline - height, barWidth, height, baseline - height - 6, x + barWidth / 2,
                        value, others, others ? "others" : "under", baseline + 14, title));
                x += barWidth;
            }
            String round = rows.get(i).round();
            rounds.add(new Label(x - barWidth, baseline + 30, shortName(round, 14), round, "middle"));
            x += gap;
        }
        String description = rows.isEmpty() ? "No published rounds yet."
                : "Share of people matched in each of " + rounds.size() + " rounds: solid bars for the under-connected "
                        + "(no cross-department tie before the round), hatched bars for everyone else; each bar is "
                        + "labelled with its percentage, and a group of fewer than " + NetworkFigures.MINIMUM_GROUP
                        + " people has no bar and reads " + AnalyticsTables.SUPPRESSED + ".";
        return new GroupBars(Math.max(x, 240), baseline + 64, baseline, bars, rounds, description);
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
