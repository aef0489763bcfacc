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
 * A streaming workbook whose sheets may carry one multi-cell array formula with cached values, and a
 * visible view of such a sheet. SXSSF does not implement array formulas; this writes the anchor cell
 * itself as Excel does — {@code <f t="array" ref="A1:M1001">…</f>} plus its cached value — while the
 * other cells of the range are written as plain values, which is exactly how Excel stores an array
 * formula's results.
 *
 * <p>A view ({@link #createViewOfArraySheet}) is the sheet rows are added to: every value below its
 * header becomes the formula {@code =Calc!B5} (same address on the array sheet) with that value cached,
 * and the same value is written once more, as the array's cached result, to the array sheet. Formula
 * texts and the array sheet's cells are produced by the sheet writers, so no formula or second cell
 * object is held per cell, and each number is formatted once for both sheets.
 */
final class ArrayFormulaWorkbook extends SXSSFWorkbook {
  private String nextFormula;
  private String nextRef;
  private int nextRow;
  private int nextCol;
  private ArrayWriter nextTwin;
  private int nextFirstRow;
  private ArrayWriter lastArray;
  private String lastArrayName;

  ArrayFormulaWorkbook(XSSFWorkbook template) {
    super(template, 1000, false, false);
  }

  /**
   * Creates a streamed sheet whose cell at {@code (row, col)} anchors the array formula
   * {@code formula} over {@code ref}. Either write its cells with the usual setters (the anchor's value
   * is its cached result) or add no rows to it and create its view with {@link #createViewOfArraySheet}.
   */
  SXSSFSheet createSheetWithArrayFormula(String name, int row, int col, String formula, String ref) {
    nextFormula = formula;
    nextRef = ref;
    nextRow = row;
    nextCol = col;
    try {
      SXSSFSheet sheet = createSheet(name);
      lastArrayName = name;
      return sheet;
    } finally {
      nextFormula = null;
    }
  }

  /**
   * Creates the visible view of the array sheet just created with {@link #createSheetWithArrayFormula}:
   * add the rows to the view only. Rows above {@code firstRow} (a header) are written as plain values
   * on both sheets; from {@code firstRow} on, each view cell is a reference to the array sheet's cell at
   * the same address, with the value as cached result on both sheets.
   */
  SXSSFSheet createViewOfArraySheet(String name, int firstRow) {
    if (lastArray == null) {
      throw new IllegalStateException("create the array sheet first");
    }
    nextTwin = lastArray;
    nextFirstRow = firstRow;
    try {
      return createSheet(name);
    } finally {
      nextTwin = null;
      lastArray = null;
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
    if (nextTwin != null) {
      return new ViewWriter(nextTwin, lastArrayName, nextFirstRow);
    }
    if (nextFormula == null) {
      return new SheetDataWriter(getSharedStringSource());
    }
    lastArray = new ArrayWriter(nextFormula, nextRef, nextRow, nextCol);
    return lastArray;
  }

  private final class ArrayWriter extends SheetDataWriter {
    private final String formula;
    private final int row;
    private final int col;

    ArrayWriter(String formula, String ref, int row, int col) throws IOException {
      super(getSharedStringSource());
      this.formula = "<f t=\"array\" ref=\"" + ref + "\">" + escape(formula) + "</f>";
      this.row = row;
      this.col = col;
    }

    java.io.Writer out() {
      return _out;
    }

    boolean isAnchor(int rowIndex, int columnIndex) {
      return rowIndex == row && columnIndex == col;
    }

    @Override
    public void writeCell(int columnIndex, Cell cell) throws IOException {
      if (cell == null || !isAnchor(cell.getRowIndex(), columnIndex)) {
        super.writeCell(columnIndex, cell);
        return;
      }
      writeCellXml(_out, new CellReference(row, col).formatAsString(false), style(cell), type(cell), value(cell),
          formula);
    }
  }

  /** Writes the view's cells as references, and each value once more to the array sheet. */
  private final class ViewWriter extends SheetDataWriter {
    private final ArrayWriter array;
    private final java.io.Writer arrayOut;
    private final String source;
    private final int firstRow;
    private final java.util.Map<Integer, String> columns = new java.util.HashMap<>();

    ViewWriter(ArrayWriter array, String source, int firstRow) throws IOException {
      super(getSharedStringSource());
      this.array = array;
      this.arrayOut = array.out();
      this.source = escape(source) + "!";
      this.firstRow = firstRow;
    }

    @Override
    public void writeRow(int rownum, org.apache.poi.xssf.streaming.SXSSFRow row) throws IOException {
      arrayOut.write("<row r=\"");
      arrayOut.write(Integer.toString(rownum + 1));
      arrayOut.write("\">");
      super.writeRow(rownum, row);
      arrayOut.write("</row>\n");
    }

    @Override
    public void writeCell(int columnIndex, Cell cell) throws IOException {
      String type = cell == null ? BLANK : type(cell);
      if (type == BLANK) {
        super.writeCell(columnIndex, cell);
        return;
      }
      String address = columns.computeIfAbsent(columnIndex, CellReference::convertNumToColString)
          + (cell.getRowIndex() + 1);
      String value = value(cell);
      boolean header = cell.getRowIndex() < firstRow;
      // The array sheet: the anchor carries the array formula; every other cell is its cached value.
      String arrayFormula = array.isAnchor(cell.getRowIndex(), columnIndex) ? array.formula : null;
      writeCellXml(arrayOut, address, null, arrayFormula != null || type != STRING ? type : INLINE, value,
          arrayFormula);
      if (header) {
        super.writeCell(columnIndex, cell);
        return;
      }
      String x = source + address;
      String formula;
      if (type == null) {
        formula = "<f>" + x + "</f>";
      } else {
        // LibreOffice recalculates on load every formula whose cached result is not a number; without
        // the add-in the source cell is #NAME? there. The guard gives the cached value only for #NAME?
        // (function unknown), and the source's own value — errors included — everywhere else.
        formula = "<f>IF(ISERROR(" + x + "),IF(ERROR.TYPE(" + x + ")=5," + escape(literal(cell)) + "," + x + "),"
            + x + ")</f>";
      }
      writeCellXml(_out, address, style(cell), type, value, formula);
    }
  }

  private static final String STRING = "str";
  private static final String INLINE = "inlineStr";
  private static final String BLANK = "blank";

  /** The {@code t} attribute of the cell's (cached) value, null for a number. */
  private static String type(Cell cell) {
    return switch (cell.getCellType()) {
      case STRING -> STRING;
      case BOOLEAN -> "b";
      case ERROR -> "e";
      case NUMERIC -> null;
      default -> BLANK;
    };
  }

  /** The cell's value as the text of a {@code <v>} element (escaped). */
  private static String value(Cell cell) {
    return switch (cell.getCellType()) {
      case STRING -> escape(cell.getStringCellValue());
      case BOOLEAN -> cell.getBooleanCellValue() ? "1" : "0";
      case ERROR -> org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getErrorCellValue()).getString();
      case NUMERIC -> Double.toString(cell.getNumericCellValue());
      default -> null;
    };
  }

  private static String style(Cell cell) {
    return cell.getCellStyle() != null && cell.getCellStyle().getIndex() != 0
        ? Integer.toString(cell.getCellStyle().getIndex() & 0xffff) : null;
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

  /**
   * Writes one {@code <c>}: a formula cell when {@code f} (a whole formula element) is given, with the
   * value as its cached result; otherwise a value cell ({@code t="inlineStr"} for text).
   */
  private static void writeCellXml(java.io.Writer out, String address, String style, String type, String value,
      String f) throws IOException {
    out.write("<c r=\"");
    out.write(address);
    out.write('"');
    if (style != null) {
      out.write(" s=\"");
      out.write(style);
      out.write('"');
    }
    if (type != null && type != BLANK) {
      out.write(" t=\"");
      out.write(type);
      out.write('"');
    }
    out.write('>');
    if (f != null) {
      out.write(f);
    }
    if (value != null) {
      if (type == INLINE) {
        out.write("<is><t xml:space=\"preserve\">");
        out.write(value);
        out.write("</t></is>");
      } else {
        out.write("<v>");
        out.write(value);
        out.write("</v>");
      }
    }
    out.write("</c>");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
