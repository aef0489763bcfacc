package org.gammaxl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH CSV result ({@code -rf csv}) into the README's benchmark table — ns/op and the ratio
 * to Strata measured in the same run — and appends the untimed checks: the implied-vol round trip
 * ({@link ImpliedVolAccuracy}) and the agreement of the peer adapters with GammaXL on the batch.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.gammaxl.bench.BenchReport jmh.csv [note]}; without
 * a CSV only the untimed checks are printed.
 */
public final class BenchReport {
  private BenchReport() {
  }

  /** JMH score and its 99.9 % error, ns/op. */
  static final class Score {
    final double score;
    final double error;
    final String unit;

    Score(double score, double error, String unit) {
      this.score = score;
      this.error = error;
      this.unit = unit;
    }
  }

  public static void main(String[] args) throws IOException {
    StringBuilder out = new StringBuilder();
    if (args.length > 0) {
      Map<String, Score> scores = read(Path.of(args[0]));
      out.append(speedTable(scores));
    }
    OptionBatch batch = OptionBatch.standard();
    out.append('\n').append(ImpliedVolAccuracy.table(batch, ImpliedVolAccuracy.measure(batch)));
    out.append('\n').append(adapterCheck(batch));
    System.out.print(out);
  }

  static Map<String, Score> read(Path csv) throws IOException {
    Map<String, Score> scores = new HashMap<>();
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = splitCsv(line);
      if (f.size() < 7) {
        continue;
      }
      String name = f.get(0);
      int colon = name.indexOf(':');
      String secondary = colon < 0 ? "" : ":" + name.substring(colon + 1).replace("\u00b7", "");
      String method = colon < 0 ? name : name.substring(0, colon);
      name = method.substring(method.lastIndexOf('.') + 1) + secondary;
      double error = f.get(5).isEmpty() || f.get(5).equals("NaN") ? Double.NaN : Double.parseDouble(f.get(5));
      if (f.size() > 7 && !f.get(7).isEmpty()) {
        name += "[legs=" + f.get(7) + "]";
      }
      scores.put(name, new Score(Double.parseDouble(f.get(4)), error, f.get(6)));
    }
    return scores;
  }

  private static List<String> splitCsv(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    fields.add(cur.toString());
    return fields;
  }

  static String speedTable(Map<String, Score> s) {
    StringBuilder t = new StringBuilder();
    t.append("| task (per option) | GammaXL ns | Strata ns | finmath-lib ns | GammaXL / Strata | target | met |\n");
    t.append("|---|---|---|---|---|---|---|\n");
    row(t, s, "(a) price", "a_price_gammaxl", "a_price_strata", "a_price_finmath", 0.6);
    row(t, s, "(b) price + delta, gamma, vega, theta, rho — GammaXL `greeks()` (all 18, shared work)",
        "b_greeks_gammaxl", "b_greeks_strata", "b_greeks_finmath", 0.3);
    row(t, s, "(b′) the same with GammaXL `price()` + five `greek()` calls",
        "b_greeks_gammaxlSingleCalls", "b_greeks_strata", "b_greeks_finmath", Double.NaN);
    row(t, s, "(c) implied vol (BSM premium → σ; finmath-lib timed on the first 10,000)", "c_impliedVol_gammaxl", "c_impliedVol_strata",
        "c_impliedVol_finmath", 0.35);
    StringBuilder ledgerRows = new StringBuilder();
    for (String legs : new String[] {"1", "3"}) {
      Score ledger = s.get("ledger_event[legs=" + legs + "]");
      if (ledger == null) {
        continue;
      }
      Score alloc = s.get("ledger_event:gc.alloc.rate.norm[legs=" + legs + "]");
      ledgerRows.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %s | %s |%n",
          legs.equals("1") ? "1 leg (long call)" : "3 legs (straddle + short call)", ns(ledger), 1e9 / ledger.score,
          alloc == null ? "not measured" : String.format(Locale.ROOT, "%.0f", alloc.score),
          ledger.score <= 150 ? "met" : String.format(Locale.ROOT, "**missed** (%.1f×)", ledger.score / 150)));
    }
    if (ledgerRows.length() > 0) {
      t.append("\n| ledger (issue 3): 1,000,000-event path through `HedgeLedger`, delta band, costs | ns / event "
          + "| events / s | allocated B / event | target ≤ 150 ns/event |\n|---|---|---|---|---|\n").append(ledgerRows);
    }
    return t.toString();
  }

  private static void row(StringBuilder t, Map<String, Score> s, String label, String ours, String strata,
      String finmath, double target) {
    Score o = s.get(ours);
    Score st = s.get(strata);
    Score fm = s.get(finmath);
    double ratio = o == null || st == null ? Double.NaN : o.score / st.score;
    String met = Double.isNaN(target) || Double.isNaN(ratio) ? "" : ratio <= target ? "met" : "**missed**";
    t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", label, ns(o), ns(st), ns(fm),
        Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f×", ratio),
        Double.isNaN(target) ? "" : String.format(Locale.ROOT, "≤ %.2f×", target), met));
  }

  private static String ns(Score s) {
    if (s == null) {
      return "—";
    }
    return Double.isNaN(s.error) ? String.format(Locale.ROOT, "%.1f", s.score)
        : String.format(Locale.ROOT, "%.1f ± %.1f", s.score, s.error);
  }

  /**
   * The largest relative difference of each peer adapter from GammaXL on price and the five greeks
   * over the batch where GammaXL's value is at least 1e-6 in size (Strata returns 0 below about 1e-13 and
   * finmath's parity puts lose the digits of tiny premiums): shows that the peers are timed doing the same
   * computation, with the same conventions.
   */
  static String adapterCheck(OptionBatch b) {
    String[] names = {"price", "delta", "gamma", "vega", "theta", "rho"};
    double[] strata = new double[6];
    double[] finmath = new double[6];
    double[] ours = new double[6];
    double[] tmp = new double[6];
    for (int i = 0; i < b.size; i++) {
      GammaxlBsm.priceAndFiveGreeks(b.type[i], b.spot[i], b.strike[i], b.years[i], b.vol[i], b.rate[i],
          b.yield[i], ours);
      StrataBsm.priceAndFiveGreeks(b.call[i], b.spot[i], b.strike[i], b.years[i], b.vol[i], b.rate[i],
          b.yield[i], tmp);
      worst(strata, tmp, ours);
      FinmathBsm.priceAndFiveGreeks(b.call[i], b.spot[i], b.strike[i], b.years[i], b.vol[i], b.rate[i],
          b.yield[i], tmp);
      worst(finmath, tmp, ours);
      // The finmath price benchmark uses the generalized (forward) formula, the greeks the spot formulas.
      tmp[0] = FinmathBsm.price(b.call[i], b.spot[i], b.strike[i], b.years[i], b.vol[i], b.rate[i], b.yield[i]);
      finmath[0] = Math.max(finmath[0], rel(tmp[0], ours[0]));
    }
    StringBuilder t = new StringBuilder("Adapter check — largest relative difference from GammaXL on the batch "
        + "(values ≥ 1e-6):");
    for (int g = 0; g < 6; g++) {
      t.append(String.format(Locale.ROOT, " %s Strata %.0e, finmath %.0e;", names[g], strata[g], finmath[g]));
    }
    return t.append('\n').toString();
  }

  private static void worst(double[] acc, double[] peer, double[] ours) {
    for (int g = 0; g < 6; g++) {
      acc[g] = Math.max(acc[g], rel(peer[g], ours[g]));
    }
  }

  private static double rel(double a, double b) {
    return Math.abs(b) < 1e-6 ? 0.0 : Math.abs(a - b) / Math.abs(b);
  }
}
