package org.gammaxl.workbooks.poi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * The fast read of a plain cell gives what POI's getters give (what POI's evaluator reads), for every kind of cell
 * a file can hold: numbers (with spaces, empty text), shared strings plain and rich, inline strings, booleans,
 * errors, blanks; a formula cell is null; a number cell POI cannot read fails as POI fails.
 */
class PlainCellsTest {
  @Test
  void readsEveryKindOfCellAsPoisGetters() throws IOException {
    try (XSSFWorkbook written = new XSSFWorkbook()) {
      XSSFRow row = written.createSheet("S").createRow(0);
      row.createCell(0).setCellValue(-0.0);
      row.createCell(1).setCellValue(1.0 / 3);
      row.createCell(2).getCTCell().setV(" 2.5 ");
      row.createCell(3).getCTCell().setV("");
      row.createCell(4).setCellValue("C");
      row.createCell(5).setCellValue("C"); // the same shared string
      XSSFRichTextString rich = new XSSFRichTextString("Put wall");
      XSSFFont bold = written.createFont();
      bold.setBold(true);
      rich.applyFont(0, 3, bold);
      row.createCell(6).setCellValue(rich);
      row.createCell(7).setCellValue("tab_x0009_escape");
      XSSFCell inline = row.createCell(8);
      inline.getCTCell().setT(STCellType.INLINE_STR);
      inline.getCTCell().addNewIs().setT("inline");
      row.createCell(9).setCellValue(true);
      row.createCell(10).setCellErrorValue(FormulaError.DIV0);
      row.createCell(11); // blank
      row.createCell(12).setCellFormula("1+1");
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      written.write(file);
      try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(file.toByteArray()))) {
        for (XSSFRow r : new XSSFRow[] {row, read.getSheetAt(0).getRow(0)}) {
          Map<String, String> shared = new HashMap<>();
          for (int c = 0; c < 12; c++) {
            XSSFCell cell = r.getCell(c);
            assertEquals(PlainCells.viaGetters(cell), PlainCells.value(cell, shared), "column " + c);
          }
          assertNull(PlainCells.value(r.getCell(12), shared));
        }
      }
    }
  }

  @Test
  void aNumberCellPoiCannotReadFailsAsPoiFails() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XSSFCell cell = wb.createSheet("S").createRow(0).createCell(0);
      cell.getCTCell().setV("1,5");
      Exception poi = assertThrows(IllegalStateException.class, () -> PlainCells.viaGetters(cell));
      Exception fast = assertThrows(IllegalStateException.class, () -> PlainCells.value(cell, new HashMap<>()));
      assertEquals(poi.getMessage(), fast.getMessage());
    }
  }
}
