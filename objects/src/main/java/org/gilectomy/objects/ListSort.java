package org.gilectomy.objects;

import java.util.Arrays;
import java.util.Comparator;
import org.gilectomy.refcount.RefCount;

/**
 * {@code list.sort(key=None, reverse=False)}, as CPython's: the items are taken out of the list
 * for the sort, so keys and comparisons (Python code) run with no lock held and see an empty
 * list; the items return sorted, or in the order reached if a key or a comparison raised. A
 * change made to the list meanwhile is dropped and, if the sort itself succeeded, reported as
 * {@code ValueError: list modified during sort}.
 */
public final class ListSort {
    private ListSort() {
    }

    /** Sorts {@code l} in place; {@code key} null for the items themselves. */
    public static void sort(PyList l, PyObject key, boolean reverse) {
        PyObject[] items = l.takeForSort();
        boolean sorted = false;
        try {
            items = key == null ? byItems(items, reverse) : byKeys(items, key, reverse);
            sorted = true;
        } finally {
            if (l.restoreAfterSort(items) && sorted) {
                throw PyExc.valueError("list modified during sort");
            }
        }
    }

    /** Sorts the array itself (stable; with reverse, as CPython: reverse, sort, reverse). */
    private static PyObject[] byItems(PyObject[] items, boolean reverse) {
        if (reverse) {
            reverse(items);
        }
        stableSort(items, Ops::sortOrder);
        if (reverse) {
            reverse(items);
        }
        return items;
    }

    /** Each item's key computed once (decorate), then the items permuted by their keys' order. */
    private static PyObject[] byKeys(PyObject[] items, PyObject key, boolean reverse) {
        PyObject[] keys = new PyObject[items.length];
        try {
            for (int i = 0; i < items.length; i++) {
                keys[i] = Ops.call(key, items[i]);
            }
            Integer[] order = new Integer[items.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            if (reverse) {
                reverse(order);
            }
            stableSort(order, (x, y) -> Ops.sortOrder(keys[x], keys[y]));
            if (reverse) {
                reverse(order);
            }
            PyObject[] out = new PyObject[items.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = items[order[i]];
            }
            return out;
        } finally {
            for (PyObject k : keys) {
                RefCount.xdecref(k);
            }
        }
    }

    private static <T> void stableSort(T[] a, Comparator<? super T> order) {
        try {
            Arrays.sort(a, order);
        } catch (IllegalArgumentException inconsistentOrder) {
            // NaN and friends: Python leaves some order, so do we (every item is still there).
        }
    }

    private static void reverse(Object[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            Object t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
