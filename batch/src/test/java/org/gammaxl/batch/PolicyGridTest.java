package org.gammaxl.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gammaxl.workbooks.io.InputFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyGridTest {
  @Test
  void rowsExpandToEveryCombinationLastColumnFastestRangesInExactDecimals(@TempDir Path dir) throws Exception {
    Path grid = Files.writeString(dir.resolve("grid.csv"), "# a grid\nRule,threshold,fee_bps,target\n"
        + "delta,0.1:0.3:0.1,0|1,edge   # six policies\n\nWW,0.5,,\n");
    List<SweepPolicy> p = PolicyGrid.read(grid);
    assertEquals(7, p.size());
    assertEquals(List.of(0.1, 0.1, 0.2, 0.2, 0.3, 0.3), p.subList(0, 6).stream().map(SweepPolicy::threshold).toList());
    assertEquals(List.of(0.0, 1.0, 0.0, 1.0, 0.0, 1.0), p.subList(0, 6).stream().map(SweepPolicy::feeBps).toList());
    assertEquals("DELTA", p.get(0).rule());
    assertEquals("BAND_EDGE", p.get(0).target());
    assertEquals(grid + ":3", p.get(0).source());
    SweepPolicy ww = p.get(6);
    assertEquals(7, ww.id());
    assertEquals("WW", ww.rule());
    assertNull(ww.feeBps(), "an empty cell keeps the book's setting");
    assertNull(ww.slippageBps(), "so does a column the header leaves out");
  }

  @Test
  void aBadCellIsNamedByFileLineAndColumn(@TempDir Path dir) throws Exception {
    assertEquals(dir.resolve("g.csv") + ":2: rule: unknown rebalancing rule 'SOMETIMES'; expected EVERY, TIME, DELTA, "
        + "MOVE, MOVE% or WW", error(dir, "rule,threshold\nSOMETIMES,1\n"));
    assertEquals(dir.resolve("g.csv") + ":3: threshold: must be >= 0, was -1", error(dir, "rule,threshold\nDELTA,1\nDELTA,2|-1\n"));
    assertEquals(dir.resolve("g.csv") + ":2: threshold: range '1:0:1' needs step > 0 and stop >= start",
        error(dir, "rule,threshold\nDELTA,1:0:1\n"));
    assertEquals(dir.resolve("g.csv") + ":1: header: unknown column 'band'; expected any of " + String.join(", ",
        PolicyGrid.COLUMNS), error(dir, "rule,band\n"));
    assertEquals(dir.resolve("g.csv") + ":2: row: 3 cells for 2 columns", error(dir, "rule,threshold\nDELTA,1,2\n"));
    assertEquals(dir.resolve("g.csv") + ":2: half_spread: 'maybe' is not TRUE or FALSE",
        error(dir, "half_spread\nmaybe\n"));
  }

  private static String error(Path dir, String text) throws Exception {
    Path g = Files.writeString(dir.resolve("g.csv"), text);
    return assertThrows(InputFileException.class, () -> PolicyGrid.read(g)).getMessage();
  }
}
