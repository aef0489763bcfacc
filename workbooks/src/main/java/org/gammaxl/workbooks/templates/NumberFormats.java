package org.gammaxl.workbooks.templates;

import java.util.Locale;

/**
 * One number format per kind of column, for every workbook and for the command line: money and prices
 * with 2 decimals, greeks with 4, quantities of the underlying with 2, counts as integers, a leg's quantity
 * of options as the number it is (an integer when whole, {@code 0.5} when not), vols as percentages, year fractions with their unit, times as date-times. The kind of a ledger column or summary
 * item is read from its engine name ({@code TOTAL_PNL}, {@code HEDGE_COUNT}, …), so a column the engine
 * adds gets a format without a second list.
 */
public enum NumberFormats {
  DATE_TIME(Styles.DATE_TIME),
  MONEY(Styles.MONEY),
  PRICE(Styles.PRICE),
  GREEK(Styles.GREEK),
  QUANTITY(Styles.QTY),
  COUNT(Styles.COUNT),
  /** A leg's quantity of options (contracts or units): General in a workbook, so 100 and 0.5 both show as they are. */
  CONTRACTS(Styles.GENERAL),
  PERCENT(Styles.PERCENT),
  YEARS(Styles.YEARS),
  TEXT(Styles.GENERAL);

  private final String excel;

  NumberFormats(String excel) {
    this.excel = excel;
  }

  /** The Excel number format code. */
  public String excel() {
    return excel;
  }

  /** The kind of a ledger, journal or summary column from its engine name. */
  public static NumberFormats of(String engineName) {
    String n = engineName.toUpperCase(Locale.ROOT);
    if (n.equals("TIME") || n.endsWith("_TIME") || n.contains("DATE") || n.endsWith("EXPIRY")) {
      return DATE_TIME;
    }
    if (n.equals("QUANTITY")) {
      return CONTRACTS;
    }
    if (n.contains("COUNT") || n.equals("EVENTS") || n.contains("FILLS") || n.equals("LEGS") || n.equals("LEG")
        || n.contains("CALLS")) {
      return COUNT;
    }
    if (n.contains("YEARS") || n.equals("MEAN_PERIOD")) {
      return YEARS;
    }
    if (n.contains("VOL")) {
      return PERCENT;
    }
    if (n.contains("PNL") || n.contains("CASH") || n.contains("COST") || n.contains("FEE") || n.contains("VALUE")
        || n.contains("SLIPPAGE") || n.contains("FINANCING") || n.contains("SETTLEMENT") || n.contains("NOTIONAL")) {
      return MONEY;
    }
    if (n.contains("DELTA") && (n.contains("HEDGE") || n.contains("NET") || n.contains("BEFORE")
        || n.contains("AFTER")) || n.contains("QTY") || n.contains("POSITION") || n.contains("TURNOVER")
        || n.equals("TARGET_HEDGE") || n.contains("QUANTITY")) {
      return QUANTITY;
    }
    if (n.contains("DELTA") || n.contains("GAMMA") || n.contains("VEGA") || n.contains("THETA")) {
      return GREEK;
    }
    if (n.contains("SPOT") || n.contains("PRICE") || n.contains("MOVE") || n.contains("MARK") || n.contains("STRIKE")) {
      return PRICE;
    }
    return MONEY;
  }

  /**
   * A value as the command line prints it: money with 2 decimals and thousands separators, counts as
   * integers, vols as percentages, years with their unit ({@code 0.6822 years}).
   */
  public String print(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    return switch (this) {
      case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(v));
      case CONTRACTS -> v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
          : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
      case PERCENT -> String.format(Locale.ROOT, "%.2f%%", 100 * v);
      case YEARS -> Math.abs(v) >= 0.05 ? String.format(Locale.ROOT, "%.4f years", v)
          : String.format(Locale.ROOT, "%.2f days", v * 365);
      case GREEK -> String.format(Locale.ROOT, "%,.4f", v);
      case DATE_TIME -> org.gammaxl.workbooks.io.ExcelDates.dateTime(v).toString().replace('T', ' ');
      default -> String.format(Locale.ROOT, "%,.2f", v);
    };
  }
}
