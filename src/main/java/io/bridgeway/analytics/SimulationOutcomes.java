package io.bridgeway.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fairness simulation's report, {@code docs/outcomes.md}, which the build packages beside the classes: the
 * dashboard shows its page ({@code /analytics/outcomes}) and its waiting-policy rows beside the real programme's
 * figures. Only the little Markdown that report uses is read: headings, paragraphs, lists, code and tables;
 * inline marks are dropped and links keep their text (Qute escapes it all).
 */
public final class SimulationOutcomes {

    static final String RESOURCE = "docs/outcomes.md";
    /** Where the report lives in the repository. */
    public static final String REPOSITORY_PATH = "docs/outcomes.md";
    static final String WAITING_POLICY_RUN = "waiting policy";

    /** {@code kind}: heading (with {@code level}), paragraph, code, list ({@code items}) or table. */
    public record Block(String kind, int level, String text, List<String> items, List<String> headers,
            List<List<String>> rows) {
    }

    private static final Pattern SEPARATOR_ROW = Pattern.compile("^\\|[-|: ]+\\|$");
    private static final Pattern LINK = Pattern.compile("\\[([^]]*)]\\([^)]*\\)");

    private static volatile List<Block> blocks;

    private SimulationOutcomes() {
    }

    /** The report's blocks; empty when the build did not package it. */
    public static List<Block> blocks() {
        if (blocks == null) {
            try (InputStream in = SimulationOutcomes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                blocks = in == null ? List.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return blocks;
    }

    static List<Block> parse(String markdown) {
        List<Block> parsed = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                i++;
            } else if (trimmed.startsWith("```")) {
                StringBuilder code = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).trim().startsWith("```"); i++) {
                    code.append(lines.get(i)).append('\n');
                }
                i++;
                parsed.add(new Block("code", 0, code.toString().strip(), List.of(), List.of(), List.of()));
            } else if (trimmed.startsWith("#")) {
                int level = trimmed.indexOf(' ') < 0 ? 1 : trimmed.indexOf(' ');
                parsed.add(new Block("heading", Math.min(level + 1, 4), inline(trimmed.substring(level)), List.of(),
                        List.of(), List.of()));
                i++;
            } else if (trimmed.startsWith("|")) {
                List<List<String>> rows = new ArrayList<>();
                for (; i < lines.size() && lines.get(i).trim().startsWith("|"); i++) {
                    if (!SEPARATOR_ROW.matcher(lines.get(i).trim()).matches()) {
                        rows.add(cells(lines.get(i).trim()));
                    }
                }
                parsed.add(new Block("table", 0, "", List.of(), rows.get(0), rows.subList(1, rows.size())));
            } else if (trimmed.startsWith("- ")) {
                List<String> items = new ArrayList<>();
                for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
                    String item = lines.get(i).trim();
                    if (item.startsWith("- ")) {
                        items.add(inline(item.substring(2)));
                    } else {
                        items.set(items.size() - 1, items.get(items.size() - 1) + " " + inline(item));
                    }
                }
                parsed.add(new Block("list", 0, "", items, List.of(), List.of()));
            } else {
                StringBuilder text = new StringBuilder();
                for (; i < lines.size() && !lines.get(i).isBlank() && !startsBlock(lines.get(i).trim()); i++) {
                    text.append(text.isEmpty() ? "" : " ").append(lines.get(i).trim());
                }
                parsed.add(new Block("paragraph", 0, inline(text.toString()), List.of(), List.of(), List.of()));
            }
        }
        return parsed;
    }

    private static boolean startsBlock(String line) {
        return line.startsWith("#") || line.startsWith("|") || line.startsWith("```") || line.startsWith("- ");
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        return java.util.Arrays.stream(inner.split("\\|", -1)).map(c -> inline(c.trim())).toList();
    }

    private static String inline(String text) {
        return LINK.matcher(text).replaceAll("$1").replace("**", "").replace("`", "").trim();
    }

    /**
     * The simulation's per-round rows with the waiting policy (the product's default), in the columns of
     * {@link AnalyticsTables#OUTCOME_HEADERS}; empty when the report or one of those columns is missing.
     */
    static Optional<List<List<String>>> waitingPolicyRows(List<Block> report) {
        for (Block block : report) {
            List<String> headers = block.headers().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!block.kind().equals("table") || !headers.contains("run")) {
                continue;
            }
            List<Integer> columns = AnalyticsTables.OUTCOME_HEADERS.stream()
                    .map(h -> headers.indexOf(h.toLowerCase(Locale.ROOT))).toList();
            if (columns.contains(-1)) {
                return Optional.empty();
            }
            int run = headers.indexOf("run");
            return Optional.of(block.rows().stream().filter(r -> r.size() == headers.size())
                    .filter(r -> r.get(run).equals(WAITING_POLICY_RUN))
                    .map(r -> columns.stream().map(r::get).toList()).toList());
        }
        return Optional.empty();
    }
}
