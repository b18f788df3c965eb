package io.bridgeway.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void aFormulaStartIsNeutralisedAtTheStart() {
        assertEquals("'=1+1", SpreadsheetCells.text("=1+1"));
        assertEquals("'-Ann", SpreadsheetCells.text("-Ann"));
        assertEquals("'\tx", SpreadsheetCells.text("\tx"));
        assertEquals("Ann;=cmd", SpreadsheetCells.text("Ann;=cmd"), "the XLSX text cell is one cell: left as it is");
        assertEquals("", SpreadsheetCells.text(null));
    }

    @Test
    void csvAlsoNeutralisesAFormulaAfterASemicolonTabOrLineBreak() {
        assertEquals("Ann;'=cmd|'/C calc'!A0", SpreadsheetCells.csvText("Ann;=cmd|'/C calc'!A0"));
        assertEquals("'=a; '+b\t'@c\n'-d", SpreadsheetCells.csvText("=a; +b\t@c\n-d"), "spaces after the break too");
        assertEquals("a;;'=b", SpreadsheetCells.csvText("a;;=b"));
        assertEquals("Smith; Ann, =x; b-c", SpreadsheetCells.csvText("Smith; Ann, =x; b-c"),
                "a comma is inside the quoted cell; a - that does not start a piece is text");
        assertEquals("", SpreadsheetCells.csvText(""));
    }
}
