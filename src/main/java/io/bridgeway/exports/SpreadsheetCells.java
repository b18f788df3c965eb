package io.bridgeway.exports;

/**
 * Text that a spreadsheet would run as a formula (CSV injection): a cell starting with =, +, -, @, a tab or a
 * carriage return gets a leading apostrophe, so it is shown as the text it is. Numbers are written as numbers.
 */
public final class SpreadsheetCells {

    /** Where a spreadsheet may start a new cell inside a CSV field: Excel splits on ; in some locales, tabs in others. */
    private static final String CELL_BREAKS = ";\t\r\n";

    private SpreadsheetCells() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return formulaStart(value.charAt(0)) || value.charAt(0) == '\t' || value.charAt(0) == '\r' ? "'" + value : value;
    }

    /**
     * For CSV, as {@link #text}, and also after each ;, tab or line break (and any spaces after it) that is followed
     * by a formula start: "Ann;=cmd" becomes "Ann;'=cmd", since a spreadsheet that splits there would start a cell
     * with = .
     */
    public static String csvText(String value) {
        String text = text(value);
        StringBuilder out = new StringBuilder(text.length());
        boolean afterBreak = false;
        for (char c : text.toCharArray()) {
            if (afterBreak && formulaStart(c)) {
                out.append('\'');
            }
            out.append(c);
            afterBreak = CELL_BREAKS.indexOf(c) >= 0 || (afterBreak && c == ' ');
        }
        return out.toString();
    }

    private static boolean formulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@';
    }
}
