package org.gammaxl.workbooks.templates;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The desk's cell styles for one workbook: input cells are unlocked and tinted (the only cells a user
 * types into on a protected sheet); formula cells are locked. Number formats: dates
 * {@code yyyy-mm-dd hh:mm}, money and prices to 2 decimals with red negatives, percentages, greeks to
 * four decimals, counts as integers, years with their unit (see {@link NumberFormats}).
 */
public final class Styles {
  public static final String DATE_TIME = "yyyy-mm-dd hh:mm";
  public static final String DATE = "yyyy-mm-dd";
  public static final String MONEY = "#,##0.00;[Red]-#,##0.00";
  /** Quantities of the underlying or of the hedge instrument (fractional units allowed). */
  public static final String QTY = "#,##0.00;[Red]-#,##0.00";
  public static final String PRICE = "#,##0.00";
  public static final String PERCENT = "0.00%";
  public static final String GREEK = "#,##0.0000;[Red]-#,##0.0000";
  public static final String COUNT = "#,##0";
  public static final String YEARS = "0.0000\" y\"";
  public static final String GENERAL = "General";

  private final Workbook wb;
  public final CellStyle title;
  public final CellStyle header;
  public final CellStyle label;
  public final CellStyle note;

  public Styles(Workbook wb) {
    this.wb = wb;
    Font bigBold = wb.createFont();
    bigBold.setBold(true);
    bigBold.setFontHeightInPoints((short) 14);
    title = wb.createCellStyle();
    title.setFont(bigBold);
    Font bold = wb.createFont();
    bold.setBold(true);
    header = wb.createCellStyle();
    header.setFont(bold);
    header.setBorderBottom(BorderStyle.THIN);
    header.setWrapText(true);
    label = wb.createCellStyle();
    label.setFont(bold);
    Font italic = wb.createFont();
    italic.setItalic(true);
    italic.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
    note = wb.createCellStyle();
    note.setFont(italic);
  }

  /** An unlocked, tinted input cell with the given number format. */
  public CellStyle input(String format) {
    CellStyle s = wb.createCellStyle();
    s.setDataFormat(wb.createDataFormat().getFormat(format));
    s.setLocked(false);
    s.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    s.setBorderBottom(BorderStyle.HAIR);
    return s;
  }

  /** A locked formula cell with the given number format. */
  public CellStyle formula(String format) {
    CellStyle s = wb.createCellStyle();
    s.setDataFormat(wb.createDataFormat().getFormat(format));
    s.setLocked(true);
    return s;
  }
}
