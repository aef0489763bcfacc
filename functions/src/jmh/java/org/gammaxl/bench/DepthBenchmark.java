package org.gammaxl.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gammaxl.pricing.BlackScholesMerton;
import org.gammaxl.pricing.CashDividends;
import org.gammaxl.pricing.DividendLattice;
import org.gammaxl.pricing.Dividends;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionType;
import org.gammaxl.vol.Svi;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.WorksheetFunction;
import org.gammaxl.vol.SviFit;
import org.gammaxl.vol.SviSurface;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 18: what pricing depth costs. {@code a_} and {@code b_}: a batch of 10,000 European options (spot 80–120,
 * strike 100, 1–2 years, vol 10–60 %, rate 0–6 %, calls and puts) priced by Black-Scholes-Merton without dividends
 * and with four quarterly cash dividends under the escrowed model (a book of options on 50 stocks, each stock's
 * {@link CashDividends} built once, as a sheet or a book holds them; every price discounts its four dividends);
 * ns per option. {@code c_}: one American put with four dividends on the spot-drop
 * lattice ({@link DividendLattice#AMERICAN}, default grid). {@code d_}: a raw SVI fit ({@link SviFit}) to 30 quotes
 * of Gatheral's example smile; ns per fit. {@code e_} … {@code h_}: {@code GX.PRICE} through the catalogue on 1,000
 * options (strikes 70–130, 0.1–3 years) with a vol number and with a vol surface table of 8 expiries (the 9-column
 * range {@code GX.SVI.SURFACE} returns, header included), both by {@link WorksheetFunction#invoke} (the path of POI,
 * Calc and any XLL call with a range); the number also by {@link WorksheetFunction#invokeNumeric} (the XLL's fast
 * path); and {@code h_} the lookup alone: {@link SviSurface#vol} on the parsed surface, then the BSM price; ns per
 * option.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DepthBenchmark {
  private static final int N = 10_000;
  /** The options are on this many stocks, each with its own dividend schedule. */
  private static final int UNDERLYINGS = 50;

  private OptionType[] type;
  private double[] spot;
  private double[] years;
  private double[] vol;
  private double[] rate;
  private CashDividends[] dividends;
  private double[] strikes;
  private double[] quotes;
  private CashDividends four;
  private static final int CALLS = 1_000;
  private WorksheetFunction gxPrice;
  private Object[][] withNumber;
  private Object[][] withSurface;
  private double[][] numeric;
  private SviSurface surface;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(18);
    type = new OptionType[N];
    spot = new double[N];
    years = new double[N];
    vol = new double[N];
    rate = new double[N];
    dividends = new CashDividends[N];
    CashDividends[] schedules = new CashDividends[UNDERLYINGS];
    for (int u = 0; u < UNDERLYINGS; u++) { // quarterly, the first ex-date 0.02-0.24 years away: all before expiry
      double first = 0.02 + 0.22 * random.nextDouble();
      double amount = 0.2 + random.nextDouble();
      schedules[u] = CashDividends.of(new double[] {first, first + 0.25, first + 0.5, first + 0.75},
          new double[] {amount, amount, amount, amount}, 1);
    }
    for (int i = 0; i < N; i++) {
      type[i] = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
      spot[i] = 80 + 40 * random.nextDouble();
      years[i] = 1 + random.nextDouble();
      vol[i] = 0.1 + 0.5 * random.nextDouble();
      rate[i] = 0.06 * random.nextDouble();
      dividends[i] = schedules[i % UNDERLYINGS];
    }
    Svi svi = Svi.of(0.04, 0.1, -0.4, 0, 0.1);
    strikes = new double[30];
    quotes = new double[30];
    for (int i = 0; i < 30; i++) {
      strikes[i] = 60 + 3 * i;
      quotes[i] = svi.vol(strikes[i], 100, 1);
    }
    four = CashDividends.of(new double[] {0.1, 0.35, 0.6, 0.85}, new double[] {1, 1, 1, 1}, 1);
    double[] expiries = {0.08, 0.17, 0.25, 0.5, 0.75, 1, 1.5, 2};
    Object[][] table = new Object[expiries.length + 1][];
    table[0] = new Object[] {"YEARS", "A", "B", "RHO", "M", "SIGMA", "FORWARD", "RMS", "CALENDAR"};
    Svi[] slices = new Svi[expiries.length];
    for (int e = 0; e < expiries.length; e++) {
      double t = expiries[e];
      slices[e] = Svi.of(0.04 * t, 0.1 * Math.sqrt(t), -0.4, 0, 0.1);
      table[e + 1] = new Object[] {t, slices[e].a(), slices[e].b(), -0.4, 0.0, 0.1, 100.0, 0.0, 0.01};
    }
    surface = SviSurface.of(expiries, slices);
    gxPrice = Catalogue.standard().find("GX.PRICE").orElseThrow();
    withNumber = new Object[CALLS][];
    withSurface = new Object[CALLS][];
    numeric = new double[CALLS][];
    for (int i = 0; i < CALLS; i++) {
      double k = 70 + 60 * random.nextDouble();
      double t = 0.1 + 2.9 * random.nextDouble();
      double v = 0.15 + 0.2 * random.nextDouble();
      withNumber[i] = new Object[] {"C", 100.0, k, t, v, 0.03, 0.01};
      withSurface[i] = new Object[] {"C", 100.0, k, t, table, 0.03, 0.01};
      numeric[i] = new double[] {1, 100, k, t, v, 0.03, 0.01, 0, 0, 0};
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double a_european_noDividends() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum += BlackScholesMerton.INSTANCE.price(type[i], spot[i], 100, years[i], vol[i], rate[i], 0);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double b_european_fourDividends() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum += Dividends.price(Model.BSM, type[i], spot[i], 100, years[i], vol[i], rate[i], 0, dividends[i]);
    }
    return sum;
  }

  @Benchmark
  public double c_american_lattice_fourDividends() {
    return DividendLattice.AMERICAN.price(OptionType.PUT, 100, 100, 1, 0.25, 0.05, 0, four);
  }

  @Benchmark
  public double d_sviFit_30quotes() {
    return SviFit.fit(strikes, quotes, 100, 1, null).rms();
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public double e_gxPrice_number_invoke() {
    double sum = 0;
    for (Object[] a : withNumber) {
      sum += (Double) gxPrice.invoke(a);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public double f_gxPrice_surface_invoke() {
    double sum = 0;
    for (Object[] a : withSurface) {
      sum += (Double) gxPrice.invoke(a);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public double g_gxPrice_number_fastPath() {
    double sum = 0;
    for (double[] a : numeric) {
      sum += gxPrice.invokeNumeric(a, 7, 0L);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public double h_surfaceVol_then_bsm() {
    double sum = 0;
    for (double[] a : numeric) {
      double f = 100 * Math.exp(0.02 * a[3]);
      double v = surface.vol(a[2], f, a[3]);
      sum += BlackScholesMerton.INSTANCE.price(OptionType.CALL, 100, a[2], a[3], v, 0.03, 0.01);
    }
    return sum;
  }
}
