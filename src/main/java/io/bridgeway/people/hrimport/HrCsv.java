package io.bridgeway.people.hrimport;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an HR export: UTF-8 with or without a byte-order mark, CRLF or LF line ends, comma or semicolon
 * delimited (whichever the header line uses). Anything that is not such a file gets one file-level error in
 * plain words, never an exception.
 */
final class HrCsv {

    /** One data row; {@code row} as a spreadsheet numbers it (header = 1). Absent columns are not in the map. */
    record Row(long row, Map<HrColumn, String> cells) {

        boolean has(HrColumn column) {
            return cells.containsKey(column);
        }

        /** The stripped cell, "" when empty or when the file has no such column. */
        String get(HrColumn column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }
    }

    record Parsed(List<Row> rows, List<ImportError> errors) {
    }

    private HrCsv() {
    }

    static Parsed parse(byte[] content) {
        List<ImportError> errors = new ArrayList<>();
        String text = decode(content, errors);
        if (text == null) {
            return new Parsed(List.of(), errors);
        }
        String headerLine = text.lines().findFirst().orElse("");
        char delimiter = delimiterOf(headerLine);
        if (delimiter == 0) {
            return new Parsed(List.of(), List.of(ImportError.file("The first line must be the header, with the column "
                    + "names separated by commas or semicolons: " + HrColumn.allHeaders() + ".")));
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<HrColumn> columns = null;
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = header(record, errors);
                    if (columns == null) {
                        return new Parsed(List.of(), errors);
                    }
                    continue;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a line of spaces, as some exports end
                }
                long rowNumber = record.getRecordNumber();
                if (record.size() != columns.size()) {
                    errors.add(new ImportError(rowNumber, null, "This row has " + record.size() + " cells, the header "
                            + columns.size() + ". Check the delimiter ('" + delimiter + "') and quotes in this row."));
                    continue;
                }
                Map<HrColumn, String> cells = new EnumMap<>(HrColumn.class);
                for (int i = 0; i < columns.size(); i++) {
                    cells.put(columns.get(i), record.get(i));
                }
                rows.add(new Row(rowNumber, cells));
            }
            if (columns == null) {
                errors.add(ImportError.file("The file has no header line."));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports broken quoting as an exception that names the line: keep just that.
            return new Parsed(List.of(), List.of(ImportError.file("The file is not valid CSV: " + plainCause(e)
                    + ". Check the quotes around cells.")));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(ImportError.file("The file has a header but no people."));
        }
        return new Parsed(rows, errors);
    }

    /** The text of the file, or null with an error when it is empty, binary or not UTF-8. */
    private static String decode(byte[] content, List<ImportError> errors) {
        if (content.length == 0) {
            errors.add(ImportError.file("The file is empty."));
            return null;
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            errors.add(ImportError.file("This is a spreadsheet (XLSX or ZIP), not CSV. Save the sheet as \"CSV UTF-8\" and upload that."));
            return null;
        }
        if (startsWith(content, 0xFF, 0xFE) || startsWith(content, 0xFE, 0xFF)) {
            errors.add(ImportError.file("The file is UTF-16 text. Save it as \"CSV UTF-8\" and upload that."));
            return null;
        }
        int offset = startsWith(content, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        for (int i = offset; i < content.length; i++) {
            byte b = content[i];
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n') {
                errors.add(ImportError.file("The file contains binary data (a control byte at position " + i
                        + "), not CSV text. Export the HR data as \"CSV UTF-8\"."));
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString();
        } catch (MalformedInputException e) {
            errors.add(ImportError.file("The file is not UTF-8 text (for example Windows-1252 or Latin-1). "
                    + "Save it as \"CSV UTF-8\" and upload it again."));
        } catch (CharacterCodingException e) {
            errors.add(ImportError.file("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again."));
        }
        return null;
    }

    /** The delimiter the header uses: the more frequent of comma and semicolon outside quotes, 0 for neither. */
    static char delimiterOf(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        if (commas == 0 && semicolons == 0) {
            return 0;
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The columns in file order, or null with errors for unknown, repeated or missing required columns. */
    private static List<HrColumn> header(CSVRecord record, List<ImportError> errors) {
        List<HrColumn> columns = new ArrayList<>();
        for (String name : record) {
            HrColumn column = HrColumn.forHeader(name).orElse(null);
            if (column == null) {
                errors.add(ImportError.file("Unknown column '" + abbreviate(name.strip()) + "' in the header. "
                        + "The columns are: " + HrColumn.allHeaders() + "."));
            } else if (columns.contains(column)) {
                errors.add(ImportError.file("The column '" + column.header + "' appears twice in the header."));
            }
            columns.add(column);
        }
        for (HrColumn column : HrColumn.values()) {
            if (column.required && !columns.contains(column)) {
                errors.add(ImportError.file("The header has no '" + column.header + "' column; it is required."));
            }
        }
        return errors.isEmpty() ? columns : null;
    }

    private static String plainCause(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "unreadable" : cause.getMessage();
        int line = message.indexOf("(line ");
        return line >= 0 ? "problem near " + message.substring(line + 1).replaceAll("[)].*", "") : "unbalanced quotes";
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
