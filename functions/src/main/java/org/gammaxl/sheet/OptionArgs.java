package org.gammaxl.sheet;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;

/**
 * The arguments every option function shares, described once so that the help reads the same
 * everywhere: {@code type, spot, strike, years, vol, [rate], [yield], [model]}, and {@code [units]}.
 */
final class OptionArgs {
  static final Keyword TYPE = Keyword.optionType();
  static final Keyword MODEL = modelKeyword();
  static final Keyword UNITS = unitsKeyword();
  static final Keyword GREEK = Keyword.ofEnum(Greek.class, "VALUE", "PRICE", "PREMIUM", "PRICE", "VOLGA", "VOMMA",
      "DVEGADVOL", "VOMMA", "ELASTICITY", "LAMBDA", "DDELTADVOL", "VANNA", "DELTADECAY", "CHARM",
      "GAMMADECAY", "COLOR", "VEGADECAY", "VETA");

  /** Code of {@code units} = RAW. */
  static final double RAW = 1;

  private static final Model[] MODELS = Model.values();

  private OptionArgs() {
  }

  /** The models by their keywords ({@link Model#keyword()}, e.g. AMERICAN.BS2002; code = ordinal) and aliases. */
  private static Keyword modelKeyword() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Model model : Model.values()) {
      m.put(model.keyword(), (double) model.ordinal());
    }
    for (Model model : Model.values()) {
      m.put(model.name(), (double) model.ordinal()); // AMERICAN_BS2002, and AMERICANBS2002 (underscores are ignored)
    }
    String[] aliases = {"BS", "BSM", "BLACKSCHOLES", "BSM", "GK", "BSM", "GARMANKOHLHAGEN", "BSM", "BLACK", "BLACK76",
        "NORMAL", "BACHELIER"};
    for (int i = 0; i < aliases.length; i += 2) {
      m.put(aliases[i], (double) Model.valueOf(aliases[i + 1]).ordinal());
    }
    return Keyword.of(m);
  }

  private static Keyword unitsKeyword() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("TRADER", 0.0);
    m.put("RAW", 1.0);
    return Keyword.of(m);
  }

  static Param type() {
    return Param.keyword("type", "Option type: \"C\" or \"P\" (also CALL, PUT, 1, -1)", TYPE);
  }

  static Param spot() {
    return Param.number("spot", "Underlying price; with BLACK76 the forward or futures price");
  }

  static Param strike() {
    return Param.number("strike", "Strike price, same unit as spot");
  }

  static Param years() {
    return Param.number("years", "Time to expiry in years, e.g. 0.25 (see GX.YEARS)");
  }

  static Param vol() {
    return Param.number("vol", "Annual volatility, 0.2 = 20%; BACHELIER: absolute, price units per sqrt(year)");
  }

  /** {@link #vol()}, or a vol surface range ({@link SurfaceArgs}). */
  static Param volOrSurface() {
    return Param.numberOrTable("vol", "Annual volatility, 0.2 = 20%; BACHELIER: absolute, price units per sqrt(year);"
        + " or a vol surface range from GX.SVI.SURFACE, read at the strike and expiry");
  }

  static Param rate() {
    return Param.number("rate", "Continuously compounded interest rate, 0.05 = 5%").optional(0);
  }

  static Param dividendYield() {
    return Param.number("yield", "Continuous dividend yield, borrow cost or foreign rate, 0.02 = 2%").optional(0);
  }

  static Param model() {
    return Param.keyword("model", "BSM, BLACK76 (spot is the forward), BACHELIER (absolute vol), INVERSE, AMERICAN"
        + " (accurate early exercise), AMERICAN.FAST, AMERICAN.BS2002, AMERICAN.BAW or AMERICAN.LATTICE;"
        + " with cash dividends also EUROPEAN.LATTICE or AMERICAN.BLACK",
        MODEL).optional("BSM");
  }

  static Param units() {
    return Param.keyword("units", "TRADER (vega per vol point, theta per day, rho per 1%) or RAW (per 1.00, per year)",
        UNITS).optional("TRADER");
  }

  static Model model(double code) {
    return MODELS[(int) code];
  }

  static OptionType optionType(double code) {
    return code > 0 ? OptionType.CALL : OptionType.PUT;
  }

  static OptionPricer pricer(double code) {
    return MODELS[(int) code].pricer();
  }

  /**
   * One greek from arguments laid out as {@code type, spot, strike, years, vol, rate, yield, model}
   * starting at {@code at}.
   *
   * @param trader whether to convert to trader units ({@link Greek#traderScale()})
   */
  static double greek(Greek greek, double[] a, int at, boolean trader) {
    return greek(greek, a[at], a[at + 1], a[at + 2], a[at + 3], a[at + 4], a[at + 5], a[at + 6], a[at + 7], trader);
  }

  /**
   * One greek from the arguments {@code type, spot, strike, years, vol, rate, yield, model} by value.
   *
   * @param trader whether to convert to trader units ({@link Greek#traderScale()})
   */
  static double greek(Greek greek, double type, double spot, double strike, double years, double vol, double rate,
      double yield, double model, boolean trader) {
    Model m = model(model);
    OptionPricer pricer = m.pricer();
    OptionType side = optionType(type);
    double v = greek == Greek.PRICE
        ? pricer.price(side, spot, strike, years, vol, rate, yield)
        : pricer.greek(greek, side, spot, strike, years, vol, rate, yield);
    if (Double.isNaN(v)) {
      throw InvalidInputException.notAvailable("greek", m + " does not define " + greek);
    }
    double scale = trader ? greek.traderScale() : 1.0;
    return scale == 1.0 ? v : v * scale; // a branch, not a multiplication by 1 at the end of the value's chain
  }

  /** The unit of a greek's value in trader units and raw, for help text and the reference. */
  static String unit(Greek g, boolean trader) {
    switch (g) {
      case PRICE: return "premium currency per unit of underlying";
      case DELTA: return "per 1.00 move in spot";
      case GAMMA: return "delta per 1.00 move in spot";
      case VEGA: return trader ? "value per 1 vol point (0.01)" : "value per 1.00 of vol";
      case THETA: return trader ? "value per calendar day (dV/dt / 365, negative for a long vanilla)"
          : "value per year (dV/dt = -dV/dT)";
      case RHO: return trader ? "value per 1% of rate" : "value per 1.00 of rate";
      case PHI: return trader ? "value per 1% of yield" : "value per 1.00 of yield";
      case VANNA: return trader ? "delta per 1 vol point" : "delta per 1.00 of vol";
      case CHARM: return trader ? "delta per calendar day" : "delta per year";
      case VOMMA: return trader ? "vega per vol point, per vol point (vol point squared)" : "per 1.00 of vol squared";
      case SPEED: return "gamma per 1.00 move in spot";
      case ZOMMA: return trader ? "gamma per 1 vol point" : "gamma per 1.00 of vol";
      case COLOR: return trader ? "gamma per calendar day" : "gamma per year";
      case VETA: return trader ? "vega (per vol point) per calendar day" : "vega (per 1.00 of vol) per year";
      case ULTIMA: return trader ? "per vol point cubed" : "per 1.00 of vol cubed";
      case DUALDELTA: return "value per 1.00 of strike";
      case DUALGAMMA: return "dual delta per 1.00 of strike";
      case LAMBDA: return "elasticity: % change in value per 1% change in spot (unitless)";
      default: throw new IllegalArgumentException(g.name());
    }
  }
}
