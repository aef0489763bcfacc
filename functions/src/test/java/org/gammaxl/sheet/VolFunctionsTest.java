package org.gammaxl.sheet;

import static org.gammaxl.sheet.SheetCalls.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gammaxl.vol.RealizedVolatility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SheetCalls.class)
class VolFunctionsTest {
  private static final double[] CLOSES = {100, 101, 99.5, 100.2, 102, 101.1, 103.4, 102.2};
  private static final double[] OPEN = {100, 101, 99.5, 100.5, 101};
  private static final double[] HIGH = {101.5, 102, 100.8, 101.9, 102.2};
  private static final double[] LOW = {99.2, 100.1, 98.4, 99.9, 100.3};
  private static final double[] CLOSE = {101, 100.5, 100.4, 101.2, 101.8};

  /** Calls a function as a host does; a lone range is one argument. */
  private static Object call(String name, Object... args) {
    Object[] list = args instanceof Object[][] ? new Object[] {args} : args;
    return Catalogue.standard().find(name).orElseThrow().invoke(list);
  }


  @Test
  void rvolIsTheAnnualisedSampleDeviationOfLogReturns() {
    int n = CLOSES.length - 1;
    double mean = Math.log(CLOSES[n] / CLOSES[0]) / n;
    double ss = 0;
    for (int i = 1; i <= n; i++) {
      double d = Math.log(CLOSES[i] / CLOSES[i - 1]) - mean;
      ss += d * d;
    }
    double expected = Math.sqrt(ss / (n - 1) * 252);
    assertEquals(expected, (Double) call("GX.RVOL", (Object) column(CLOSES)), 1e-14);
    assertEquals(RealizedVolatility.closeToClose(CLOSES, 365), (Double) call("GX.RVOL", column(CLOSES), 365.0), 0.0);
  }

  @Test
  void rvolSkipsBlanksAndReadsRowsOfAGrid() {
    Object[][] withBlanks = {{100.0}, {Empty.BLANK}, {101.0}, {99.5}, {100.2}, {Empty.BLANK}};
    assertEquals(RealizedVolatility.closeToClose(new double[] {100, 101, 99.5, 100.2}, 252),
        (Double) call("GX.RVOL", (Object) withBlanks), 0.0);
    Object[][] grid = {{100.0, 101.0}, {99.5, 100.2}};
    assertEquals(RealizedVolatility.closeToClose(new double[] {100, 101, 99.5, 100.2}, 252),
        (Double) call("GX.RVOL", (Object) grid), 0.0);
  }

  @Test
  void rvolBadValues() {
    assertEquals(ExcelError.NA, call("GX.RVOL", (Object) column(100, 101)), "two prices are one return: not enough");
    assertEquals(ExcelError.NUM, call("GX.RVOL", (Object) column(100, -101, 102)));
    assertEquals(ExcelError.VALUE, call("GX.RVOL", (Object) new Object[][] {{"Close"}, {100.0}, {101.0}, {102.0}}));
    assertEquals(ExcelError.DIV0, call("GX.RVOL", (Object) new Object[][] {{100.0}, {ExcelError.DIV0}, {102.0}}));
    assertEquals(ExcelError.NUM, call("GX.RVOL", column(CLOSES), 0.0));
    assertEquals(ExcelError.VALUE, call("GX.RVOL", column(CLOSES), "daily"));
  }

  @Test
  void ohlcMethodsMatchTheJavaApi() {
    Object[] bars = {column(OPEN), column(HIGH), column(LOW), column(CLOSE)};
    assertEquals(RealizedVolatility.yangZhang(OPEN, HIGH, LOW, CLOSE, 252), (Double) call("GX.RVOL.OHLC", bars), 0.0);
    assertEquals(RealizedVolatility.yangZhang(OPEN, HIGH, LOW, CLOSE, 252),
        (Double) call("GX.RVOL.OHLC", bars[0], bars[1], bars[2], bars[3], "yang-zhang"), 0.0);
    assertEquals(RealizedVolatility.closeToClose(CLOSE, 252),
        (Double) call("GX.RVOL.OHLC", bars[0], bars[1], bars[2], bars[3], "CC"), 0.0);
    assertEquals(RealizedVolatility.parkinson(HIGH, LOW, 365),
        (Double) call("GX.RVOL.OHLC", bars[0], bars[1], bars[2], bars[3], "parkinson", 365.0), 0.0);
    assertEquals(RealizedVolatility.garmanKlass(OPEN, HIGH, LOW, CLOSE, 252),
        (Double) call("GX.RVOL.OHLC", bars[0], bars[1], bars[2], bars[3], "GK"), 0.0);
    assertEquals(RealizedVolatility.rogersSatchell(OPEN, HIGH, LOW, CLOSE, 252),
        (Double) call("GX.RVOL.OHLC", bars[0], bars[1], bars[2], bars[3], "RS"), 0.0);
  }

  @Test
  void ohlcRowsAreReadSideBySide() {
    Object[][] open = {{100.0}, {101.0}, {99.5}, {100.5}, {101.0}, {Empty.BLANK}};
    Object[][] high = {{101.5}, {102.0}, {100.8}, {101.9}, {102.2}, {Empty.BLANK}};
    Object[][] low = {{99.2}, {100.1}, {98.4}, {99.9}, {100.3}, {Empty.BLANK}};
    Object[][] close = {{101.0}, {100.5}, {100.4}, {101.2}, {101.8}, {Empty.BLANK}};
    assertEquals(RealizedVolatility.yangZhang(OPEN, HIGH, LOW, CLOSE, 252),
        (Double) call("GX.RVOL.OHLC", open, high, low, close), 0.0, "a row blank everywhere is skipped");
    close[5][0] = 101.0;
    assertEquals(ExcelError.NA, call("GX.RVOL.OHLC", open, high, low, close), "close without a bar");
    assertEquals(ExcelError.VALUE, call("GX.RVOL.OHLC", column(OPEN), column(HIGH), column(LOW), column(1, 2)));
    assertEquals(ExcelError.VALUE, call("GX.RVOL.OHLC", column(OPEN), column(HIGH), column(LOW), column(CLOSE), "XX"));
  }

  @Test
  void ewmaMatchesTheJavaApi() {
    assertEquals(RealizedVolatility.ewma(CLOSES, 0.94, 252), (Double) call("GX.RVOL.EWMA", (Object) column(CLOSES)), 0.0);
    assertEquals(RealizedVolatility.ewma(CLOSES, 0.97, 365),
        (Double) call("GX.RVOL.EWMA", column(CLOSES), 0.97, 365.0), 0.0);
    assertEquals(ExcelError.NUM, call("GX.RVOL.EWMA", column(CLOSES), 1.5));
  }
}
