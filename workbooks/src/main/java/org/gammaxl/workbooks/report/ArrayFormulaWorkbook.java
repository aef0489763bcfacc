package org.gammaxl.workbooks.report;

import java.io.IOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A streaming workbook whose sheets may carry one multi-cell array formula with cached values. SXSSF
 * does not implement array formulas; this writes the anchor cell itself as Excel does —
 * {@code <f t="array" ref="A1:M1001">…</f>} plus its cached value — while the other cells of the range
 * are streamed as plain values, which is exactly how Excel stores an array formula's results.
 */
final class ArrayFormulaWorkbook extends SXSSFWorkbook {
  private String nextFormula;
  private String nextRef;
  private int nextRow;
  private int nextCol;

  ArrayFormulaWorkbook(XSSFWorkbook template) {
    super(template, 1000, false, false);
  }

  /**
   * Creates a streamed sheet whose cell at {@code (row, col)} anchors the array formula
   * {@code formula} over {@code ref}. Write the anchor cell's cached value with the usual setters.
   */
  SXSSFSheet createSheetWithArrayFormula(String name, int row, int col, String formula, String ref) {
    nextFormula = formula;
    nextRef = ref;
    nextRow = row;
    nextCol = col;
    try {
      return createSheet(name);
    } finally {
      nextFormula = null;
    }
  }

  /**
   * Fastest deflate level: a million-row ledger is over a gigabyte of sheet XML, and the default level
   * spends most of the report's time compressing it for a file only about a fifth smaller.
   */
  @Override
  protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
      java.io.OutputStream stream) {
    var zip = super.createArchiveOutputStream(stream);
    zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
    return zip;
  }

  @Override
  protected SheetDataWriter createSheetDataWriter() throws IOException {
    if (nextFormula == null) {
      return new SheetDataWriter(getSharedStringSource());
    }
    return new ArrayWriter(nextFormula, nextRef, nextRow, nextCol);
  }

  private final class ArrayWriter extends SheetDataWriter {
    private final String formula;
    private final String ref;
    private final int row;
    private final int col;

    ArrayWriter(String formula, String ref, int row, int col) throws IOException {
      super(getSharedStringSource());
      this.formula = formula;
      this.ref = ref;
      this.row = row;
      this.col = col;
    }

    @Override
    public void writeCell(int columnIndex, Cell cell) throws IOException {
      if (columnIndex != col || cell.getRowIndex() != row) {
        super.writeCell(columnIndex, cell);
        return;
      }
      _out.write("<c r=\"" + new CellReference(row, col).formatAsString(false) + "\"");
      if (cell.getCellStyle() != null && cell.getCellStyle().getIndex() != 0) {
        _out.write(" s=\"" + (cell.getCellStyle().getIndex() & 0xffff) + "\"");
      }
      CellType type = cell.getCellType();
      String value;
      switch (type) {
        case STRING -> {
          _out.write(" t=\"str\"");
          value = escape(cell.getStringCellValue());
        }
        case BOOLEAN -> {
          _out.write(" t=\"b\"");
          value = cell.getBooleanCellValue() ? "1" : "0";
        }
        case ERROR -> {
          _out.write(" t=\"e\"");
          value = org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getErrorCellValue()).getString();
        }
        case NUMERIC -> value = Double.toString(cell.getNumericCellValue());
        default -> value = null;
      }
      _out.write("><f t=\"array\" ref=\"" + ref + "\">" + escape(formula) + "</f>");
      if (value != null) {
        _out.write("<v>" + value + "</v>");
      }
      _out.write("</c>");
    }
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
