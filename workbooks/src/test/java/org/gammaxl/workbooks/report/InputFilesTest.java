package org.gammaxl.workbooks.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gammaxl.workbooks.io.InputFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir
  Path dir;

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private String priceError(String text) throws Exception {
    Path f = file("p.csv", text);
    return assertThrows(InputFileException.class, () -> PriceSeries.read(f)).getMessage();
  }

  private String positionError(String text) throws Exception {
    Path f = file("p.position", text);
    return assertThrows(InputFileException.class, () -> PositionFile.read(f)).getMessage();
  }

  @Test
  void readsTimesAsExcelSerialsAndOptionalColumnsInAnyOrder() throws Exception {
    PriceSeries p = PriceSeries.read(file("p.csv", "# comment\nSpot,Time,vol\n100,2024-01-02,0.2\n\n101.5,2024-01-02T12:00,0.25\n99,45294,0.3\n"));
    // 2024-01-02 is Excel serial 45293 (1900 date system); noon adds 0.5.
    assertArrayEquals(new double[] {45293, 45293.5, 45294}, p.times(), 1e-9);
    assertArrayEquals(new double[] {100, 101.5, 99}, p.spots());
    assertArrayEquals(new double[] {0.2, 0.25, 0.3}, p.vols());
    assertNull(p.bids());
  }

  @Test
  void malformedPriceFilesNameFileLineAndField() throws Exception {
    Path f = dir.resolve("p.csv");
    assertEquals(f + ":3: spot: 'abc' is not a number", priceError("time,spot\n2024-01-02,100\n2024-01-03,abc\n"));
    assertEquals(f + ":3: time: must be later than the previous row's time",
        priceError("time,spot\n2024-01-02,100\n2024-01-02,101\n"));
    assertEquals(f + ":2: spot: must be > 0, was -1", priceError("time,spot\n2024-01-02,-1\n2024-01-03,1\n"));
    assertEquals(f + ":1: header: unknown column 'price'; expected time, spot and optionally vol, bid, ask",
        priceError("time,price\n"));
    assertEquals(f + ":1: header: needs the columns time and spot", priceError("time,vol\n"));
    assertEquals(f + ":2: time: '2024-13-01' is not a date (yyyy-MM-dd), date-time (yyyy-MM-ddTHH:mm[:ss]) or Excel serial number",
        priceError("time,spot\n2024-13-01,100\n"));
    assertEquals(f + ":2: spot: missing; the line has only 1 fields", priceError("time,spot\n2024-01-02\n"));
    assertEquals(f + ":2: bid: bid 101.0 is above ask 100.0", priceError("time,spot,bid,ask\n2024-01-02,100,101,100\n"));
    assertEquals(f + ":1: header: the file is empty; expected a header line 'time,spot'", priceError(""));
    assertEquals(f + ":2: spot: needs at least 2 observations, found 1", priceError("time,spot\n2024-01-02,100\n"));
  }

  @Test
  void readsAPositionWithDefaults() throws Exception {
    PositionFile p = PositionFile.read(file("p.position",
        "type = put  # comment\nstrike=95\nexpiry=2024-03-28\nquantity=-10\nvol=0.3\nRULE=delta\nthreshold=0.1\n"));
    assertEquals("PUT", p.typeKeyword());
    assertEquals(95, p.strike());
    assertEquals(-10, p.quantity());
    assertEquals("DELTA", p.rule());
    assertEquals(1.0, p.multiplier());
    assertEquals("SPOT", p.hedge());
    assertNull(p.premium());
    assertEquals("DELTA", p.settings().get("RULE"));
  }

  @Test
  void malformedPositionFilesNameFileLineAndField() throws Exception {
    Path f = dir.resolve("p.position");
    String ok = "type=C\nstrike=100\nexpiry=2024-03-28\nquantity=-10\nvol=0.3\n";
    assertEquals(f + ":1: type: 'X' is not one of C, CALL, P, PUT", positionError(ok.replace("type=C", "type=X")));
    assertEquals(f + ":2: strike: must be a finite number > 0, was -5", positionError(ok.replace("strike=100", "strike=-5")));
    assertEquals(f + ":4: strike: missing; it is required", positionError(ok.replace("strike=100\n", "")));
    assertEquals(f + ":6: colour: unknown key; expected one of basis, expiry, fee_bps, future_expiry, hedge, lot, model, "
        + "multiplier, premium, quantity, rate, rule, slippage_bps, strike, threshold, type, underlying, vol, yield",
        positionError(ok + "colour=red\n"));
    assertEquals(f + ":6: vol: given twice (first on line 5)", positionError(ok + "vol=0.2\n"));
    assertEquals(f + ":4: quantity: must not be 0", positionError(ok.replace("quantity=-10", "quantity=0")));
    assertEquals(f + ":6: rule: 'SOMETIMES' is not one of DELTA, EVERY, MOVE, MOVE%, TIME, WW", positionError(ok + "rule=SOMETIMES\n"));
    assertEquals(f + ":1: strike 100: expected 'key = value'", positionError("strike 100\n"));
  }

  @Test
  void aFutureHedgeTakesItsDeliveryLotAndModelAsGxLedgerSettings() throws Exception {
    PositionFile p = PositionFile.read(file("p.position", "type=C\nstrike=100\nexpiry=2024-03-28\nquantity=-10\n"
        + "vol=0.3\nhedge = future\nfuture_expiry = 2024-06-28\nlot = 0.5\nmodel = black76\n"));
    assertEquals("FUTURE", p.hedge());
    assertEquals(45471, p.futureExpiry(), 0.0, "2024-06-28 as an Excel serial");
    assertEquals(0.5, p.lot());
    assertEquals("BLACK76", p.model());
    // The names GX.LEDGER reads (LedgerFunctions' settings table), with the values it expects.
    assertEquals(45471.0, p.settings().get("FUTURE_EXPIRY"));
    assertEquals(0.5, p.settings().get("LOT"));
    assertEquals("BLACK76", p.settings().get("MODEL"));
    assertEquals("FUTURE", p.settings().get("HEDGE"));
  }

  @Test
  void withoutTheNewKeysTheHedgeIsUnroundedBsmAndHasNoDelivery() throws Exception {
    PositionFile p = PositionFile.read(file("p.position", "type=C\nstrike=100\nexpiry=2024-03-28\nquantity=-10\nvol=0.3\n"));
    assertEquals(0.0, p.lot());
    assertEquals("BSM", p.model());
    assertEquals(Double.NaN, p.futureExpiry());
    assertEquals(false, p.settings().containsKey("FUTURE_EXPIRY"));
  }

  @Test
  void malformedFutureLotAndModelNameFileLineAndField() throws Exception {
    Path f = dir.resolve("p.position");
    String ok = "type=C\nstrike=100\nexpiry=2024-03-28\nquantity=-10\nvol=0.3\n";
    assertEquals(f + ":6: future_expiry: missing; it is required when hedge = FUTURE", positionError(ok + "hedge=FUTURE\n"));
    assertEquals(f + ":7: future_expiry: '2024-02-30' is not a date (yyyy-MM-dd), date-time (yyyy-MM-ddTHH:mm[:ss]) or Excel serial number",
        positionError(ok + "hedge=FUTURE\nfuture_expiry=2024-02-30\n"));
    assertEquals(f + ":6: future_expiry: is only used when hedge = FUTURE (hedge is SPOT)",
        positionError(ok + "future_expiry=2024-06-28\n"));
    assertEquals(f + ":6: lot: must be >= 0 (0 = no rounding), was -1", positionError(ok + "lot=-1\n"));
    assertEquals(f + ":6: lot: 'small' is not a number", positionError(ok + "lot=small\n"));
    assertEquals(f + ":6: model: 'HESTON' is not one of BSM, BLACK76, BACHELIER, AMERICAN, INVERSE,"
        + " EUROPEAN.LATTICE, AMERICAN.BLACK, AMERICAN.FAST, AMERICAN.BS2002, AMERICAN.BAW, AMERICAN.LATTICE",
        positionError(ok + "model=HESTON\n"));
    assertEquals(f + ":6: model: missing; it is required", positionError(ok + "model=\n"));
  }
  @Test
  void aBookGivesEachLegASectionAndTheSingleLegFileStaysABookOfOne() throws Exception {
    PositionFile book = PositionFile.read(file("s.position", """
        underlying = SPX
        vol = 0.2
        basis = trading 08:00-16:30
        [leg]
        type = C
        strike = 105
        expiry = 2024-06-28
        quantity = 50
        [leg]
        type = put
        strike = 95
        expiry = 2024-06-28T16:00
        quantity = -25
        vol = 0.23
        """));
    assertEquals(2, book.legs().size());
    assertEquals(true, book.isBook());
    assertEquals("C", book.legs().get(0).type());
    assertEquals(Double.NaN, book.legs().get(0).vol(), "no own vol: the ATM mark");
    assertEquals("PUT", book.legs().get(1).typeKeyword());
    assertEquals(-25, book.legs().get(1).quantity());
    assertEquals(0.23, book.legs().get(1).vol());
    assertEquals("TRADING 08:00-16:30", book.settings().get("BASIS"));
    assertEquals(105, book.strike(), "the first leg fills the single-leg fields");
    PositionFile single = PositionFile.read(file("one.position", "type=C\nstrike=100\nexpiry=2024-02-01\nquantity=-1\nvol=0.2\n"));
    assertEquals(1, single.legs().size());
    assertEquals(false, single.isBook(), "a single-leg file is still GX.LEDGER's");
  }

  @Test
  void aBadLegIsNamedByFileAndLine() throws Exception {
    String head = "vol = 0.2\n[leg]\ntype = C\nstrike = 100\nexpiry = 2024-06-28\nquantity = 5\n[leg]\n";
    Path bad = file("b.position", head + "type = C\nstrike = -5\nexpiry = 2024-06-28\nquantity = 5\n");
    var e = assertThrows(org.gammaxl.workbooks.io.InputFileException.class, () -> PositionFile.read(bad));
    assertEquals(bad + ":9: strike: must be a finite number > 0, was -5", e.getMessage());
    Path missing = file("m.position", head + "type = P\nexpiry = 2024-06-28\nquantity = 5\n");
    e = assertThrows(org.gammaxl.workbooks.io.InputFileException.class, () -> PositionFile.read(missing));
    assertEquals(missing + ":7: strike: missing; it is required", e.getMessage(), "the line of the leg's section");
    Path mixed = file("x.position", "strike = 100\n" + head + "type = P\nstrike=90\nexpiry = 2024-06-28\nquantity = 5\n");
    e = assertThrows(org.gammaxl.workbooks.io.InputFileException.class, () -> PositionFile.read(mixed));
    assertTrue(e.getMessage().startsWith(mixed + ":1: strike: belongs in a [leg] section"), e.getMessage());
    Path key = file("k.position", head + "type = P\nrule = DELTA\n");
    e = assertThrows(org.gammaxl.workbooks.io.InputFileException.class, () -> PositionFile.read(key));
    assertTrue(e.getMessage().startsWith(key + ":9: rule: unknown key in [leg] (line 7)"), e.getMessage());
    Path basis = file("c.position", "basis = lunar\n" + head.replace("[leg]\n", "").substring(0));
    e = assertThrows(org.gammaxl.workbooks.io.InputFileException.class, () -> PositionFile.read(basis));
    assertTrue(e.getMessage().startsWith(basis + ":1: basis: 'lunar' is not one of"), e.getMessage());
  }

  @Test
  void aBlankVolCarriesTheMarkForwardButNotOnTheFirstRow() throws Exception {
    PriceSeries p = PriceSeries.read(file("v.csv", "time,spot,vol\n2024-01-02,100,0.5\n2024-01-03,101,\n"));
    assertEquals(Double.NaN, p.vols()[1]);
    var e = assertThrows(org.gammaxl.workbooks.io.InputFileException.class,
        () -> PriceSeries.read(file("w.csv", "time,spot,vol\n2024-01-02,100,\n")));
    assertTrue(e.getMessage().contains(":2: vol: blank on the first row"), e.getMessage());
  }
}
