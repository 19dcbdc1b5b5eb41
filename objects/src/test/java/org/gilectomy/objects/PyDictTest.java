package org.gilectomy.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gilectomy.refcount.RefCount;
import org.junit.jupiter.api.Test;

/** The compact table behind dict: CPython's order, equality and reference accounting. */
class PyDictTest {
    private static List<String> keys(PyDict d) {
        List<String> r = new ArrayList<>();
        for (Map.Entry<PyObject, PyObject> e : d.itemsSnapshot()) {
            r.add(Ops.str(e.getKey()));
            RefCount.decref(e.getKey());
            RefCount.decref(e.getValue());
        }
        return r;
    }

    private static long valueOf(PyDict d, PyObject key) {
        PyObject v = d.get(key);
        long r = ((PyInt) v).value;
        RefCount.decref(v);
        return r;
    }

    @Test
    void insertionOrderSurvivesOverwriteDeleteAndGrowth() {
        PyDict d = new PyDict();
        for (int i = 0; i < 1000; i++) {
            d.put(PyStr.of("k" + i), PyInt.of(i));
        }
        d.put(PyStr.of("k5"), PyInt.of(-5)); // overwrite keeps the position
        assertTrue(d.remove(PyStr.of("k3")));
        assertFalse(d.remove(PyStr.of("k3")));
        d.put(PyStr.of("k3"), PyInt.of(3)); // re-inserted: goes last
        List<String> k = keys(d);
        assertEquals(1000, d.size());
        assertEquals(List.of("k0", "k1", "k2", "k4", "k5"), k.subList(0, 5));
        assertEquals("k3", k.get(999));
        assertEquals(-5, valueOf(d, PyStr.of("k5")));
        for (int i = 0; i < 1000; i++) {
            assertTrue(d.containsKey(PyStr.of("k" + i)), "k" + i);
        }
    }

    @Test
    void keysCompareByPythonEquality() {
        PyDict d = new PyDict();
        d.put(PyInt.of(1L << 40), PyInt.of(1));
        assertEquals(1, valueOf(d, PyInt.of(1L << 40)), "an equal int, another object");
        assertNull(d.get(PyInt.of(7)));
        d.put(PyFloat.of(2.0), PyInt.of(2));
        assertEquals(2, valueOf(d, PyInt.of(2)), "2 == 2.0 and hash(2) == hash(2.0)");
    }

    @Test
    void manyDeletionsDoNotFillTheIndex() {
        PyDict d = new PyDict();
        for (int i = 0; i < 10_000; i++) {
            d.put(PyInt.of(i), PyInt.of(i));
            assertTrue(d.remove(PyInt.of(i)));
        }
        assertEquals(0, d.size());
        assertNull(d.get(PyInt.of(5)));
    }

    @Test
    void removedAndReplacedValuesAreReleased() {
        PyDict d = new PyDict();
        PyList a = new PyList();
        PyList b = new PyList();
        d.put(PyStr.of("x"), a);
        RefCount.decref(a); // the dict's reference is the only one
        d.put(PyStr.of("x"), b);
        RefCount.decref(b);
        assertTrue(a.isFreed(), "the replaced value is decref'd");
        PyObject popped = d.pop(PyStr.of("x"));
        assertSame(b, popped);
        assertFalse(b.isFreed(), "pop hands its reference to the caller");
        RefCount.decref(b);
        assertTrue(b.isFreed());
        assertEquals(0, d.size());
    }

    @Test
    void popLastSetDefaultAndClear() {
        PyDict d = new PyDict();
        d.put(PyStr.of("a"), PyInt.of(1));
        d.put(PyStr.of("b"), PyInt.of(2));
        Map.Entry<PyObject, PyObject> last = d.popLast();
        assertEquals("b", Ops.str(last.getKey()));
        RefCount.decref(last.getKey());
        RefCount.decref(last.getValue());
        PyObject v = d.setDefault(PyStr.of("c"), PyInt.of(3));
        assertEquals(3, ((PyInt) v).value);
        RefCount.decref(v);
        v = d.setDefault(PyStr.of("c"), PyInt.of(4));
        assertEquals(3, ((PyInt) v).value, "present: unchanged");
        RefCount.decref(v);
        assertEquals(List.of("a", "c"), keys(d));
        long before = d.versionAcquire();
        d.clear();
        assertNotEquals(before, d.versionAcquire(), "every mutation bumps the version");
        assertEquals(0, d.size());
        d.put(PyStr.of("z"), PyInt.of(26));
        assertEquals(List.of("z"), keys(d));
    }
}
