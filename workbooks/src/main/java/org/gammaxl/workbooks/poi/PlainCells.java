package org.gammaxl.workbooks.poi;

import java.util.Map;
import org.apache.poi.ss.formula.eval.BlankEval;
import org.apache.poi.ss.formula.eval.BoolEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.gammaxl.sheet.Empty;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * The value POI's evaluator reads from a cell without a formula (its {@code getValueFromNonFormulaCell} over
 * {@link XSSFCell}'s getters), as a catalogue value, read with as few XML-bean calls as possible: a number cell in
 * three (formula, type, value text) where the getters make eight, and a shared-string cell's text decoded once per
 * string. Every other kind of cell (inline or cached strings, booleans, errors, data-table formulas) and any text
 * POI would reject goes through the getters themselves.
 */
final class PlainCells {
  private PlainCells() {}

  /**
   * The cell's value as a catalogue value (Double, String, Boolean, ExcelError, Empty), or null for a formula cell.
   *
   * @param shared the texts of shared strings met so far in this read, by index text
   */
  static Object value(XSSFCell cell, Map<String, String> shared) {
    CTCell ct = cell.getCTCell();
    if (ct.getF() == null && !cell.isPartOfArrayFormulaGroup()) {
      STCellType.Enum type = ct.getT();
      if (type == STCellType.N) {
        String v = ct.getV();
        if (v == null) {
          return Empty.BLANK;
        }
        if (v.isEmpty()) {
          return 0.0;
        }
        try {
          return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
          return viaGetters(cell); // POI's getter reports the bad text
        }
      }
      if (type == STCellType.S) {
        String index = ct.getV();
        if (index != null) {
          String text = shared.get(index);
          if (text == null) {
            text = cell.getRichStringCellValue().getString();
            shared.put(index, text);
          }
          return text;
        }
      }
    }
    return viaGetters(cell);
  }

  /** Through POI's getters, as its evaluator reads a plain cell; null for a formula cell. */
  static Object viaGetters(XSSFCell cell) {
    ValueEval v = switch (cell.getCellType()) {
      case NUMERIC -> new NumberEval(cell.getNumericCellValue());
      case STRING -> new StringEval(cell.getRichStringCellValue().getString());
      case BOOLEAN -> BoolEval.valueOf(cell.getBooleanCellValue());
      case BLANK -> BlankEval.instance;
      case ERROR -> ErrorEval.valueOf(cell.getErrorCellValue());
      default -> null;
    };
    return v == null ? null : PoiValues.scalar(v);
  }
}
