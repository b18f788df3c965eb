package io.bridgeway.exports;

/**
 * Text that a spreadsheet would run as a formula (CSV injection): a cell starting with =, +, -, @, a tab or a
 * carriage return gets a leading apostrophe, so it is shown as the text it is. Numbers are written as numbers.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
