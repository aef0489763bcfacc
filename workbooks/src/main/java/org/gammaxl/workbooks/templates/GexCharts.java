package org.gammaxl.workbooks.templates;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The gamma-exposure workbook's two charts: GEX by strike as stacked bars (calls up, puts down) and the profile
 * over hypothetical spots as a line, with vertical lines at the spot and at the flip. Every series has explicit
 * fill or line properties (LibreOffice draws nothing without them) and carries its points as a cache.
 */
final class GexCharts {
  private GexCharts() {}

  private static XDDFNumericalDataSource<Double> source(XSSFSheet sheet, int col, int firstRow, int rows,
      Double[] cache) {
    String ref = new AreaReference(new CellReference(sheet.getSheetName(), firstRow, col, true, true),
        new CellReference(sheet.getSheetName(), firstRow + rows - 1, col, true, true), SpreadsheetVersion.EXCEL2007)
        .formatAsString();
    return XDDFDataSourcesFactory.fromArray(cache, ref);
  }

  /** GEX by strike from the Strikes sheet: strike in column A, call and put GEX in B and C, {@code rows} rows. */
  static XSSFChart byStrike(XSSFSheet on, XSSFSheet strikes, int rows, Double[] k, Double[] calls, Double[] puts) {
    XSSFChart chart = on.createDrawingPatriarch().createChart(
        on.createDrawingPatriarch().createAnchor(0, 0, 0, 0, 0, 14, 8, 40));
    chart.setTitleText("Gamma exposure by strike");
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
    bottom.setTitle("Strike");
    bottom.setNumberFormat("0");
    bottom.setTickLabelPosition(AxisTickLabelPosition.LOW);
    XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
    left.setCrosses(AxisCrosses.AUTO_ZERO);
    left.setCrossBetween(AxisCrossBetween.BETWEEN);
    left.setNumberFormat(GexTemplate.NUMBER);
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
    data.setBarDirection(BarDirection.COL);
    data.setBarGrouping(BarGrouping.STACKED);
    data.setGapWidth(30);
    data.setVaryColors(false);
    var strikesSource = source(strikes, 0, 1, rows, k);
    bar(data.addSeries(strikesSource, source(strikes, 1, 1, rows, calls)), "Call GEX", PresetColor.SEA_GREEN);
    bar(data.addSeries(strikesSource, source(strikes, 2, 1, rows, puts)), "Put GEX", PresetColor.CRIMSON);
    chart.plot(data);
    return chart;
  }

  private static void bar(XDDFChartData.Series s, String title, PresetColor color) {
    s.setTitle(title, null);
    s.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(color)));
  }

  /**
   * The profile from the Profile sheet: spots in column A, total GEX in B ({@code rows} rows), and two-point
   * vertical lines at the spot (columns D, E) and at the flip (F, G), as many rows each.
   */
  static XSSFChart profile(XSSFSheet on, XSSFSheet profile, int rows, Double[] x, Double[] y, Double[] spotX,
      Double[] spotY, Double[] flipX, Double[] flipY) {
    XSSFChart chart = on.createDrawingPatriarch().createChart(
        on.createDrawingPatriarch().createAnchor(0, 0, 0, 0, 9, 14, 18, 40));
    chart.setTitleText("Total GEX at hypothetical spots");
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    XDDFValueAxis bottom = chart.createValueAxis(AxisPosition.BOTTOM);
    bottom.setTitle("Spot");
    bottom.setNumberFormat("#,##0");
    bottom.setCrosses(AxisCrosses.AUTO_ZERO);
    bottom.setTickLabelPosition(AxisTickLabelPosition.LOW);
    XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
    left.setCrosses(AxisCrosses.AUTO_ZERO);
    left.setNumberFormat(GexTemplate.NUMBER);
    XDDFScatterChartData data = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, bottom, left);
    data.setVaryColors(false);
    line(data, source(profile, 0, 1, rows, x), source(profile, 1, 1, rows, y), "Total GEX", PresetColor.DARK_BLUE,
        2.25, false);
    line(data, source(profile, 3, 1, rows, spotX), source(profile, 4, 1, rows, spotY), "Spot",
        PresetColor.DARK_ORANGE, 1.5, true);
    line(data, source(profile, 5, 1, rows, flipX), source(profile, 6, 1, rows, flipY), "Gamma flip",
        PresetColor.DARK_RED, 1.5, true);
    chart.plot(data);
    return chart;
  }

  private static void line(XDDFScatterChartData data, XDDFNumericalDataSource<Double> x,
      XDDFNumericalDataSource<Double> y, String title, PresetColor color, double width, boolean dashed) {
    XDDFScatterChartData.Series s = (XDDFScatterChartData.Series) data.addSeries(x, y);
    s.setTitle(title, null);
    s.setSmooth(false);
    s.setMarkerStyle(MarkerStyle.NONE);
    XDDFLineProperties props = new XDDFLineProperties();
    props.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(color)));
    props.setWidth(width);
    if (dashed) {
      props.setPresetDash(new org.apache.poi.xddf.usermodel.XDDFPresetLineDash(
          org.apache.poi.xddf.usermodel.PresetLineDash.DASH));
    }
    XDDFShapeProperties shape = s.getShapeProperties();
    if (shape == null) {
      shape = new XDDFShapeProperties();
    }
    shape.setLineProperties(props);
    s.setShapeProperties(shape);
  }
}
