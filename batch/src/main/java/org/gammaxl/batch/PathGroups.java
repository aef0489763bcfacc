package org.gammaxl.batch;

import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;

/**
 * A partition of {@link BookPaths#chunks} as one call of {@code perPath} for each path, streamed: a
 * path's observations are read through a {@link PathCursor} during its call, and its output is passed
 * on before the next path is read. {@code perPath} reads what it needs of its path during its call (the
 * iterator it returns may be read after); rows it leaves unread (it stopped at a bad row) are skipped.
 */
final class PathGroups<T> implements MapPartitionsFunction<PathChunk, T> {
  private static final long serialVersionUID = 1L;
  private final PerPath<T> perPath;

  /** The work on one path. */
  interface PerPath<T> extends Serializable {
    /** The output of path number {@code path}, whose observations {@code rows} gives in time order. */
    Iterator<T> call(int path, PathCursor rows) throws Exception;
  }

  PathGroups(PerPath<T> perPath) {
    this.perPath = perPath;
  }

  @Override
  public Iterator<T> call(Iterator<PathChunk> chunks) {
    PathCursor rows = new PathCursor(chunks);
    return new Iterator<T>() {
      private Iterator<T> out = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!out.hasNext() && rows.nextPath()) {
          try {
            out = perPath.call(rows.path(), rows);
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e);
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
    };
  }
}
