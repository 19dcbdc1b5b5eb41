package org.gilectomy.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.gilectomy.refcount.RefCount;
import org.junit.jupiter.api.Test;

/** set's layout against the orders CPython 3.11 printed, hashes, and reference accounting. */
class PySetTest {
    private static PySet setOf(long... values) {
        PySet s = new PySet(false);
        for (long v : values) {
            PyInt i = PyInt.of(v);
            s.add(i);
            RefCount.decref(i);
        }
        return s;
    }

    private static List<Long> order(PySet s) {
        List<Long> r = new ArrayList<>();
        for (PyObject o : s.snapshot()) {
            r.add(((PyInt) o).value);
            RefCount.decref(o);
        }
        return r;
    }

    @Test
    void collisionsProbeAsCPython() {
        PySet s = setOf(7, 15, 23);
        assertEquals(List.of(15L, 23L, 7L), order(s));
        PyInt seven = PyInt.of(7);
        assertTrue(s.discard(seven));
        PyInt k = PyInt.of(31);
        s.add(k);
        assertEquals(List.of(15L, 23L, 31L), order(s), "31 takes the dummy 7 left");
    }

    @Test
    void growthKeepsCPythonsOrder() {
        long[] values = new long[23];
        for (int i = 0; i < values.length; i++) {
            values[i] = 9L * i;
        }
        assertEquals(List.of(0L, 135L, 9L, 144L, 18L, 153L, 27L, 162L, 36L, 171L, 45L, 180L, 54L, 189L, 63L,
                198L, 72L, 81L, 90L, 99L, 108L, 117L, 126L), order(setOf(values)));
    }

    @Test
    void algebraKeepsCPythonsOrder() {
        PySet a = setOf(3, 1, 2);
        PySet b = setOf(2, 5, 40);
        assertEquals(List.of(1L, 3L, 5L, 40L), order(a.symmetricDifference(b, false)));
        PySet ten = setOf(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertEquals(List.of(9L, 3L, 1L), order(ten.intersection(setOf(9, 1, 50, 3), false)));
    }

    @Test
    void hashesAreCPythons() {
        PyTuple t = PyTuple.steal(new PyObject[] {PyInt.of(1), PyInt.of(2)});
        assertEquals(-3550055125485641917L, Hashing.hash(t));
        assertEquals(1152921504606846977L, Hashing.hash(PyFloat.of(1.5)));
        assertEquals(230584300921369408L, Hashing.hash(PyFloat.of(0.1)));
        assertEquals(-512L, Hashing.hash(PyInt.of(BigInteger.TWO.pow(70).negate())));
        assertEquals(-2L, Hashing.hash(PyInt.of(-1)));
        PySet f = new PySet(true);
        f.update(setOf(1, 2, 3));
        assertEquals(-272375401224217160L, Hashing.hash(f));
        PyException e = assertThrows(PyException.class, () -> Hashing.hash(setOf(1)));
        assertEquals("TypeError: unhashable type: 'set'", e.summaryLine());
    }

    @Test
    void equalityIsBySetContent() {
        assertTrue(setOf(1, 2).equals(setOf(2, 1)));
        assertFalse(setOf(1, 2).equals(setOf(1, 3)));
        assertTrue(Ops.compare(CompareOp.LT, setOf(1), setOf(1, 2)));
        assertFalse(Ops.compare(CompareOp.LT, setOf(1, 2), setOf(1, 2)));
    }

    @Test
    void keysAreReleasedOnRemovalAndFree() {
        PyInt big = PyInt.of(1L << 40); // not a cached small int: its count is ours to watch
        int before = big.refCountOpaque();
        PySet s = new PySet(false);
        s.add(big);
        s.add(big);
        assertEquals(before + 1, big.refCountOpaque(), "a duplicate add keeps no second reference");
        PyObject popped = s.pop();
        assertEquals(big, popped);
        RefCount.decref(popped);
        assertEquals(before, big.refCountOpaque());
        s.add(big);
        RefCount.decref(s);
        assertEquals(before, big.refCountOpaque(), "freeing the set releases its keys");
    }
}
