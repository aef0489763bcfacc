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
 * A streaming workbook whose sheets may carry one multi-cell array formula with cached values, or be a
 * view of such a sheet. SXSSF does not implement array formulas; this writes the anchor cell itself as
 * Excel does — {@code <f t="array" ref="A1:M1001">…</f>} plus its cached value — while the other cells
 * of the range are streamed as plain values, which is exactly how Excel stores an array formula's
 * results. A view sheet ({@link #createSheetOfReferences}) turns every streamed value below its header
 * into the formula {@code =Source!B5} (same address) with that value cached; the formula text is
 * written by the sheet writer, so no formula object is held per cell.
 */
final class ArrayFormulaWorkbook extends SXSSFWorkbook {
  private String nextFormula;
  private String nextRef;
  private int nextRow;
  private int nextCol;
  private String nextSource;
  private int nextFirstRow;

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
   * Creates a streamed sheet whose cells in rows {@code firstRow} and below are written as references
   * to the cell at the same address of sheet {@code source}, each with its cached value (the value set
   * with the usual setters). Rows above {@code firstRow} (a header) are written as plain values.
   */
  SXSSFSheet createSheetOfReferences(String name, String source, int firstRow) {
    nextSource = source;
    nextFirstRow = firstRow;
    try {
      return createSheet(name);
    } finally {
      nextSource = null;
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
    if (nextSource != null) {
      return new ReferenceWriter(nextSource, nextFirstRow);
    }
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
      writeFormulaCell(_out, cell, new CellReference(row, col).formatAsString(false),
          "<f t=\"array\" ref=\"" + ref + "\">" + escape(formula) + "</f>");
    }
  }

  private final class ReferenceWriter extends SheetDataWriter {
    private final String source;
    private final int firstRow;
    private final java.util.Map<Integer, String> columns = new java.util.HashMap<>();

    ReferenceWriter(String source, int firstRow) throws IOException {
      super(getSharedStringSource());
      this.source = escape(source) + "!";
      this.firstRow = firstRow;
    }

    @Override
    public void writeCell(int columnIndex, Cell cell) throws IOException {
      if (cell.getRowIndex() < firstRow || cell.getCellType() == CellType.BLANK) {
        super.writeCell(columnIndex, cell);
        return;
      }
      String address = columns.computeIfAbsent(columnIndex, CellReference::convertNumToColString)
          + (cell.getRowIndex() + 1);
      if (cell.getCellType() == CellType.NUMERIC) {
        writeFormulaCell(_out, cell, address, "<f>" + source + address + "</f>");
        return;
      }
      // LibreOffice recalculates on load every formula whose cached result is not a number; without the
      // add-in the source cell is #NAME? there. The guard gives the cached value only for #NAME?
      // (function unknown), and the source's own value — errors included — everywhere else.
      String x = source + address;
      writeFormulaCell(_out, cell, address, "<f>IFERROR(IF(ERROR.TYPE(" + x + ")=5," + escape(literal(cell)) + ","
          + x + ")," + x + ")</f>");
    }
  }

  /** The cell's value as a formula constant. */
  private static String literal(Cell cell) {
    return switch (cell.getCellType()) {
      case STRING -> "\"" + cell.getStringCellValue().replace("\"", "\"\"") + "\"";
      case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
      case ERROR -> org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getErrorCellValue()).getString();
      default -> "\"\"";
    };
  }

  /** Writes {@code <c>} with the formula element {@code f} and the cell's value as the cached result. */
  private static void writeFormulaCell(java.io.Writer out, Cell cell, String address, String f) throws IOException {
    out.write("<c r=\"");
    out.write(address);
    out.write('"');
    if (cell.getCellStyle() != null && cell.getCellStyle().getIndex() != 0) {
      out.write(" s=\"" + (cell.getCellStyle().getIndex() & 0xffff) + "\"");
    }
    String value;
    switch (cell.getCellType()) {
      case STRING -> {
        out.write(" t=\"str\"");
        value = escape(cell.getStringCellValue());
      }
      case BOOLEAN -> {
        out.write(" t=\"b\"");
        value = cell.getBooleanCellValue() ? "1" : "0";
      }
      case ERROR -> {
        out.write(" t=\"e\"");
        value = org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getErrorCellValue()).getString();
      }
      case NUMERIC -> value = Double.toString(cell.getNumericCellValue());
      default -> value = null;
    }
    out.write('>');
    out.write(f);
    if (value != null) {
      out.write("<v>");
      out.write(value);
      out.write("</v>");
    }
    out.write("</c>");
  }


  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
