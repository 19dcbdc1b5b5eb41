package org.gilectomy.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.gilectomy.refcount.RefCount;
import org.junit.jupiter.api.Test;

/** Python semantics of the built-in types, and their reference accounting. */
class ObjectsTest {
    private static PyObject bin(BinaryOp op, long a, long b) {
        return Ops.binary(op, PyInt.of(a), PyInt.of(b));
    }

    @Test
    void intArithmeticNeverOverflows() {
        PyObject r = bin(BinaryOp.MUL, Long.MAX_VALUE, 4);
        assertEquals(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(4)), ((PyInt) r).toBigInteger());
        PyObject back = Ops.binary(BinaryOp.FLOORDIV, r, PyInt.of(4));
        assertEquals(Long.MAX_VALUE, ((PyInt) back).value);
        assertFalse(((PyInt) back).isBig(), "results that fit are normalised back to long");
        assertEquals("-9223372036854775809", Ops.str(bin(BinaryOp.SUB, Long.MIN_VALUE, 1)));
    }

    @Test
    void floorDivisionAndModuloFollowPython() {
        assertEquals(-4, ((PyInt) bin(BinaryOp.FLOORDIV, -7, 2)).value);
        assertEquals(1, ((PyInt) bin(BinaryOp.MOD, -7, 2)).value);
        assertEquals(-1, ((PyInt) bin(BinaryOp.MOD, 7, -2)).value);
        PyException e = assertThrows(PyException.class, () -> bin(BinaryOp.FLOORDIV, 1, 0));
        assertEquals("ZeroDivisionError: integer division or modulo by zero", e.summaryLine());
        assertEquals("2.5", Ops.str(bin(BinaryOp.TRUEDIV, 5, 2)));
        assertEquals("1024", Ops.str(bin(BinaryOp.POW, 2, 10)));
    }

    @Test
    void floatReprMatchesCPython() {
        assertEquals("0.1", PyFloat.repr(0.1));
        assertEquals("1e-05", PyFloat.repr(1e-5));
        assertEquals("1e+16", PyFloat.repr(1e16));
        assertEquals("1234567890123456.0", PyFloat.repr(1234567890123456.0));
        assertEquals("3.0", PyFloat.repr(3.0));
        assertEquals("-0.0", PyFloat.repr(-0.0));
        assertEquals("0.30000000000000004", PyFloat.repr(0.1 + 0.2));
        assertEquals("inf", PyFloat.repr(Double.POSITIVE_INFINITY));
    }

    @Test
    void numbersOfDifferentTypesAreOneDictKey() {
        PyDict d = new PyDict();
        d.put(PyInt.of(1), PyStr.of("int"));
        d.put(PyFloat.of(1.0), PyStr.of("float"));
        d.put(PyBool.TRUE, PyStr.of("bool"));
        assertEquals(1, d.size());
        assertEquals("{1: 'bool'}", Ops.repr(d));
    }

    @Test
    void reprOfContainers() {
        PyList l = new PyList();
        l.append(PyInt.of(1));
        l.append(PyStr.of("a'b"));
        l.append(PyTuple.steal(new PyObject[] {PyNone.newRef()}));
        assertEquals("[1, \"a'b\", (None,)]", Ops.repr(l));
    }

    @Test
    void listFreesItsItemsWhenFreed() {
        PyList l = new PyList();
        PyObject big = PyInt.of(1L << 40);
        l.append(big);
        RefCount.decref(big); // the list holds the only reference now
        assertFalse(big.isFreed());
        RefCount.decref(l);
        assertTrue(l.isFreed());
        assertTrue(big.isFreed(), "freeing a list releases its items");
    }

    @Test
    void dictReplacingAValueReleasesTheOldOne() {
        PyDict d = new PyDict();
        PyObject k = PyStr.of("key");
        PyObject v1 = PyInt.of(1L << 40);
        d.put(k, v1);
        RefCount.decref(v1);
        PyObject v2 = PyInt.of(7);
        d.put(k, v2);
        assertTrue(v1.isFreed());
        assertTrue(d.remove(k));
        RefCount.decref(k);
        assertTrue(k.isFreed(), "removal releases the dict's reference to its key");
    }

    @Test
    void indexErrorsAndSlices() {
        PyList l = new PyList();
        for (int i = 0; i < 5; i++) {
            l.append(PyInt.of(i));
        }
        assertEquals("IndexError: list index out of range",
                assertThrows(PyException.class, () -> l.getItem(5)).summaryLine());
        assertEquals("4", Ops.str(l.getItem(-1)));
        PyObject s = Ops.getItem(l, new PySlice(PyInt.of(1), PyNone.newRef(), PyInt.of(2)));
        assertEquals("[1, 3]", Ops.repr(s));
        PyObject rev = Ops.getItem(l, new PySlice(PyNone.newRef(), PyNone.newRef(), PyInt.of(-1)));
        assertEquals("[4, 3, 2, 1, 0]", Ops.repr(rev));
    }

    @Test
    void comparisonErrorsUseCPythonWording() {
        PyException e = assertThrows(PyException.class,
                () -> Ops.compare(CompareOp.LT, PyInt.of(1), PyStr.of("a")));
        assertEquals("TypeError: '<' not supported between instances of 'int' and 'str'", e.summaryLine());
        assertTrue(Ops.compare(CompareOp.LT, PyInt.of(1), PyFloat.of(1.5)));
        assertTrue(Ops.eq(PyBool.TRUE, PyInt.of(1)));
    }
}
