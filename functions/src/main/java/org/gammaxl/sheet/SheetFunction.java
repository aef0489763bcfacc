package org.gammaxl.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.gammaxl.InvalidInputException;

/**
 * A catalogue entry: an immutable description bound to its implementation. Built with
 * {@link #builder(String)}; the implementation is either a {@link NumericBody} (scalar numeric result,
 * which also gives the allocation-free {@link #invokeNumeric} path when every argument has a numeric
 * form) or a general {@link Body}.
 *
 * <p>Both entry points coerce arguments left to right with {@link Param}'s rules and stop at the first
 * problem, so {@code invoke} and {@code invokeNumeric} return the same value or the same error for the
 * same call. Neither throws: an {@link InvalidInputException} becomes the error of its kind, an
 * unexpected exception becomes {@code #VALUE!} or {@code #NUM!}, and the reason is kept for
 * {@link Diagnostics}.
 */
public final class SheetFunction implements WorksheetFunction {

  /** A scalar numeric implementation reading normalized arguments (defaults filled, keywords as codes). */
  @FunctionalInterface
  public interface NumericBody {
    /**
     * @param a one double per argument position; may be longer than the argument list
     * @return the result; {@code NaN} or infinity becomes {@code #NUM!}, a tagged NaN its error
     */
    double apply(double[] a);
  }

  /**
   * A scalar numeric implementation of at most eight arguments, read by value: the same contract as
   * {@link NumericBody} (arguments normalized, defaults filled, keywords as codes), with argument i as
   * parameter {@code ai}; parameters past the function's arguments are 0 and ignored. It must be a pure
   * function of its arguments (no side effects, no logging; throwing is fine): {@link #invokeValues} may
   * call it before checking the arguments, and discards what it returns or throws for arguments that need
   * the careful reading. Bound with {@link Builder#numericValues}, it serves both {@link #invokeNumeric}
   * (reading the array) and {@link #invokeValues} (straight from the caller's registers).
   */
  @FunctionalInterface
  public interface ValueBody {
    /** @return the result; {@code NaN} or infinity becomes {@code #NUM!}, a tagged NaN its error */
    double apply(double a0, double a1, double a2, double a3, double a4, double a5, double a6, double a7);
  }

  /** A general implementation. */
  @FunctionalInterface
  public interface Body {
    /**
     * @return a Double, String, Boolean, ExcelError, {@code double[][]} or {@code Object[][]}; in an
     *     array a {@code NaN} cell becomes {@code #N/A} (not defined here) and {@code null} an empty text
     */
    Object apply(Values values);
  }

  private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[64]);

  private final String name;
  private final String category;
  private final String description;
  private final String details;
  private final Param[] params;
  private final List<Argument> arguments;
  private final ResultShape shape;
  private final boolean threadSafe;
  private final boolean isVolatile;
  private final NumericBody numeric;
  /** The same implementation as {@link #numeric} by value, when the catalogue bound one and the plan reads it. */
  private final ValueBody values;
  /**
   * The general implementation: the function's only one, or (with {@link #numeric}) the one for calls that give
   * any of the optional range arguments of {@link #rangeMask}.
   */
  private final Body body;
  /**
   * Bit i: argument i is an optional range that the numeric body does not read (a function bound to both
   * {@code numeric()} and {@code body()}): a call that leaves every one out takes the numeric path.
   */
  private final long rangeMask;
  /**
   * Bit i: argument i is a number the numeric body reads that may also be given as a range
   * ({@link Param#numberOrTable}, e.g. a vol surface): a call that gives a range there takes the general body.
   */
  private final long tableMask;
  private final boolean fastPath;
  /** How {@link #invokeNumeric} reads the common call; {@code null} without a numeric fast path. */
  private final ArgumentPlan plan;
  private final List<List<Object>> examples;

  private SheetFunction(Builder b) {
    this.name = Objects.requireNonNull(b.name);
    this.category = Objects.requireNonNull(b.category, "category");
    this.description = Objects.requireNonNull(b.description, "description");
    this.details = b.details;
    this.params = b.params.toArray(new Param[0]);
    List<Argument> args = new ArrayList<>();
    for (Param p : params) {
      args.add(p.argument());
    }
    this.arguments = List.copyOf(args);
    this.numeric = b.numeric;
    this.body = b.body;
    if (numeric == null && body == null) {
      throw new IllegalStateException(name + ": bind numeric() or body()");
    }
    this.shape = numeric != null ? ResultShape.SCALAR : b.shape;
    this.threadSafe = b.threadSafe;
    this.isVolatile = b.isVolatile;
    boolean fast = numeric != null && params.length <= 64;
    boolean seenOptional = false;
    long ranges = 0;
    long tables = 0;
    for (int i = 0; i < params.length; i++) {
      Param p = params[i];
      if (p.takesTable() && numeric != null && body != null && i < 64) {
        tables |= 1L << i;
      }
      if (!p.hasNumericForm() && numeric != null && body != null && p.isOptional() && !p.isScalar() && i < 64) {
        ranges |= 1L << i; // left out, the numeric body serves the call; given, the general body does
      } else {
        fast &= p.hasNumericForm();
      }
      if (seenOptional && !p.isOptional()) {
        throw new IllegalStateException(name + ": required argument " + p.name() + " after an optional one");
      }
      seenOptional |= p.isOptional();
    }
    if (numeric != null && body != null && ranges == 0 && tables == 0) {
      throw new IllegalStateException(name + ": numeric() and body() together need optional range arguments");
    }
    this.rangeMask = ranges;
    this.tableMask = tables;
    this.fastPath = fast;
    this.plan = fast ? ArgumentPlan.of(List.of(params)) : null;
    for (int i = 8; b.values != null && i < params.length; i++) {
      if ((ranges & (1L << i)) == 0) {
        throw new IllegalStateException(name + ": numericValues() serves at most 8 arguments (and optional ranges"
            + " after them), not " + params.length);
      }
    }
    this.values = plan != null ? b.values : null;
    this.examples = List.copyOf(b.examples);
  }

  /** Starts a description of the worksheet function {@code name}, e.g. {@code GX.DELTA}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String category() {
    return category;
  }

  @Override
  public String description() {
    return description;
  }

  /** Longer notes for the reference documentation (Markdown), or empty. */
  public String details() {
    return details;
  }

  /** Example calls for the reference documentation, each one value per argument. */
  public List<List<Object>> examples() {
    return examples;
  }

  /** The arguments with their coercion rules. */
  public List<Param> params() {
    return List.of(params);
  }

  @Override
  public List<Argument> arguments() {
    return arguments;
  }

  @Override
  public ResultShape resultShape() {
    return shape;
  }

  @Override
  public boolean threadSafe() {
    return threadSafe;
  }

  @Override
  public boolean isVolatile() {
    return isVolatile;
  }

  @Override
  public boolean numericFastPath() {
    return fastPath;
  }

  @Override
  public Object invoke(Object[] args) {
    Object[] given = args == null ? new Object[0] : args;
    try {
      checkCount(given.length);
      if (numeric != null && (body == null || !givesRange(given))) {
        double[] a = new double[params.length];
        for (int i = 0; i < params.length; i++) {
          a[i] = params[i].toNumber(i < given.length ? given[i] : Empty.MISSING);
        }
        double r = finish(numeric.apply(a));
        ExcelError e = ExcelError.fromNaN(r);
        return e != null ? e : (Object) r;
      }
      Object[] v = new Object[params.length];
      for (int i = 0; i < params.length; i++) {
        v[i] = params[i].coerce(i < given.length ? given[i] : Empty.MISSING);
      }
      return sanitize(body.apply(new Values(params, v)));
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return failure(e);
    }
  }

  /**
   * Whether a call gives any argument of {@link #rangeMask} (not left out, not an empty argument), or a range of more
   * than one cell for an argument of {@link #tableMask}.
   */
  private boolean givesRange(Object[] given) {
    for (long m = rangeMask; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      if (i < given.length && given[i] != null && given[i] != Empty.MISSING) {
        return true;
      }
    }
    for (long m = tableMask; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      if (i < given.length && Param.isRange(given[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * The catalogue's error value for what reading the arguments or the body threw, with its log line: a propagated
   * Excel error as itself, an {@link InvalidInputException} by its kind, anything else as an internal error
   * ({@link Diagnostics#unexpected}).
   */
  private ExcelError failure(Throwable e) {
    if (e instanceof PropagatedError propagated) {
      return Diagnostics.propagated(name, propagated);
    }
    if (e instanceof InvalidInputException invalid) {
      return Diagnostics.invalid(name, invalid);
    }
    return Diagnostics.unexpected(name, e);
  }

  /**
   * {@inheritDoc}
   *
   * <p>When {@code args.length} is at least {@code arguments().size()}, the defaults of missing
   * arguments are written into {@code args} at their positions (entries the caller said to ignore)
   * and nothing is allocated; otherwise a per-thread scratch array is used. A blank cell has no
   * numeric form: pass it through {@link #invoke}, or set its missing bit when the argument is
   * optional (a blank optional argument takes its default). A function without a numeric fast path
   * is called through {@link #invoke} with the numbers boxed.
   *
   * <p>The common call (every number taken as it is, keyword codes, missing optional arguments) is
   * read by the function's {@link ArgumentPlan}; anything else is read argument by argument in order
   * with {@link Param}'s rules, which name the first problem. This method is kept small so that a
   * host's call site can inline it.
   */
  @Override
  public double invokeNumeric(double[] args, int count, long missingMask) {
    if (plan != null && args.length >= plan.size() && plan.read(args, count, missingMask)) {
      return evaluate(args);
    }
    return readCarefully(args, count, missingMask);
  }

  /**
   * {@inheritDoc}
   *
   * <p>With a {@link ValueBody}, a call the {@link ArgumentPlan} reads (numbers taken as they are, keyword
   * codes, missing optional arguments) is read and computed in registers; anything else goes through
   * {@code spill} to {@link #invokeNumeric}, which reads it one argument at a time and names the problem.
   * Nothing is allocated on either way.
   */
  @Override
  public double invokeValues(int count, long missingMask, double[] spill, double a0, double a1, double a2,
      double a3, double a4, double a5, double a6, double a7) {
    long lacking = values == null ? -1 : plan.lackingByValue(count, missingMask);
    if (lacking != -1) {
      ArgumentPlan p = plan;
      long filled = p.filled(lacking);
      double b0 = p.fill(0, a0, filled, lacking);
      double b1 = p.fill(1, a1, filled, lacking);
      double b2 = p.fill(2, a2, filled, lacking);
      double b3 = p.fill(3, a3, filled, lacking);
      double b4 = p.fill(4, a4, filled, lacking);
      double b5 = p.fill(5, a5, filled, lacking);
      double b6 = p.fill(6, a6, filled, lacking);
      double b7 = p.fill(7, a7, filled, lacking);
      double r;
      Throwable thrown = null;
      try {
        // the body first and whether the plan took every number after: the sum below runs while the body's
        // arithmetic waits on its own latency (the body is pure; what it computes from a number the plan
        // declined, a NaN, is discarded)
        r = values.apply(b0, b1, b2, b3, b4, b5, b6, b7);
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        r = Double.NaN;
        thrown = e;
      }
      // the plan reads the call exactly when every number it gave is finite (a sum of finite numbers that
      // overflows only sends a call it reads to the array path, which reads it there)
      double sum = ((b0 + b1) + (b2 + b3)) + ((b4 + b5) + (b6 + b7));
      if (sum - sum == 0) {
        r = thrown == null ? finish(r) : failure(thrown).asNaN();
        if (!Double.isFinite(r)) { // an error: the caller's log shows the arguments from spill
          WorksheetFunction.spill(spill, a0, a1, a2, a3, a4, a5, a6, a7);
        }
        return r;
      }
    }
    WorksheetFunction.spill(spill, a0, a1, a2, a3, a4, a5, a6, a7);
    return invokeNumeric(spill, count, missingMask);
  }

  /** The body on arguments already read, its result {@link #finish finished}; never throws. */
  private double evaluate(double[] a) {
    try {
      return finish(numeric.apply(a));
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return failure(e).asNaN();
    }
  }

  /** {@link #invokeNumeric} for a call the plan does not read: one argument at a time, in order. */
  private double readCarefully(double[] args, int count, long missingMask) {
    if (!fastPath) {
      return boxed(args, count, missingMask);
    }
    double[] a = args.length < params.length ? SCRATCH.get() : args;
    try {
      checkCount(count);
      if (a != args) {
        System.arraycopy(args, 0, a, 0, Math.min(args.length, count));
      }
      long given = (count >= 64 ? -1L : (1L << count) - 1) & ~missingMask;
      if ((given & rangeMask) != 0) { // a number where a range may go (one dividend as two numbers): the body reads it
        return boxed(args, count, missingMask);
      }
      for (int i = 0; i < params.length; i++) {
        Param p = params[i];
        if ((given & (1L << i)) == 0) {
          a[i] = p.missingNumber(false);
        } else {
          double x = a[i];
          if (x != x && ExcelError.fromNaN(x) != null) {
            throw new PropagatedError(p.name(), ExcelError.fromNaN(x));
          }
          a[i] = p.fromFastNumber(x);
        }
      }
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return failure(e).asNaN();
    }
    return evaluate(a);
  }

  @Override
  public double textAsNumber(int argument, String text) {
    if (!fastPath || argument < 0 || argument >= params.length || text == null) {
      return Double.NaN;
    }
    return params[argument].textAsNumber(text);
  }

  private double boxed(double[] args, int count, long missingMask) {
    Object[] boxed = new Object[count];
    for (int i = 0; i < count; i++) {
      boolean missing = i < 64 && (missingMask & (1L << i)) != 0;
      ExcelError e = missing ? null : ExcelError.fromNaN(args[i]);
      Keyword k = i < params.length ? params[i].keyword() : null;
      boxed[i] = missing ? Empty.MISSING : e != null ? e
          : k != null && Keyword.isCode(args[i]) ? k.textOf(Keyword.fromNaN(args[i])) : (Object) args[i];
    }
    Object r = invoke(boxed);
    if (r instanceof Double) {
      return (Double) r;
    }
    if (r instanceof ExcelError) {
      return ((ExcelError) r).asNaN();
    }
    if (r instanceof Boolean) {
      return ((Boolean) r) ? 1.0 : 0.0;
    }
    return Diagnostics.fail(name, ExcelError.VALUE, "the result is not a number; call through invoke()").asNaN();
  }

  private void checkCount(int count) {
    if (count > params.length) {
      throw InvalidInputException.type(name, "takes at most " + params.length + " arguments, got " + count);
    }
  }

  private double finish(double r) {
    if (Double.isFinite(r)) {
      return r;
    }
    if (r != r) {
      ExcelError e = ExcelError.fromNaN(r);
      if (e != null) {
        return r;
      }
    }
    return Diagnostics.fail(name, ExcelError.NUM, "the result is not a finite number (" + r + ")").asNaN();
  }

  private Object sanitize(Object r) {
    if (r instanceof Double) {
      double x = finish((Double) r);
      ExcelError e = ExcelError.fromNaN(x);
      return e != null ? e : (Object) x;
    }
    if (r instanceof Number) {
      return sanitize(((Number) r).doubleValue());
    }
    if (r instanceof String || r instanceof Boolean || r instanceof ExcelError) {
      return r;
    }
    if (r instanceof double[][]) {
      double[][] d = (double[][]) r;
      Object[][] out = new Object[d.length][];
      for (int i = 0; i < d.length; i++) {
        out[i] = new Object[d[i].length];
        for (int j = 0; j < d[i].length; j++) {
          out[i][j] = cell(d[i][j]);
        }
      }
      return out;
    }
    if (r instanceof Object[][]) {
      Object[][] a = (Object[][]) r;
      Object[][] out = new Object[a.length][];
      for (int i = 0; i < a.length; i++) {
        out[i] = new Object[a[i].length];
        for (int j = 0; j < a[i].length; j++) {
          Object c = a[i][j];
          out[i][j] = c == null ? "" : c instanceof Number ? cell(((Number) c).doubleValue()) : c;
        }
      }
      return out;
    }
    return Diagnostics.fail(name, ExcelError.VALUE, "internal error: unexpected result " + r);
  }

  private static Object cell(double x) {
    if (Double.isFinite(x)) {
      return x;
    }
    ExcelError e = ExcelError.fromNaN(x);
    return e != null ? e : x != x ? ExcelError.NA : ExcelError.NUM;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(name).append('(');
    for (int i = 0; i < params.length; i++) {
      b.append(i == 0 ? "" : ", ").append(params[i].isOptional() ? "[" + params[i].name() + "]" : params[i].name());
    }
    return b.append(')').toString();
  }

  /** Describes and binds one function; {@link #build()} checks it. */
  public static final class Builder {
    private final String name;
    private String category;
    private String description;
    private String details = "";
    private final List<Param> params = new ArrayList<>();
    private ResultShape shape = ResultShape.SCALAR;
    private boolean threadSafe = true;
    private boolean isVolatile;
    private NumericBody numeric;
    private ValueBody values;
    private Body body;
    private final List<List<Object>> examples = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Function Wizard category. */
    public Builder category(String category) {
      this.category = category;
      return this;
    }

    /** One line, at most 255 characters, units stated. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Longer Markdown notes for docs/functions.md. */
    public Builder details(String details) {
      this.details = details;
      return this;
    }

    /** The arguments, in order. */
    public Builder args(Param... params) {
      this.params.addAll(Arrays.asList(params));
      return this;
    }

    /** An array result (general bodies only). */
    public Builder array() {
      this.shape = ResultShape.ARRAY;
      return this;
    }

    /** Not safe for multi-threaded recalculation. */
    public Builder notThreadSafe() {
      this.threadSafe = false;
      return this;
    }

    /** Recalculated on every calculation. */
    public Builder volatileFunction() {
      this.isVolatile = true;
      return this;
    }

    /**
     * A documented example call, one value per argument (fewer leaves the rest out). A lone
     * {@code Object[][]} is one range argument, not the argument list.
     */
    public Builder example(Object... args) {
      Object[] list = args instanceof Object[][] ? new Object[] {args} : args;
      this.examples.add(Arrays.asList(list));
      return this;
    }

    /** Binds a scalar numeric implementation. */
    public Builder numeric(NumericBody body) {
      this.numeric = body;
      return this;
    }

    /**
     * Binds a scalar numeric implementation of at most eight arguments that reads them by value (see
     * {@link ValueBody}); it also serves the array path, so it is the function's only implementation.
     */
    public Builder numericValues(ValueBody body) {
      this.values = body;
      this.numeric = a -> body.apply(at(a, 0), at(a, 1), at(a, 2), at(a, 3), at(a, 4), at(a, 5), at(a, 6), at(a, 7));
      return this;
    }

    private static double at(double[] a, int i) {
      return i < a.length ? a[i] : 0.0;
    }

    /**
     * Binds a general implementation. Together with {@link #numeric} or {@link #numericValues}, the function's
     * optional range arguments (series or tables, e.g. {@code GX.PRICE}'s dividends) are read only by this body: a
     * call that leaves them all out takes the numeric implementation and its fast path, any other call this body
     * (which then serves every argument).
     */
    public Builder body(Body body) {
      this.body = body;
      return this;
    }

    public SheetFunction build() {
      return new SheetFunction(this);
    }
  }
}
