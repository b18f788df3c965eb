package io.bridgeway.people.hrimport;

/**
 * One problem with an import file. {@code row} is the row as a spreadsheet numbers it (the header is row 1);
 * 0 with a null column means the file as a whole (encoding, delimiter, header).
 */
public record ImportError(long row, String column, String message) {

    static ImportError file(String message) {
        return new ImportError(0, null, message);
    }

    static ImportError cell(long row, HrColumn column, String message) {
        return new ImportError(row, column.header, message);
    }
}
