package org.gammaxl.sheet;

import java.util.List;

/**
 * How the numeric fast path of one function reads its arguments, worked out once from its
 * {@link Param}s when the function is built, so that a call costs a few mask operations, one sum of
 * the numbers (finite only if each is) and a compare for each argument that is not a plain number,
 * instead of asking each {@code Param} what it is.
 *
 * <p>Conventions: position {@code i} is the function's argument {@code i} (0-based) and bit {@code i}
 * of every mask ({@code 1L << i}); at most 64 positions. A given number is taken <em>as it is</em>
 * when it lies in its position's interval {@code [low, high]} or equals, bit for bit, one of the
 * position's (at most two) exact values: numbers {@link Param#fromNumber} would return
 * unchanged (any finite number for a plain number, an Excel serial for a date, 1 or −1 for the option
 * type, 1 or +0 for a boolean). A missing optional argument takes its default ({@link Param#numericDefault}).
 * A keyword given as its tagged code ({@link Keyword#asNaN}) is decoded.
 *
 * <p>Anything else (a missing required argument, an Excel error, a number that needs normalizing or is
 * out of domain, a keyword number that is not one, too many arguments) is not read here:
 * {@link #read} answers {@code false} and leaves the numbers untouched, and the caller reads the
 * arguments one by one in order with {@link Param}'s rules, which find and name the first problem.
 * So both readings give the same numbers, and the plan never decides an error.
 */
final class ArgumentPlan {
  private final int size;
  /** Bit i for each of the {@link #size} positions. */
  private final long all;
  /** Bit i: argument i may not be left out. */
  private final long required;
  /** Bit i: argument i is a keyword, so a keyword-tagged NaN there is its code. */
  private final long keywords;
  /** Bit i: no number is taken as it is at position i (a keyword without numeric forms). */
  private final long never;
  /** Bit i: a finite number at position i is not always taken as it is (anything but a plain number). */
  private final long checked;
  private final double[] low;
  private final double[] high;
  private final long[] exactA;
  private final long[] exactB;
  private final double[] defaults;

  private ArgumentPlan(List<Param> params) {
    int n = params.size();
    if (n > 64) {
      throw new IllegalArgumentException("the numeric path serves at most 64 arguments, got " + n);
    }
    this.size = n;
    this.all = n == 64 ? -1L : (1L << n) - 1;
    this.low = new double[n];
    this.high = new double[n];
    this.exactA = new long[n];
    this.exactB = new long[n];
    this.defaults = new double[n];
    long req = 0;
    long kw = 0;
    long nev = 0;
    long chk = 0;
    for (int i = 0; i < n; i++) {
      Param p = params.get(i);
      long bit = 1L << i;
      req |= p.isOptional() ? 0 : bit;
      kw |= p.keyword() != null ? bit : 0;
      low[i] = p.asIsLow();
      high[i] = p.asIsHigh();
      // any exact values after the first two (none so far) are left to the rules: slower, never different
      double[] exact = p.asIsValues();
      boolean interval = low[i] <= high[i];
      chk |= low[i] == -Double.MAX_VALUE && high[i] == Double.MAX_VALUE ? 0 : bit;
      nev |= !interval && exact.length == 0 ? bit : 0;
      // a position with fewer than two exact values repeats one it takes anyway, so that no sentinel is needed
      long fallback = Double.doubleToRawLongBits(exact.length > 0 ? exact[0] : low[i]);
      exactA[i] = exact.length > 0 ? Double.doubleToRawLongBits(exact[0]) : fallback;
      exactB[i] = exact.length > 1 ? Double.doubleToRawLongBits(exact[1]) : fallback;
      // an optional range (which only a general body reads) left out: 0, a number the numeric body ignores
      defaults[i] = !p.isOptional() ? Double.NaN : p.isScalar() ? p.numericDefault() : 0.0;
    }
    this.required = req;
    this.keywords = kw;
    this.never = nev;
    this.checked = chk;
  }

  /** The plan for {@code params}, which must all have a numeric form ({@link Param#hasNumericForm}). */
  static ArgumentPlan of(List<Param> params) {
    return new ArgumentPlan(params);
  }

  /** How many positions the plan reads. */
  int size() {
    return size;
  }

  /**
   * Reads the arguments in place when every one is either taken as it is, a keyword code, or a missing
   * optional one: writes the defaults and decoded keyword codes into {@code a} and answers {@code true}.
   * Otherwise answers {@code false} and leaves {@code a} exactly as it was.
   *
   * @param a at least {@link #size()} numbers, one per position; entries of missing positions are ignored
   * @param count how many positions the caller passed
   * @param missingMask bit i set when argument i is missing
   */
  boolean read(double[] a, int count, long missingMask) {
    if (count < 0 || count > size) {
      return false;
    }
    long given = (count == 64 ? -1L : (1L << count) - 1) & ~missingMask;
    long lacking = all & ~given;
    if ((lacking & required) != 0) {
      return false;
    }
    long odd;
    if (allFinite(a)) {
      odd = unusual(a, given & checked);
    } else {
      // the usual reason is a keyword given as text (its code a tagged NaN): decode those, look again
      long codes = decodeCodes(a, given & keywords);
      odd = codes != 0 && allFinite(a) ? unusual(a, given & checked & ~codes) : -1L;
      if (odd != 0) {
        encodeCodes(a, codes);
        odd = unusual(a, given);
      }
    }
    if (odd != 0 && !decodeKeywords(a, odd)) {
      return false;
    }
    for (long m = lacking; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      a[i] = defaults[i];
    }
    return true;
  }

  /**
   * For reading a call by value ({@link #fill}): the positions that take their default, or −1 when
   * the plan does not read this call that way (more than eight arguments given, a required one missing). Positions
   * past the eighth are lacking: only optional arguments a by-value body ignores may sit there (see
   * {@code SheetFunction.Builder#numericValues}).
   *
   * @param count how many positions the caller passed
   * @param missingMask bit i set when argument i is missing
   */
  long lackingByValue(int count, long missingMask) {
    if (count < 0 || count > size || count > 8) {
      return -1;
    }
    long lacking = all & ~(((1L << count) - 1) & ~missingMask);
    return (lacking & required) != 0 ? -1 : lacking;
  }

  /**
   * The positions {@link #fill} must look at for a call with {@code lacking} positions: those that take their
   * default, those whose number is not always taken as it is (keywords, dates, booleans) and those past the
   * last. Everywhere else it passes the number on: a plain number is taken when it is finite, which the caller
   * checks for all of them at once.
   */
  long filled(long lacking) {
    return lacking | keywords | checked | ~all;
  }

  /**
   * Position {@code i}'s number as {@link #read} leaves it when it reads the call (its default where it is
   * lacking, a keyword code decoded, any other number as it is), {@code NaN} where {@code read} would decline
   * the call, 0 past the last position. So {@code read} reads a call exactly when every number this gives is
   * finite, and gives the same numbers. Straight-line code for a caller that holds the arguments in registers
   * (with {@code i} a constant there): one bit test for a plain number.
   *
   * @param filled what {@link #filled} answered for the call
   * @param lacking what {@link #lackingByValue} answered (not −1)
   */
  double fill(int i, double x, long filled, long lacking) {
    return (filled & (1L << i)) == 0 ? x : fillSpecial(i, x, lacking);
  }

  private double fillSpecial(int i, double x, long lacking) {
    if (i >= size) {
      return 0.0;
    }
    if ((lacking & (1L << i)) != 0) {
      return defaults[i];
    }
    if ((never & (1L << i)) == 0 && asIs(i, x)) {
      return x;
    }
    return (keywords & (1L << i)) != 0 && Keyword.isCode(x) ? Keyword.fromNaN(x) : Double.NaN;
  }

  /**
   * Whether the first {@link #size} numbers of {@code a} are all finite, missing positions included
   * (a host passes 0 there; anything else costs at most a detour through {@link #unusual}). A sum is
   * finite only if every term is (a sum that overflows answers no, also only a detour). The first
   * eight terms are added without a loop: the common case is straight-line code whose outcome only
   * decides a branch.
   */
  private boolean allFinite(double[] a) {
    double s = 0;
    switch (Math.min(size, 8)) {
      case 8: s += a[7]; // fall through
      case 7: s += a[6]; // fall through
      case 6: s += a[5]; // fall through
      case 5: s += a[4]; // fall through
      case 4: s += a[3]; // fall through
      case 3: s += a[2]; // fall through
      case 2: s += a[1]; // fall through
      case 1: s += a[0]; // fall through
      default: break;
    }
    for (int i = 8; i < size; i++) {
      s += a[i];
    }
    return s - s == 0;
  }

  /** The positions of {@code positions} whose number is not taken as it is. */
  private long unusual(double[] a, long positions) {
    long odd = positions & never;
    for (long m = positions & ~never; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      if (!asIs(i, a[i])) {
        odd |= 1L << i;
      }
    }
    return odd;
  }

  /** Whether {@code x} lies in position {@code i}'s interval or is one of its exact values (not for {@link #never}). */
  private boolean asIs(int i, double x) {
    long bits = Double.doubleToRawLongBits(x);
    return x >= low[i] && x <= high[i] || bits == exactA[i] || bits == exactB[i];
  }

  /** Decodes in place every keyword code at the positions of {@code positions}; answers where it did. */
  private static long decodeCodes(double[] a, long positions) {
    long codes = 0;
    for (long m = positions; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      if (Keyword.isCode(a[i])) {
        a[i] = Keyword.fromNaN(a[i]);
        codes |= 1L << i;
      }
    }
    return codes;
  }

  /** Undoes {@link #decodeCodes}: the same tagged NaNs, bit for bit. */
  private static void encodeCodes(double[] a, long codes) {
    for (long m = codes; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      a[i] = Keyword.asNaN((int) a[i]);
    }
  }

  /** Decodes the keyword codes at the positions of {@code odd}, if that is all they are. */
  private boolean decodeKeywords(double[] a, long odd) {
    if ((odd & ~keywords) != 0) {
      return false;
    }
    for (long m = odd; m != 0; m &= m - 1) {
      if (!Keyword.isCode(a[Long.numberOfTrailingZeros(m)])) {
        return false;
      }
    }
    for (long m = odd; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      a[i] = Keyword.fromNaN(a[i]);
    }
    return true;
  }
}
