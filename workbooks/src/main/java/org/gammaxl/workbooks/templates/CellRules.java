package org.gammaxl.workbooks.templates;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;

/**
 * What a template's input cells accept: Excel and Calc refuse anything else with an error box that gives the rule.
 * A list shows its drop-down arrow.
 */
final class CellRules {
  private CellRules() {
  }

  /** The cells take one of {@code items}; {@code rule} is the error box's text. */
  static void oneOf(Sheet sheet, CellRangeAddressList cells, String rule, String... items) {
    DataValidationHelper dv = sheet.getDataValidationHelper();
    DataValidation v = dv.createValidation(dv.createExplicitListConstraint(items), cells);
    v.setSuppressDropDownArrow(true); // in XSSF this shows the arrow (showDropDown is Excel's "hide")
    add(sheet, v, rule);
  }

  /** The cells take numbers greater than zero; {@code rule} is the error box's text. */
  static void positive(Sheet sheet, CellRangeAddressList cells, String rule) {
    DataValidationHelper dv = sheet.getDataValidationHelper();
    add(sheet, dv.createValidation(
        dv.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_THAN, "0", null), cells), rule);
  }

  /** The one cell at 0-based {@code row}, {@code col}. */
  static CellRangeAddressList cell(int row, int col) {
    return new CellRangeAddressList(row, row, col, col);
  }

  private static void add(Sheet sheet, DataValidation v, String rule) {
    v.setShowErrorBox(true);
    v.createErrorBox("Not allowed", rule);
    sheet.addValidationData(v);
  }
}
