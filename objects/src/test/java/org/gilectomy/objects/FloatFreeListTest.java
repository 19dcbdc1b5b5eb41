package org.gilectomy.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCountKind;
import org.gilectomy.refcount.UseAfterFreeError;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The float free list: a freed float is reused, re-initialised, by its thread's next float. */
class FloatFreeListTest {
    @Test
    void aFreedFloatComesBackWithItsNewValue() {
        Assumptions.assumeTrue(RefCount.KIND != RefCountKind.BUFFERED, "buffered counts free on the commit thread");
        PyFloat a = PyFloat.of(1.5);
        RefCount.decref(a);
        assertTrue(a.isFreed());
        assertThrows(UseAfterFreeError.class, () -> RefCount.incref(a), "poisoned while on the free list");
        PyFloat b = PyFloat.of(2.25);
        assertSame(a, b, "the freed float was reused");
        assertFalse(b.isFreed());
        assertEquals(1, b.refCountOpaque());
        assertEquals(2.25, b.value);
        assertEquals("2.25", Ops.repr(b));
        PyFloat c = PyFloat.of(3.0);
        assertNotSame(b, c, "a live float is never handed out again");
        RefCount.decref(b);
        RefCount.decref(c);
    }

    @Test
    void arithmeticOnReusedFloatsStaysCorrect() {
        PyObject sum = PyFloat.of(0.0);
        for (int i = 1; i <= 100; i++) {
            PyObject term = PyFloat.of(i * 0.5);
            PyObject next = Ops.binary(BinaryOp.ADD, sum, term);
            RefCount.decref(term);
            RefCount.decref(sum); // frees the old sum: the next float may reuse it
            sum = next;
        }
        assertEquals(2525.0, ((PyFloat) sum).value);
        RefCount.decref(sum);
    }
}
