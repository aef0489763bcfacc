package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/functions.md is generated from the catalogue; this fails when the committed file is stale. */
class FunctionReferenceTest {

  @Test
  void committedReferenceIsUpToDate() throws IOException {
    Path file = FunctionReference.repositoryRoot().resolve(FunctionReference.PATH);
    assertTrue(Files.exists(file), FunctionReference.PATH + " is missing; generate it from the repository root with: "
        + FunctionReference.COMMAND);
    String committed = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals(FunctionReference.generate(), committed,
        FunctionReference.PATH + " is stale; regenerate it from the repository root with: " + FunctionReference.COMMAND);
  }

  @Test
  void everyFunctionIsDocumented() {
    String text = FunctionReference.generate();
    for (WorksheetFunction f : Catalogue.standard().functions()) {
      assertTrue(text.contains("### " + f.name() + "\n"), f.name());
      assertTrue(text.contains("`" + FunctionReference.signature(f) + "`"), f.name());
      for (Argument a : f.arguments()) {
        assertTrue(text.contains(a.help().replace("|", "\\|")), f.name() + " " + a.name());
      }
    }
  }
}
