package org.gammaxl.batch;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * A partition of {@link BookPaths#sorted} rows (consecutive rows of a path, each path's rows in time
 * order) as one call of {@code perPath} for each path, streamed: a path's rows are handed over as
 * they are read, and its output is passed on before the next path is read. {@code perPath} reads what
 * it needs of its rows during its call (the iterator it returns may be read after the path's rows are
 * gone); rows it leaves unread (it stopped at a bad row) are skipped.
 */
final class PathGroups<T> implements MapPartitionsFunction<Row, T> {
  private static final long serialVersionUID = 1L;
  private final FlatMapGroupsFunction<Integer, Row, T> perPath;

  PathGroups(FlatMapGroupsFunction<Integer, Row, T> perPath) {
    this.perPath = perPath;
  }

  @Override
  public Iterator<T> call(Iterator<Row> rows) {
    return new Iterator<T>() {
      private Row head = rows.hasNext() ? rows.next() : null;
      private Iterator<T> out = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!out.hasNext() && head != null) {
          int path = head.getInt(BookPaths.PATH);
          Group g = new Group(path);
          try {
            out = perPath.call(path, g);
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          while (g.hasNext()) {
            g.next();
          }
        }
        return out.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return out.next();
      }

      /** The rows of one path: from {@code head} while the path number stays the same. */
      final class Group implements Iterator<Row> {
        private final int path;

        Group(int path) {
          this.path = path;
        }

        @Override
        public boolean hasNext() {
          return head != null && head.getInt(BookPaths.PATH) == path;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Row r = head;
          head = rows.hasNext() ? rows.next() : null;
          return r;
        }
      }
    };
  }
}
