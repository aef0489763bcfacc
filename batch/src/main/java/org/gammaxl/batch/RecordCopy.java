package org.gammaxl.batch;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * A serializable copy of a record whose class is not {@link Serializable} (the workbooks' input
 * values), so that Spark can ship it to the executors: the record's components in order, nested
 * records and lists of them copied the same way, rebuilt with the canonical constructor. Components
 * must be primitives, strings, boxed numbers, records or lists of these.
 */
final class RecordCopy implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Class<?> type;
  private final Object[] components;

  private RecordCopy(Record value) {
    this.type = value.getClass();
    RecordComponent[] rc = type.getRecordComponents();
    this.components = new Object[rc.length];
    for (int i = 0; i < rc.length; i++) {
      try {
        components[i] = copy(rc[i].getAccessor().invoke(value));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + type.getName() + "." + rc[i].getName(), e);
      }
    }
  }

  /** The copy of {@code value}. */
  static RecordCopy of(Record value) {
    return new RecordCopy(value);
  }

  private static Object copy(Object v) {
    if (v instanceof Record r) {
      return new RecordCopy(r);
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(copy(o));
      }
      return new ListCopy(out);
    }
    if (v != null && !(v instanceof Serializable)) {
      throw new IllegalArgumentException("cannot copy a " + v.getClass().getName());
    }
    return v;
  }

  private static Object rebuild(Object v) {
    if (v instanceof RecordCopy c) {
      return c.value();
    }
    if (v instanceof ListCopy l) {
      List<Object> out = new ArrayList<>(l.items().size());
      for (Object o : l.items()) {
        out.add(rebuild(o));
      }
      return List.copyOf(out);
    }
    return v;
  }

  /** The record, rebuilt. */
  Object value() {
    RecordComponent[] rc = type.getRecordComponents();
    Class<?>[] types = new Class<?>[rc.length];
    Object[] args = new Object[rc.length];
    for (int i = 0; i < rc.length; i++) {
      types[i] = rc[i].getType();
      args[i] = rebuild(components[i]);
    }
    try {
      Constructor<?> c = type.getDeclaredConstructor(types);
      c.setAccessible(true);
      return c.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot rebuild " + type.getName(), e);
    }
  }

  private record ListCopy(List<Object> items) implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
