package io.bridgeway.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one table row at a time: CSV (Commons CSV) or XLSX (POI's streaming workbook, which keeps only a
 * window of rows in memory and the rest in a temporary file). Text cells are escaped by {@link SpreadsheetCells}; a
 * CSV quotes every cell and also neutralises a formula start after a ; or tab ({@link SpreadsheetCells#csvText}), for
 * spreadsheets that split cells there.
 */
public interface TableWriter extends AutoCloseable {

    /** Cells are text, numbers, booleans or null (an empty cell). */
    void row(List<?> cells);

    @Override
    void close();

    /** A CSV table with its header row, as every other CSV download writes it (analytics too). */
    static TableWriter csv(List<String> headers, OutputStream out) {
        return open(ExportFormat.CSV, null, headers, out);
    }

    static TableWriter open(ExportFormat format, String sheetName, List<String> headers, OutputStream out) {
        TableWriter writer = switch (format) {
            case CSV -> new Csv(out);
            case XLSX -> new Xlsx(sheetName, out);
            case ICS -> throw new IllegalArgumentException("a calendar is not a table");
        };
        writer.row(headers);
        return writer;
    }

    final class Csv implements TableWriter {
        private final CSVPrinter printer;

        Csv(OutputStream out) {
            try {
                printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                        CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(List<?> cells) {
            try {
                for (Object cell : cells) {
                    printer.print(cell instanceof String text ? SpreadsheetCells.csvText(text) : cell == null ? "" : cell);
                }
                printer.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final class Xlsx implements TableWriter {
        private static final int ROWS_IN_MEMORY = 100;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        private final SXSSFSheet sheet;
        private final OutputStream out;
        private final CellStyle headerStyle;
        private int next;

        Xlsx(String sheetName, OutputStream out) {
            this.out = out;
            workbook.setCompressTempFiles(true);
            sheet = workbook.createSheet(sheetName);
            sheet.createFreezePane(0, 1);
            Font bold = workbook.createFont();
            bold.setBold(true);
            headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
        }

        @Override
        public void row(List<?> cells) {
            Row row = sheet.createRow(next);
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                Cell cell = row.createCell(i);
                if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value instanceof Boolean flag) {
                    cell.setCellValue(flag);
                } else if (value != null) {
                    cell.setCellValue(SpreadsheetCells.text(value.toString()));
                }
                if (next == 0) {
                    cell.setCellStyle(headerStyle);
                }
            }
            next++;
        }

        @Override
        public void close() {
            try (workbook) {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                workbook.dispose(); // the rows' temporary file, also when the client went away
            }
        }
    }
}
