package org.gammaxl.xll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gammaxl.sheet.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shim and the host built with AddressSanitizer and LeakSanitizer: a randomized XLOPER12 fuzz
 * loop (bounded in time, fixed seeds) over every registered function, and open/close cycles. Every
 * argument is allocated at its exact size, so a read outside an argument is reported; the host
 * exits non-zero on any ASan error or leak. The JVM's own allocations are suppressed by library
 * name; the shim is unloaded before the leak check, so anything it still held is reported.
 */
class AsanFuzzIT {
  @TempDir Path dir;

  Map<String, String> sanitizerEnv() throws Exception {
    Path supp = dir.resolve("lsan.supp");
    Files.writeString(supp, String.join("\n", "leak:libjvm.so", "leak:libjava.so", "leak:libzip.so", "leak:libz.so",
        "leak:libnio.so", "leak:libnet.so", ""));
    return Map.of(
        // the JVM handles SIGSEGV itself (safepoints, implicit null checks)
        "ASAN_OPTIONS", "handle_segv=0:allow_user_segv_handler=1:detect_leaks=1:abort_on_error=0",
        // JVM thread stacks have guard pages the leak tracer cannot read; roots in the shim are globals
        "LSAN_OPTIONS", "suppressions=" + supp + ":use_stacks=0:use_tls=0:print_suppressions=0");
  }

  @Test
  void fuzzTheTestFunctions() throws Exception {
    Path module = Host.addinFolder(dir, "asan", true);
    List<String> out = Host.linux("asan", module, sanitizerEnv(), "fuzz", "6", "20261123");
    String[] f = Host.line(out, "FUZZ");
    System.out.println("[AsanFuzzIT] " + String.join(" ", f));
    assertEquals("0", Host.field(f, "malformed"));
    assertTrue(Long.parseLong(Host.field(f, "calls")) > 1000, String.join(" ", f));
    assertEquals("0", Host.field(Host.line(out, "CLOSE"), "excel_allocs"));
  }

  @Test
  void fuzzTheCatalogue() throws Exception {
    Path module = Host.addinFolder(dir, "asan", false);
    List<String> out = Host.linux("asan", module, sanitizerEnv(), "fuzz", "6", "424242");
    String[] f = Host.line(out, "FUZZ");
    System.out.println("[AsanFuzzIT] " + String.join(" ", f));
    assertEquals(String.valueOf(Catalogue.standard().functions().size()), Host.field(f, "functions"));
    assertEquals("0", Host.field(f, "malformed"));
    // half the calls look like a trader's: keyword text reaches the fast path and the cache fills and evicts
    String[] c = Host.line(out, "COUNTERS");
    System.out.println("[AsanFuzzIT] " + String.join(" ", c));
    assertTrue(Long.parseLong(Host.field(c, "numeric_text")) > 0, String.join(" ", c));
    assertTrue(Long.parseLong(Host.field(c, "text_evictions")) > 0, String.join(" ", c));
    assertEquals("0", Host.field(Host.line(out, "CLOSE"), "excel_allocs"));
  }

  @Test
  void openCloseCyclesDoNotLeak() throws Exception {
    Path module = Host.addinFolder(dir, "asan", true);
    Path file = Host.callFile(dir, CallPlan.of(new TestFunctions().get()));
    List<String> out = Host.linux("asan", module, sanitizerEnv(), "cycles", file.toString(), "3");
    assertEquals(3, out.stream().filter(l -> l.startsWith("CYCLE\t") && l.contains("mismatches=0")).count(),
        String.join("\n", out));
  }
}
