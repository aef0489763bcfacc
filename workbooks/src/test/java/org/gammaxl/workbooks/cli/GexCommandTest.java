package org.gammaxl.workbooks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gammaxl.workbooks.cli.GammaXlTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gammaxl gex} as a user runs it: the sample, a CBOE export, and files with a bad row. */
class GexCommandTest {
  /** The synthetic CBOE-layout chain committed in docs/examples (tests run in the module directory). */
  static final Path CBOE = Path.of("..", "docs", "examples", "synthetic-cboe-quotes.csv");

  private static final String HEADER = "type,strike,expiry,iv,oi\n";

  @Test
  void sampleChainWritesTheWorkbookAndPrintsTotalFlipAndWalls(@TempDir Path dir) {
    Path out = dir.resolve("gex.xlsx");
    Run r = GammaXlTest.run("gex", "--sample", "--rate", "0.0431", "--yield", "0.0137", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isRegularFile(out));
    for (String s : new String[] {"Total GEX", "Gamma flip", "Call wall", "Put wall", "798 options",
        "currency per 1% move", "Positive gamma at spot"}) {
      assertTrue(r.out().contains(s), s + " in\n" + r.out());
    }
  }

  @Test
  void cboeExportGivesSpotAndDateFromItsPreamble(@TempDir Path dir) {
    Path out = dir.resolve("cboe.xlsx");
    Run r = GammaXlTest.run("gex", "--chain", CBOE.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Spot 4,512.37 at 2024-03-15T16:00"), r.out());
    assertTrue(r.out().contains("(750 options"), "sides with open interest 0 are left out:\n" + r.out());
  }

  @Test
  void badRowsNameFileLineAndFieldAndWriteNothing(@TempDir Path dir) throws Exception {
    assertRejected(dir, HEADER + "C,100,2024-04-19,0.2,10\nP,abc,2024-04-19,0.2,10\n", ":3: strike: 'abc' is not a number");
    assertRejected(dir, HEADER + "C,100,2024-04-19,0.2,10\nP,95,2024-04-19,0.2,-10\n",
        ":3: oi: open interest must be >= 0, was -10");
    assertRejected(dir, HEADER + "C,100,2024-03-15,0.2,10\n", ":2: expiry: the option has expired");
    assertRejected(dir, HEADER + "X,100,2024-04-19,0.2,10\n", ":2: type: 'X' is not C, P, CALL or PUT");
    assertRejected(dir, HEADER + "C,100,2024-04-19,0,10\n", ":2: iv: must be > 0");
    assertRejected(dir, "type,strike,when,iv,oi\n", ":1: header: unknown column 'when'");
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(CBOE));
    String[] fields = lines.get(4).split(",");
    fields[18] = "x"; // the put's IV on line 5 (its call has open interest 0 and is left out unread)
    lines.set(4, String.join(",", fields));
    Path bad = Files.write(dir.resolve("cboe-bad.csv"), lines);
    Run r = GammaXlTest.run("gex", "--chain", bad.toString(), "-o", dir.resolve("x.xlsx").toString());
    assertEquals(1, r.code());
    assertEquals(bad + ":5: Puts IV: 'x' is not a number", r.err().strip());
  }

  @Test
  void expiredRowsMayBeLeftOutOnRequest(@TempDir Path dir) throws Exception {
    Path chain = Files.writeString(dir.resolve("c.csv"), HEADER + "C,100,2024-03-15,0.2,10\nC,100,2024-04-19,0.2,10\n"
        + "P,95,2024-04-19,0.25,20\n");
    Run r = GammaXlTest.run("gex", "--chain", chain.toString(), "--spot", "100", "--date", "2024-03-15",
        "--skip-expired", "-o", dir.resolve("g.xlsx").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("2 options, 2 strikes, 1 expired left out"), r.out());
  }

  @Test
  void usageErrors(@TempDir Path dir) {
    assertEquals(2, GammaXlTest.run("gex", "-o", dir.resolve("g.xlsx").toString()).code(), "needs a chain");
    Run noSpot = GammaXlTest.run("gex", "--chain", "../workbooks/src/main/resources/org/gammaxl/workbooks/templates"
        + "/synthetic-chain.csv", "-o", dir.resolve("g.xlsx").toString());
    assertEquals(2, noSpot.code());
    assertTrue(noSpot.err().contains("gex needs --spot S"), noSpot.err());
    assertEquals(2, GammaXlTest.run("gex", "--sample", "--units", "PER_DAY", "-o", dir.resolve("g.xlsx").toString())
        .code());
    assertTrue(Files.notExists(dir.resolve("g.xlsx")));
  }

  @Test
  void neverOverwritesTheChain(@TempDir Path dir) throws Exception {
    Path chain = Files.writeString(dir.resolve("c.csv"), HEADER + "C,100,2024-04-19,0.2,10\n");
    Run r = GammaXlTest.run("gex", "--chain", chain.toString(), "--spot", "100", "--date", "2024-03-15",
        "-o", chain.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("refusing to overwrite the input"), r.err());
    assertEquals(HEADER + "C,100,2024-04-19,0.2,10\n", Files.readString(chain));
  }

  private static void assertRejected(Path dir, String csv, String expected) throws Exception {
    Path chain = Files.writeString(dir.resolve("chain.csv"), csv);
    Path out = dir.resolve("gex.xlsx");
    Run r = GammaXlTest.run("gex", "--chain", chain.toString(), "--spot", "100", "--date", "2024-03-15", "-o",
        out.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.err().strip().startsWith(chain + expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "nothing written beside the chain");
    }
  }
}
