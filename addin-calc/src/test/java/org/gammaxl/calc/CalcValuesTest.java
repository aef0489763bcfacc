package org.gammaxl.calc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.star.uno.Any;
import com.sun.star.uno.Type;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.ExcelError;
import org.junit.jupiter.api.Test;

/** Calc's add-in values and the catalogue's host-neutral values, both ways. */
class CalcValuesTest {

  private static long lowBits(double nan) {
    return Double.doubleToRawLongBits(nan) & 0xFFFF_FFFFL;
  }

  @Test
  void aLeftOutArgumentIsMissingAndAnEmptyCellInARangeIsBlank() {
    assertEquals(Empty.MISSING, CalcValues.fromCalc(Any.VOID));
    assertEquals(Empty.MISSING, CalcValues.fromCalc(null));
    Object[][] range = (Object[][]) CalcValues.fromCalc(new Object[][] {{1.0, ""}, {"x", Any.VOID}});
    assertArrayEquals(new Object[][] {{1.0, Empty.BLANK}, {"x", Empty.BLANK}}, range);
  }

  @Test
  void scalarsPassThroughAndOtherNumbersBecomeDoubles() {
    assertEquals(2.5, CalcValues.fromCalc(2.5));
    assertEquals("C", CalcValues.fromCalc("C"));
    assertEquals(3.0, CalcValues.fromCalc(3));
    assertEquals(4.0, CalcValues.fromCalc(new Any(Type.LONG, 4)));
    assertEquals(ExcelError.VALUE, CalcValues.fromCalc(new Object()));
  }

  @Test
  void errorsBecomeCalcsErrorCodesInsideANaN() {
    // FormulaError codes Calc maps to Excel's errors when it shows or saves them
    assertEquals(0x7FFF, lowBits(CalcValues.error(ExcelError.NA)));
    assertEquals(503, lowBits(CalcValues.error(ExcelError.NUM)));
    assertEquals(519, lowBits(CalcValues.error(ExcelError.VALUE)));
    assertEquals(532, lowBits(CalcValues.error(ExcelError.DIV0)));
    assertTrue(Double.isNaN((Double) CalcValues.toCalc(ExcelError.NUM)));
    assertEquals(503, lowBits((Double) CalcValues.toCalc(ExcelError.NUM.asNaN())));
  }

  @Test
  void arraysKeepTheirShapeWithErrorsAndBlanksInside() {
    Object[][] out = (Object[][]) CalcValues.toCalc(new Object[][] {{"DELTA", 0.5}, {ExcelError.NA, Empty.BLANK}});
    assertEquals("DELTA", out[0][0]);
    assertEquals(0.5, out[0][1]);
    assertEquals(0x7FFF, lowBits((Double) out[1][0]));
    assertEquals("", out[1][1]);
    assertEquals(1.0, CalcValues.toCalc(Boolean.TRUE));
  }
}
