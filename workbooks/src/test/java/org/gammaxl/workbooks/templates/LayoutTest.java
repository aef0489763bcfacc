package org.gammaxl.workbooks.templates;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.workbooks.report.DemoData;
import org.gammaxl.workbooks.report.LedgerReport;
import org.gammaxl.workbooks.report.PriceSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No text of any generated workbook overlaps other text, and no chart overlaps a chart or a filled cell: a
 * geometric check on the files as written. A text cell that does not wrap must fit its cell, its merged
 * region, or the empty cells to its right it spills into; one that wraps must fit its row's height in lines.
 * Widths are {@link Layout}'s estimate of the default font, which the rendered pages (LibreOfficeRenderTest)
 * bear out.
 */
class LayoutTest {
  @Test
  void noTextOverflowsIntoAnotherCellAndNoChartCoversAnother(@TempDir Path dir) throws Exception {
    List<Path> files = new ArrayList<>(Templates.writeAll(dir));
    PriceSeries prices = DemoData.path(40);
    Path report = dir.resolve("report.xlsx");
    new LedgerReport().write(DemoData.position(prices), prices, DemoData.PROVENANCE, report);
    files.add(report);
    List<String> problems = new ArrayList<>();
    int texts = 0;
    for (Path f : files) {
      try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
          if (wb.isSheetHidden(i)) {
            continue;
          }
          XSSFSheet sheet = wb.getSheetAt(i);
          texts += checkText(wb, sheet, f.getFileName() + " " + sheet.getSheetName(), problems);
          checkCharts(sheet, f.getFileName() + " " + sheet.getSheetName(), problems);
        }
      }
    }
    assertTrue(texts > 200, "text cells checked: " + texts);
    assertTrue(problems.isEmpty(), problems.size() + " layout problems:\n" + String.join("\n", problems));
  }

  private static int checkText(XSSFWorkbook wb, XSSFSheet sheet, String where, List<String> problems) {
    int checked = 0;
    for (Row row : sheet) {
      // Only the first rows of a long table: every data row has the same styles.
      if (row.getRowNum() > 80) {
        break;
      }
      for (Cell cell : row) {
        String text = text(cell);
        if (text == null || text.isEmpty()) {
          continue;
        }
        checked++;
        CellRangeAddress merged = merged(sheet, cell);
        int first = merged == null ? cell.getColumnIndex() : merged.getFirstColumn();
        int last = merged == null ? cell.getColumnIndex() : merged.getLastColumn();
        boolean bold = wb.getFontAt(cell.getCellStyle().getFontIndex()).getBold();
        double width = Layout.width(sheet, first, last);
        String at = where + "!" + cell.getAddress() + " '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
        if (cell.getCellStyle().getWrapText()) {
          int lines = Layout.lines(text, width, bold);
          float points = row.getHeightInPoints();
          if (lines * Layout.LINE_POINTS > points + 1) {
            problems.add(at + ": wraps to " + lines + " lines in a row " + points + " pt high");
          }
          continue;
        }
        double need = Layout.textWidth(text, bold) + 0.5;
        // Text that does not wrap spills right into empty cells, and no further.
        int c = last + 1;
        while (need > width && merged == null && isEmpty(row.getCell(c)) && merged(sheet, row, c) == null && c < 60) {
          width += sheet.getColumnWidth(c) / 256.0;
          c++;
        }
        if (need > width) {
          problems.add(at + ": needs " + Math.round(need) + " characters, has " + Math.round(width));
        }
      }
    }
    return checked;
  }

  private static void checkCharts(XSSFSheet sheet, String where, List<String> problems) {
    XSSFDrawing drawing = sheet.getDrawingPatriarch();
    if (drawing == null) {
      return;
    }
    List<XSSFClientAnchor> anchors = new ArrayList<>();
    for (XSSFShape shape : drawing.getShapes()) {
      if (shape.getAnchor() instanceof XSSFClientAnchor a) {
        anchors.add(a);
      }
    }
    for (int i = 0; i < anchors.size(); i++) {
      XSSFClientAnchor a = anchors.get(i);
      for (int j = i + 1; j < anchors.size(); j++) {
        XSSFClientAnchor b = anchors.get(j);
        if (a.getCol1() < b.getCol2() && b.getCol1() < a.getCol2() && a.getRow1() < b.getRow2() && b.getRow1() < a.getRow2()) {
          problems.add(where + ": charts " + i + " and " + j + " overlap");
        }
      }
      for (Row row : sheet) {
        for (Cell cell : row) {
          if (!isEmpty(cell) && cell.getRowIndex() >= a.getRow1() && cell.getRowIndex() < a.getRow2()
              && cell.getColumnIndex() >= a.getCol1() && cell.getColumnIndex() < a.getCol2()) {
            problems.add(where + ": chart " + i + " covers " + cell.getAddress());
          }
        }
      }
    }
  }

  private static String text(Cell cell) {
    if (cell.getCellType() == CellType.STRING) {
      return cell.getStringCellValue();
    }
    if (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.STRING) {
      return cell.getStringCellValue();
    }
    return null;
  }

  private static boolean isEmpty(Cell cell) {
    return cell == null || cell.getCellType() == CellType.BLANK
        || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isEmpty());
  }

  private static CellRangeAddress merged(XSSFSheet sheet, Cell cell) {
    return merged(sheet, cell.getRow(), cell.getColumnIndex());
  }

  private static CellRangeAddress merged(XSSFSheet sheet, Row row, int col) {
    for (CellRangeAddress r : sheet.getMergedRegions()) {
      if (r.isInRange(row.getRowNum(), col)) {
        return r;
      }
    }
    return null;
  }
}
