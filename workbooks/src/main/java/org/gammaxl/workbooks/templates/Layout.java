package org.gammaxl.workbooks.templates;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Text that fits its cells: a text cell spans merged columns wide enough for it, or wraps over a
 * row tall enough for its lines. Widths are estimated as Calc and Excel lay out the default 11-point
 * font (about one column-width unit, 1/256 of a column, per 256th of a character); {@code LayoutTest}
 * checks every text cell of every workbook against the same estimate.
 */
public final class Layout {
  /** Points per line of the default font, with leading. */
  static final float LINE_POINTS = 15f;

  private Layout() {}

  /** Width in characters of {@code text} in the default font; bold text is about 10 % wider. */
  public static double textWidth(String text, boolean bold) {
    double w = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      w += Character.isUpperCase(c) || c == 'm' || c == 'w' || c == '%' || c == '&' ? 1.2
          : c == 'i' || c == 'l' || c == '.' || c == ',' || c == ' ' || c == '(' || c == ')' || c == '\'' || c == ':' ? 0.5
          : 1.0;
    }
    return bold ? w * 1.1 : w;
  }

  /** The width of columns {@code first..last} in characters. */
  public static double width(XSSFSheet sheet, int first, int last) {
    double w = 0;
    for (int c = first; c <= last; c++) {
      w += sheet.getColumnWidth(c) / 256.0;
    }
    return w;
  }

  /**
   * Writes {@code text} over columns {@code first..last} of row {@code r} (merged when more than one),
   * wrapping it over as many lines as it needs and making the row tall enough.
   */
  public static Cell paragraph(XSSFSheet sheet, int r, int first, int last, String text, CellStyle style) {
    Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
    Cell cell = row.getCell(first) == null ? row.createCell(first) : row.getCell(first);
    cell.setCellValue(text);
    CellStyle wrapped = sheet.getWorkbook().createCellStyle();
    wrapped.cloneStyleFrom(style);
    wrapped.setWrapText(true);
    wrapped.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
    cell.setCellStyle(wrapped);
    if (last > first) {
      sheet.addMergedRegion(new CellRangeAddress(r, r, first, last));
    }
    int lines = lines(text, width(sheet, first, last), sheet.getWorkbook().getFontAt(style.getFontIndex()).getBold());
    row.setHeightInPoints(Math.max(row.getHeightInPoints(), lines * LINE_POINTS + 2));
    return cell;
  }

  /** Lines a wrapped text needs in a cell {@code width} characters wide (word wrap, with a margin). */
  public static int lines(String text, double width, boolean bold) {
    double usable = Math.max(1, width - 1);
    int lines = 0;
    for (String para : text.split("\n", -1)) {
      lines++;
      double line = 0;
      for (String word : para.split(" ")) {
        double w = textWidth(word + " ", bold);
        if (line > 0 && line + w > usable) {
          lines++;
          line = 0;
        }
        line += w;
      }
    }
    return lines;
  }

  /** Merges columns {@code first..last} of row {@code r} and returns its first cell, styled. */
  public static Cell span(XSSFSheet sheet, int r, int first, int last, CellStyle style) {
    Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
    for (int c = first; c <= last; c++) {
      Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
      cell.setCellStyle(style);
    }
    if (last > first) {
      sheet.addMergedRegion(new CellRangeAddress(r, r, first, last));
    }
    return row.getCell(first);
  }
}
