package org.gammaxl.workbooks.templates;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Line charts over worksheet ranges. Every series gets explicit line properties (solid colour and
 * width) and no markers: LibreOffice draws no line for a series without them. Charts are scatter
 * charts with straight lines so that the x axis is a true time axis (Excel serial date-times).
 */
public final class Charts {
  private Charts() {}

  /**
   * One series: its name and the y range on the data sheet. The chart refers to the range; its cached
   * points are {@code cache} when given (the values are not read back from the cells, which may be
   * formulas that only the add-in can compute, or streamed rows no longer in memory).
   */
  public record Series(String name, CellRangeAddress y, PresetColor color, boolean secondaryAxis, Double[] cache,
      XSSFSheet sheet) {
    public Series(String name, CellRangeAddress y, PresetColor color, boolean secondaryAxis) {
      this(name, y, color, secondaryAxis, new Double[0], null);
    }
  }

  /** Whether observations come more often than daily, so that a time axis needs the time of day. */
  public static boolean intraday(double[] times) {
    if (times.length < 2) {
      return false;
    }
    double span = times[times.length - 1] - times[0];
    return span / (times.length - 1) < 0.5 || span < 3;
  }

  /** Makes the time axis span the observations {@code times}, not a rounded range with empty margins. */
  public static void spanTimes(XSSFChart chart, double[] times) {
    if (times.length > 1) {
      var bottom = chart.getAxes().get(0);
      bottom.setMinimum(times[0]);
      bottom.setMaximum(times[times.length - 1]);
    }
  }

  private static XDDFNumericalDataSource<Double> source(XSSFSheet sheet, CellRangeAddress range, Double[] cache) {
    String ref = new org.apache.poi.ss.util.AreaReference(
        new org.apache.poi.ss.util.CellReference(sheet.getSheetName(), range.getFirstRow(), range.getFirstColumn(), true, true),
        new org.apache.poi.ss.util.CellReference(sheet.getSheetName(), range.getLastRow(), range.getLastColumn(), true, true),
        org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).formatAsString();
    return XDDFDataSourcesFactory.fromArray(cache, ref);
  }

  /**
   * Adds a chart to {@code drawing}.
   *
   * @param anchorCols first and last column of the chart frame; {@code anchorRows} likewise
   */
  public static XSSFChart lineChart(XSSFDrawing drawing, XSSFSheet dataSheet, String title, String xTitle,
      CellRangeAddress x, Double[] xCache, String xFormat, int col1, int row1, int col2, int row2, Series... series) {
    XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2);
    XSSFChart chart = drawing.createChart(anchor);
    chart.setTitleText(title);
    chart.setTitleOverlay(false);
    XDDFChartLegend legend = chart.getOrAddLegend();
    legend.setPosition(LegendPosition.BOTTOM);
    XDDFNumericalDataSource<Double> xs = source(dataSheet, x, xCache);

    XDDFValueAxis bottom = chart.createValueAxis(AxisPosition.BOTTOM);
    bottom.setTitle(xTitle);
    bottom.setNumberFormat(xFormat);

    // The time labels sit below the plot, not on the zero line across a P&L that goes negative.
    bottom.setTickLabelPosition(AxisTickLabelPosition.LOW);
    XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
    left.setCrosses(AxisCrosses.AUTO_ZERO);
    left.setTickLabelPosition(AxisTickLabelPosition.LOW);
    XDDFScatterChartData data = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, bottom, left);
    data.setVaryColors(false);
    XDDFScatterChartData secondary = null;
    for (Series s : series) {
      XDDFScatterChartData target = data;
      if (s.secondaryAxis()) {
        if (secondary == null) {
          XDDFValueAxis bottom2 = chart.createValueAxis(AxisPosition.BOTTOM);
          bottom2.setVisible(false);
          XDDFValueAxis right = chart.createValueAxis(AxisPosition.RIGHT);
          right.setCrosses(AxisCrosses.MAX);
          bottom2.crossAxis(right);
          right.crossAxis(bottom2);
          secondary = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, bottom2, right);
          secondary.setVaryColors(false);
        }
        target = secondary;
      }
      XDDFNumericalDataSource<Double> ys = source(s.sheet() == null ? dataSheet : s.sheet(), s.y(), s.cache());
      XDDFScatterChartData.Series line = (XDDFScatterChartData.Series) target.addSeries(xs, ys);
      line.setTitle(s.name(), null);
      line.setSmooth(false);
      line.setMarkerStyle(MarkerStyle.NONE);
      XDDFLineProperties props = new XDDFLineProperties();
      props.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(s.color())));
      props.setWidth(1.75);
      XDDFShapeProperties shape = line.getShapeProperties();
      if (shape == null) {
        shape = new XDDFShapeProperties();
      }
      shape.setLineProperties(props);
      line.setShapeProperties(shape);
    }
    chart.plot(data);
    if (secondary != null) {
      chart.plot(secondary);
    }
    return chart;
  }
}
