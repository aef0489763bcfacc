package org.gammaxl.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gammaxl.workbooks.io.InputFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookTest {
  @Test
  void aBookTravelsToTheExecutorsWithItsPositionFileIntact(@TempDir Path dir) throws Exception {
    SweepFixture.position(dir, "b", SweepFixture.shortCall("XYZ"));
    Book book = Book.read(dir).get(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(book);
    }
    Book copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Book) in.readObject();
    }
    assertEquals("b", copy.name());
    assertEquals(book.position(), copy.position());
    assertEquals("XYZ", copy.position().underlying());
  }

  @Test
  void aDirectoryGivesItsPositionFilesByNameAndABadOneIsNamedByFileAndLine(@TempDir Path dir) throws Exception {
    SweepFixture.position(dir, "zeta", SweepFixture.shortCall("Z"));
    SweepFixture.position(dir, "alpha", SweepFixture.shortCall("A"));
    Files.writeString(dir.resolve("notes.txt"), "not a book");
    assertEquals(List.of("alpha", "zeta"), Book.read(dir).stream().map(Book::name).toList());
    Files.writeString(dir.resolve("bad.position"), "type = C\nstrike = -1\n");
    assertEquals(dir.resolve("bad.position") + ":2: strike: must be a finite number > 0, was -1",
        assertThrows(InputFileException.class, () -> Book.read(dir)).getMessage());
  }
}
