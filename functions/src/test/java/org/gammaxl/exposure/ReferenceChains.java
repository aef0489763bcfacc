package org.gammaxl.exposure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gammaxl.pricing.OptionType;

/**
 * The fixture {@code gex-reference.csv} written by {@code scripts/gex_reference.py} (mpmath, 40 digits):
 * synthetic chains and their exposures, strike tables, walls, profiles and flips.
 */
public final class ReferenceChains {
  /** One row of the chain as the fixture gives it. */
  public record Row(OptionType type, double strike, double years, double vol, double openInterest) {}

  /** One case of the fixture. */
  public static final class Case {
    public String name;
    public ExposureConvention convention;
    public double spot;
    public double rate;
    public double yield;
    public double multiplier;
    public final List<Row> rows = new ArrayList<>();
    public final Map<ExposureUnit, double[]> totals = new LinkedHashMap<>();
    public final List<double[]> strikes = new ArrayList<>();
    public double callWall;
    public double putWall;
    public double low;
    public double high;
    public int steps;
    public final List<double[]> profile = new ArrayList<>();
    public double flip;

    public OptionChain chain() {
      OptionChain.Builder b = OptionChain.builder(convention);
      rows.forEach(r -> b.add(r.type(), r.strike(), r.years(), r.vol(), r.openInterest()));
      return b.build();
    }

    public GammaExposure exposure(ExposureUnit unit) {
      return GammaExposure.of(chain(), rate, yield, multiplier, unit);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private ReferenceChains() {
  }

  public static List<Case> load() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = ReferenceChains.class.getResourceAsStream("gex-reference.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Case c = null;
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        switch (f[0]) {
          case "case" -> {
            c = new Case();
            c.name = f[1];
            c.convention = ExposureConvention.valueOf(f[2]);
            c.spot = d(f[3]);
            c.rate = d(f[4]);
            c.yield = d(f[5]);
            c.multiplier = d(f[6]);
          }
          case "option" -> c.rows.add(new Row(f[1].equals("C") ? OptionType.CALL : OptionType.PUT, d(f[2]), d(f[3]),
              d(f[4]), d(f[5])));
          case "total" -> c.totals.put(ExposureUnit.valueOf(f[1]), new double[] {d(f[2]), d(f[3]), d(f[4])});
          case "strike" -> c.strikes.add(new double[] {d(f[1]), d(f[2]), d(f[3]), d(f[4])});
          case "walls" -> {
            c.callWall = d(f[1]);
            c.putWall = d(f[2]);
          }
          case "grid" -> {
            c.low = d(f[1]);
            c.high = d(f[2]);
            c.steps = Integer.parseInt(f[3]);
          }
          case "profile" -> c.profile.add(new double[] {d(f[1]), d(f[2])});
          case "flip" -> c.flip = d(f[1]);
          case "end" -> cases.add(c);
          default -> throw new IllegalStateException("unknown fixture line " + line);
        }
      }
    }
    return cases;
  }

  private static double d(String s) {
    return s.equals("none") ? Double.NaN : Double.parseDouble(s);
  }
}
