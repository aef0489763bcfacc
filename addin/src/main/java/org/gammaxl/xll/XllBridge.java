package org.gammaxl.xll;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gammaxl.InvalidInputException;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.sheet.WorksheetFunction;

/**
 * The Java end of the XLL shim. The shim calls the static methods by JNI; each delegates to the
 * active bridge, which dispatches to the catalogue and guarantees that no exception ever reaches
 * Excel and that every result is one of the values the shim can marshal.
 *
 * <p>Two call paths:
 *
 * <ul>
 *   <li>{@link #callSlot}: every argument a number, missing, or text with a numeric form for its
 *       position ({@link #textAsNumber}: keywords such as the option type, ISO dates). Each calling
 *       thread owns a slot ({@link #attach}): a native buffer of doubles the shim writes the
 *       arguments into, and a {@code double[]} they are copied to here; with the missing mask the
 *       call passes only four integers, the result is a double whose tagged NaNs carry Excel errors
 *       ({@link ExcelError#asNaN()}). Nothing is allocated on the way. On Java 22 and later the shim
 *       calls it through a foreign-function upcall stub ({@link #upcall}), about 35 ns cheaper than a
 *       JNI {@code CallStaticDoubleMethod}; on Java 17–21 by JNI. The shim
 *       asks {@link #textAsNumber} once per thread for each (function, position, text) it meets and
 *       keeps the answer in a small per-thread cache; it never reads the text itself.
 *   <li>{@link #call}: anything else. The arguments arrive as host-neutral values (Double, Boolean,
 *       String, ExcelError, Empty, {@code Object[][]}), the result is returned {@link #normalize
 *       normalized}: Double (finite), Boolean, String (at most 32,767 characters), ExcelError, Empty.BLANK
 *       or a rectangular, non-empty {@code Object[][]} of those scalars.
 * </ul>
 */
public final class XllBridge {
  /** Excel's longest cell text. */
  public static final int MAX_STRING = 32_767;
  /** System property naming a {@code Supplier<List<WorksheetFunction>>} served instead of the catalogue (test hosts). */
  public static final String FUNCTIONS_PROPERTY = "gammaxl.xll.functions";

  /** The payload bits where the catalogue's tagged NaNs (errors, keyword codes) carry their marker. */
  private static final long NAN_MARKER = 0x0000_FFFF_0000_0000L;

  private static volatile XllBridge active;
  /** The calling threads' argument buffers, indexed by slot; replaced (never mutated) under the class lock. */
  private static volatile Slot[] slots = new Slot[0];
  /** {@code slots[i].args} for each slot i, one load nearer for {@link #callValues}; replaced together with slots. */
  private static volatile double[][] slotArgs = new double[0][];
  /** The upcall stub's address, made once per JVM (it calls {@link #callSlot}, which reads {@link #active}). */
  private static long upcallAddress;
  /** The same for {@link #callValues}. */
  private static long upcallValuesAddress;

  private final WorksheetFunction[] functions;
  private final BridgeLog log;

  /** A bridge over {@code functions}, logging to {@code log}. */
  public XllBridge(List<WorksheetFunction> functions, BridgeLog log) {
    this.functions = functions.toArray(new WorksheetFunction[0]);
    this.log = Objects.requireNonNull(log, "log");
  }

  // ---------------------------------------------------------------- static entry points (JNI and upcalls)

  /**
   * Called once by the shim's start-up thread: makes the bridge over the catalogue (or the
   * functions named by {@value #FUNCTIONS_PROPERTY}) active.
   *
   * @param logPath the add-in's log file
   * @return how many functions are served
   */
  public static int start(String logPath) {
    List<WorksheetFunction> fs = RegistrationExporter.FunctionSource.load(System.getProperty(FUNCTIONS_PROPERTY));
    XllBridge b = new XllBridge(fs, new BridgeLog(logPath, fs.size()));
    b.log.capture("org.gammaxl");
    b.log.info("bridge started: " + fs.size() + " functions, Java " + System.getProperty("java.version")
        + " (" + System.getProperty("java.vm.name") + ", " + System.getProperty("os.arch") + ")");
    synchronized (XllBridge.class) {
      slots = new Slot[0]; // the shim's buffers of an earlier opening are gone
      slotArgs = new double[0][];
    }
    active = b;
    return fs.size();
  }

  /** The index of the function registered as {@code name}, or -1. */
  public static int bind(String name) {
    return active.indexOf(name);
  }

  /**
   * Gives the calling thread a slot over {@code arguments}, the shim's per-thread native buffer of
   * doubles (a direct buffer the shim made with {@code NewDirectByteBuffer}; it stays valid until the
   * add-in closes, and {@link #start} forgets every slot).
   *
   * @return the slot number to pass to {@link #callSlot}
   */
  public static synchronized int attach(ByteBuffer arguments) {
    Slot[] old = slots;
    Slot[] grown = Arrays.copyOf(old, old.length + 1);
    grown[old.length] = new Slot(arguments.duplicate().order(ByteOrder.nativeOrder()));
    double[][] args = Arrays.copyOf(slotArgs, grown.length);
    args[old.length] = grown[old.length].args;
    slotArgs = args; // before slots: a slot number is handed out only after both are published
    slots = grown;
    return old.length;
  }

  /**
   * The fast path: function {@code index} on the first {@code count} doubles of the slot's buffer.
   * Never throws (an exception that escaped an upcall would end the process): anything unexpected is
   * logged and answered with {@code #VALUE!} as a tagged NaN.
   */
  public static double callSlot(int index, int slot, int count, long missingMask) {
    try {
      Slot s = slots[slot];
      double[] a = s.args;
      ByteBuffer in = s.in;
      for (int i = 0; i < count; i++) {
        a[i] = in.getDouble(i << 3);
      }
      return active.numeric(index, a, count, missingMask);
    } catch (Throwable t) {
      return failed(index, slot, t);
    }
  }

  /**
   * The fast path with the first eight arguments passed by value ({@code count} ≤ 8; the rest of
   * {@code a0 … a7} is ignored): what the upcall stub calls, so that nothing is read from memory.
   * (Not by JNI: {@code CallStaticDoubleMethod} reads its arguments against the signature one by one,
   * and twelve of them cost more than {@link #callSlot}'s buffer.)
   * Never throws, like {@link #callSlot}.
   */
  public static double callValues(int index, int slot, int count, long missingMask,
      double a0, double a1, double a2, double a3, double a4, double a5, double a6, double a7) {
    try {
      return active.numericValues(index, slotArgs[slot], count, missingMask, a0, a1, a2, a3, a4, a5, a6, a7);
    } catch (Throwable t) {
      return failed(index, slot, t);
    }
  }

  private static double failed(int index, int slot, Throwable t) {
    try {
      XllBridge b = active;
      if (b != null) {
        b.log.error(index, () -> "fast call on slot " + slot + " failed: " + t);
      }
    } catch (Throwable ignored) {
      // nothing more can be done without risking the process
    }
    return ExcelError.VALUE.asNaN();
  }

  /**
   * The address of a native function {@code double f(int index, int slot, int count, long missingMask)}
   * that calls {@link #callSlot}: a foreign-function upcall stub (java.lang.foreign, Java 22 and
   * later), reached by reflection so that this class still runs on Java 17. The JVM attaches the
   * calling thread itself if needed; the shim attaches its calculation threads by JNI first anyway.
   *
   * @param mode {@code "jni"} to refuse (the shim then calls by JNI), anything else to try
   * @return the address, or 0 when the runtime has no foreign-function API or {@code mode} refuses
   */
  public static synchronized long upcall(String mode) {
    XllBridge b = active;
    if ("jni".equalsIgnoreCase(mode == null ? "" : mode.trim())) {
      if (b != null) {
        b.log.info("calls: JNI (calls = jni in gammaxl.cfg)");
      }
      return 0;
    }
    if (upcallAddress == 0 && Runtime.version().feature() >= 22) {
      try {
        upcallValuesAddress = makeUpcall("callValues", 8);
        upcallAddress = makeUpcall("callSlot", 0);
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        if (b != null) {
          b.log.info("calls: JNI (no upcall stub on Java " + Runtime.version() + ": " + e + ")");
        }
        return 0;
      }
    }
    if (b != null) {
      b.log.info(upcallAddress != 0 ? "calls: foreign-function upcall (Java " + Runtime.version().feature() + ")"
          : "calls: JNI (Java " + Runtime.version().feature() + " has no foreign-function API; 22 or later has)");
    }
    return upcallAddress;
  }

  /**
   * The address of a native function that calls {@link #callValues} (arguments ≤ 8 by value), or 0;
   * valid after {@link #upcall} returned an address.
   */
  public static synchronized long upcallValues() {
    return upcallAddress == 0 ? 0 : upcallValuesAddress;
  }

  /** An upcall stub for static method {@code name}(int, int, int, long, {@code doubles} × double). */
  private static long makeUpcall(String name, int doubles) throws ReflectiveOperationException {
    Class<?>[] params = new Class<?>[4 + doubles];
    params[0] = int.class;
    params[1] = int.class;
    params[2] = int.class;
    params[3] = long.class;
    Arrays.fill(params, 4, params.length, double.class);
    MethodHandle target = MethodHandles.lookup().findStatic(XllBridge.class, name,
        MethodType.methodType(double.class, params));
    Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
    Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
    Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
    Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
    Class<?> arenaClass = Class.forName("java.lang.foreign.Arena");
    Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
    Class<?> segmentClass = Class.forName("java.lang.foreign.MemorySegment");
    Object jInt = valueLayout.getField("JAVA_INT").get(null);
    Object jLong = valueLayout.getField("JAVA_LONG").get(null);
    Object jDouble = valueLayout.getField("JAVA_DOUBLE").get(null);
    Object argLayouts = Array.newInstance(layoutClass, params.length);
    for (int i = 0; i < params.length; i++) {
      Array.set(argLayouts, i, params[i] == int.class ? jInt : params[i] == long.class ? jLong : jDouble);
    }
    Object descriptor = descriptorClass.getMethod("of", layoutClass, argLayouts.getClass())
        .invoke(null, jDouble, argLayouts);
    Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
    Object arena = arenaClass.getMethod("global").invoke(null);
    Object stub = linkerClass.getMethod("upcallStub", MethodHandle.class, descriptorClass, arenaClass,
        Array.newInstance(optionClass, 0).getClass())
        .invoke(linker, target, descriptor, arena, Array.newInstance(optionClass, 0));
    return (long) segmentClass.getMethod("address").invoke(stub);
  }

  /** One calling thread's argument buffer and the array its arguments are copied to. */
  private static final class Slot {
    final ByteBuffer in;
    final double[] args;

    Slot(ByteBuffer in) {
      this.in = in;
      this.args = new double[in.capacity() / Double.BYTES];
    }
  }

  /**
   * The numeric-path form of text given as argument {@code argument} of function {@code index}, for
   * the shim's text cache; see {@link #numericForm(WorksheetFunction, int, String)}.
   */
  public static double textAsNumber(int index, int argument, String text) {
    return active.textNumber(index, argument, text);
  }

  /** The general path; see {@link #invoke(int, Object[])}. */
  public static Object call(int index, Object[] args) {
    return active.invoke(index, args);
  }

  /** The error with C API code {@code code} ({@code #N/A} for an unknown code), for the shim. */
  public static Object error(int code) {
    ExcelError e = ExcelError.fromCode(code);
    return e == null ? ExcelError.NA : e;
  }

  /** {@link Empty#MISSING}, for the shim. */
  public static Object missing() {
    return Empty.MISSING;
  }

  /** {@link Empty#BLANK}, for the shim. */
  public static Object blank() {
    return Empty.BLANK;
  }

  /** The C API code of an {@link ExcelError} result, for the shim. */
  public static int errorCode(Object error) {
    return ((ExcelError) error).code();
  }

  /** Logs a line from the shim (through the active bridge when there is one). */
  public static void logFromShim(String message) {
    XllBridge b = active;
    if (b != null) {
      b.log.info(message);
    }
  }

  // ---------------------------------------------------------------- instance

  /** The index of {@code name} (case-insensitive, {@code _xll.} prefix accepted), or -1. */
  public int indexOf(String name) {
    String key = name.toUpperCase(Locale.ROOT);
    if (key.startsWith("_XLL.")) {
      key = key.substring(5);
    }
    for (int i = 0; i < functions.length; i++) {
      if (functions[i].name().equalsIgnoreCase(key)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Calls function {@code index} on numbers.
   *
   * @return the result, or an error as a tagged NaN: the function's own, {@code #NUM!} for any other
   *     non-finite result, or the catalogue's error for an exception (logged)
   */
  public double numeric(int index, double[] args, int count, long missingMask) {
    WorksheetFunction f = functions[index];
    double r;
    try {
      r = f.invokeNumeric(args, count, missingMask);
    } catch (Throwable t) {
      return threw(index, f, t, args, count, missingMask);
    }
    return Double.isFinite(r) ? r : error(index, f, r, args, count, missingMask);
  }

  /**
   * {@link #numeric} with the first eight arguments by value ({@link WorksheetFunction#invokeValues}): a function
   * with a by-value body computes straight from them, any other call goes through {@code spill}.
   */
  public double numericValues(int index, double[] spill, int count, long missingMask, double a0, double a1,
      double a2, double a3, double a4, double a5, double a6, double a7) {
    WorksheetFunction f = functions[index];
    double r;
    try {
      r = f.invokeValues(count, missingMask, spill, a0, a1, a2, a3, a4, a5, a6, a7);
    } catch (Throwable t) {
      return threw(index, f, t, spill, count, missingMask);
    }
    return Double.isFinite(r) ? r : error(index, f, r, spill, count, missingMask);
  }

  /** A numeric call that threw (a function never should): logged with its arguments, answered with its error. */
  private double threw(int index, WorksheetFunction f, Throwable t, double[] args, int count, long missingMask) {
    ExcelError e = errorFor(t);
    log.error(index, () -> describe(f, boxed(args, count, missingMask)) + " threw " + t + " -> " + e.text());
    return e.asNaN();
  }

  /** A numeric call's error result {@code r} (a tagged NaN, else {@code #NUM!}): logged with its arguments. */
  private double error(int index, WorksheetFunction f, double r, double[] args, int count, long missingMask) {
    ExcelError e = ExcelError.fromNaN(r);
    ExcelError shown = e == null ? ExcelError.NUM : e;
    log.error(index, () -> describe(f, boxed(args, count, missingMask)) + " -> " + shown.text());
    return shown.asNaN();
  }

  /** {@link #numericForm} for function {@code index}; a failure is logged and answered with {@link Double#NaN}. */
  public double textNumber(int index, int argument, String text) {
    WorksheetFunction f = functions[index];
    try {
      return numericForm(f, argument, text);
    } catch (Throwable t) {
      log.error(index, () -> f.name() + ": textAsNumber(" + argument + ", " + show(text) + ") threw " + t);
      return Double.NaN;
    }
  }

  /**
   * What {@code f.textAsNumber(argument, text)} says, in the form the shim caches: the number to pass
   * to {@link WorksheetFunction#invokeNumeric} (keyword codes keep their tagged-NaN bits), or exactly
   * {@link Double#NaN} when the call must take {@link WorksheetFunction#invoke}: the function has no
   * fast path, the text has no numeric form in that position, or the answer is an untagged NaN or an
   * Excel error's NaN.
   */
  public static double numericForm(WorksheetFunction f, int argument, String text) {
    if (!f.numericFastPath() || text == null) {
      return Double.NaN;
    }
    double d = f.textAsNumber(argument, text);
    if (d == d) {
      return d;
    }
    // a keyword code is a NaN tagged with a marker in payload bits 32-47 (as ExcelError's are); any
    // other NaN is untagged and means "no numeric form"
    boolean tagged = (Double.doubleToRawLongBits(d) & NAN_MARKER) != 0;
    return tagged && ExcelError.fromNaN(d) == null ? d : Double.NaN;
  }

  /** Calls function {@code index} on host-neutral values and returns its {@link #normalize normalized} result. */
  public Object invoke(int index, Object[] args) {
    WorksheetFunction f = functions[index];
    Object r;
    try {
      r = normalize(f.invoke(args));
    } catch (Throwable t) {
      ExcelError e = errorFor(t);
      log.error(index, () -> describe(f, args) + " threw " + t + " -> " + e.text());
      return e;
    }
    if (r instanceof ExcelError e) {
      log.error(index, () -> describe(f, args) + " -> " + e.text());
    }
    return r;
  }

  /**
   * A function result in the shape the shim marshals: null becomes {@code #N/A}; a non-finite number
   * {@code #NUM!} (or the error its NaN carries); other numbers Double; text is cut to 32,767
   * characters; an array becomes a rectangular {@code Object[][]} (short rows padded with
   * {@code #N/A}, an empty array {@code #N/A}); {@link Empty} becomes {@link Empty#BLANK} (an empty cell);
   * anything else {@code #VALUE!}.
   */
  public static Object normalize(Object r) {
    if (r instanceof Object[][] || r instanceof double[][] || r instanceof Object[] || r instanceof double[]) {
      return normalizeArray(r);
    }
    return scalar(r);
  }

  private static Object scalar(Object r) {
    if (r == null) {
      return ExcelError.NA;
    }
    if (r instanceof Double d) {
      return number(d);
    }
    if (r instanceof Number n) {
      return number(n.doubleValue());
    }
    if (r instanceof String s) {
      return s.length() <= MAX_STRING ? s : Registration.cut(s, MAX_STRING);
    }
    if (r instanceof Empty) {
      return Empty.BLANK; // an empty result cell: Excel's xltypeNil
    }
    if (r instanceof Boolean || r instanceof ExcelError) {
      return r;
    }
    return ExcelError.VALUE;
  }

  private static Object number(double d) {
    if (Double.isFinite(d)) {
      return d;
    }
    ExcelError e = ExcelError.fromNaN(d);
    return e == null ? ExcelError.NUM : e;
  }

  private static Object normalizeArray(Object r) {
    Object[] rows = r instanceof Object[][] || r instanceof double[][]
        ? (Object[]) r
        : new Object[] {r};
    int cols = 0;
    for (Object row : rows) {
      cols = Math.max(cols, row == null ? 0 : Array.getLength(row));
    }
    if (rows.length == 0 || cols == 0) {
      return ExcelError.NA;
    }
    Object[][] out = new Object[rows.length][cols];
    for (int i = 0; i < rows.length; i++) {
      Arrays.fill(out[i], ExcelError.NA);
      Object row = rows[i];
      int n = row == null ? 0 : Array.getLength(row);
      for (int j = 0; j < n; j++) {
        Object v = Array.get(row, j);
        out[i][j] = v instanceof Object[] || v instanceof double[] ? ExcelError.VALUE : scalar(v);
      }
    }
    return out;
  }

  /** The catalogue's error for an exception: see {@link InvalidInputException.Kind}. */
  static ExcelError errorFor(Throwable t) {
    if (t instanceof InvalidInputException iie) {
      switch (iie.kind()) {
        case DOMAIN:
          return ExcelError.NUM;
        case NOT_AVAILABLE:
          return ExcelError.NA;
        default:
          return ExcelError.VALUE;
      }
    }
    return ExcelError.VALUE;
  }

  private static Object[] boxed(double[] args, int count, long missingMask) {
    Object[] b = new Object[count];
    for (int i = 0; i < count; i++) {
      b[i] = i < 64 && (missingMask & (1L << i)) != 0 ? Empty.MISSING : (Object) args[i];
    }
    return b;
  }

  /** {@code GX.NAME(arg, …)} with values shown as a trader would type them. */
  static String describe(WorksheetFunction f, Object[] args) {
    StringBuilder b = new StringBuilder(f.name()).append('(');
    for (int i = 0; i < args.length; i++) {
      b.append(i > 0 ? ", " : "").append(show(args[i]));
    }
    return b.append(')').toString();
  }

  private static String show(Object v) {
    if (v instanceof String s) {
      return '"' + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + '"';
    }
    if (v instanceof ExcelError e) {
      return e.text();
    }
    if (v == Empty.MISSING) {
      return "";
    }
    if (v == Empty.BLANK) {
      return "<blank>";
    }
    if (v instanceof Object[][] a) {
      return "{" + a.length + "x" + (a.length == 0 ? 0 : a[0].length) + " array}";
    }
    return String.valueOf(v);
  }
}
