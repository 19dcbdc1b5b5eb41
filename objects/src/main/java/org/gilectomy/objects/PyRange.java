package org.gilectomy.objects;

import java.math.BigInteger;
import org.gilectomy.refcount.RefCount;

/**
 * {@code range(start, stop, step)} over ints of any size, and its iterators.
 *
 * <p>A range whose bounds, step and length all fit in a long keeps them as longs, so the common
 * {@code for i in range(n)} iterates with no allocation beyond its ints. Any other range (CPython
 * accepts {@code range(1 << 1000)}; {@code _collections_abc} asks for one) keeps BigIntegers and
 * iterates with a {@code longrange_iterator}, as CPython's does; its {@code len()} raises
 * CPython's OverflowError when the length exceeds 64 bits, while iteration, indexing, slicing,
 * {@code in}, {@code reversed} and equality work on the big values.
 */
public final class PyRange extends PyObject {
    public static final PyType TYPE = new PyType("range", null);
    static final PyType LONG_ITER = new PyType("longrange_iterator", PyIterator.TYPE);

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final long start;
    private final long stop;
    private final long step;
    private final long length;
    /** {start, stop, step, length} when one of them does not fit in a long; null otherwise. */
    private final BigInteger[] big;

    private PyRange(long start, long stop, long step, long length, BigInteger[] big) {
        this.start = start;
        this.stop = stop;
        this.step = step;
        this.length = length;
        this.big = big;
    }

    /** A new range; CPython's ValueError for a zero step. */
    public static PyRange of(long start, long stop, long step) {
        if (step == 0) {
            throw PyExc.valueError("range() arg 3 must not be zero");
        }
        if (step == Long.MIN_VALUE) { // the long form negates its step (reversed)
            return of(BigInteger.valueOf(start), BigInteger.valueOf(stop), BigInteger.valueOf(step));
        }
        try {
            long span = step > 0 ? (start < stop ? Math.subtractExact(stop, start) : 0)
                    : (start > stop ? Math.subtractExact(start, stop) : 0);
            long length = span == 0 ? 0 : (span - 1) / Math.abs(step) + 1;
            return new PyRange(start, stop, step, length, null);
        } catch (ArithmeticException e) { // the span exceeds 64 bits
            return of(BigInteger.valueOf(start), BigInteger.valueOf(stop), BigInteger.valueOf(step));
        }
    }

    /** A new range over ints of any size, in the long form when everything fits. */
    public static PyRange of(BigInteger start, BigInteger stop, BigInteger step) {
        if (step.signum() == 0) {
            throw PyExc.valueError("range() arg 3 must not be zero");
        }
        BigInteger span = step.signum() > 0 ? stop.subtract(start) : start.subtract(stop);
        BigInteger length = span.signum() <= 0 ? BigInteger.ZERO
                : span.subtract(BigInteger.ONE).divide(step.abs()).add(BigInteger.ONE);
        if (fits(start) && fits(stop) && fits(step) && fits(length) && step.longValue() != Long.MIN_VALUE) {
            return new PyRange(start.longValue(), stop.longValue(), step.longValue(), length.longValue(), null);
        }
        return new PyRange(0, 0, 0, 0, new BigInteger[] {start, stop, step, length});
    }

    private static boolean fits(BigInteger v) {
        return v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0;
    }

    /** {@code len(r)}: CPython's OverflowError when the length exceeds 64 bits. */
    public long length() {
        if (big == null) {
            return length;
        }
        if (!fits(big[3])) {
            throw new PyException(PyExc.OVERFLOW_ERROR, "Python int too large to convert to C ssize_t");
        }
        return big[3].longValue();
    }

    public boolean isEmpty() {
        return big == null ? length == 0 : big[3].signum() == 0;
    }

    /** New references to the start, stop and step attributes. */
    public PyInt startInt() {
        return big == null ? PyInt.of(start) : PyInt.of(big[0]);
    }

    public PyInt stopInt() {
        return big == null ? PyInt.of(stop) : PyInt.of(big[1]);
    }

    public PyInt stepInt() {
        return big == null ? PyInt.of(step) : PyInt.of(big[2]);
    }

    private BigInteger bigStart() {
        return big == null ? BigInteger.valueOf(start) : big[0];
    }

    private BigInteger bigStop() {
        return big == null ? BigInteger.valueOf(stop) : big[1];
    }

    private BigInteger bigStep() {
        return big == null ? BigInteger.valueOf(step) : big[2];
    }

    private BigInteger bigLength() {
        return big == null ? BigInteger.valueOf(length) : big[3];
    }

    /** {@code r[key]}: an int of any size (a negative one counts from the end) or a slice. */
    public PyObject getItem(PyObject key) {
        if (key instanceof PySlice sl) {
            return slice(sl);
        }
        if (big == null && key instanceof PyInt k && k.big == null) {
            long j = k.value < 0 ? k.value + length : k.value;
            if (j < 0 || j >= length) {
                throw PyExc.indexError("range object index out of range");
            }
            return PyInt.of(start + j * step); // within [start, stop): cannot overflow
        }
        BigInteger i = indexValue(key);
        if (i == null) {
            throw PyExc.typeError("range indices must be integers or slices, not " + key.type().name());
        }
        BigInteger n = bigLength();
        BigInteger j = i.signum() < 0 ? i.add(n) : i;
        if (j.signum() < 0 || j.compareTo(n) >= 0) {
            throw PyExc.indexError("range object index out of range");
        }
        return PyInt.of(bigStart().add(j.multiply(bigStep())));
    }

    /** {@code r[s]}: the range of the selected values, as CPython computes it. */
    public PyRange slice(PySlice s) {
        if (big == null) {
            long[] ix = s.indices(length);
            try {
                return of(Math.addExact(start, Math.multiplyExact(ix[0], step)),
                        Math.addExact(start, Math.multiplyExact(ix[1], step)), Math.multiplyExact(ix[2], step));
            } catch (ArithmeticException e) {
                // falls through to the exact computation
            }
        }
        BigInteger[] ix = sliceIndices(s, bigLength());
        BigInteger st = bigStart();
        BigInteger sp = bigStep();
        return of(st.add(ix[0].multiply(sp)), st.add(ix[1].multiply(sp)), ix[2].multiply(sp));
    }

    /** CPython's slice.indices over a length of any size: {start, stop, step}, clamped to the range. */
    private static BigInteger[] sliceIndices(PySlice s, BigInteger n) {
        BigInteger st = s.step() == PyNone.NONE ? BigInteger.ONE : sliceIndex(s.step());
        if (st.signum() == 0) {
            throw PyExc.valueError("slice step cannot be zero");
        }
        BigInteger lower = st.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO;
        BigInteger upper = st.signum() < 0 ? n.subtract(BigInteger.ONE) : n;
        BigInteger lo = s.start() == PyNone.NONE ? (st.signum() < 0 ? upper : lower) : bound(sliceIndex(s.start()), n, lower, upper);
        BigInteger hi = s.stop() == PyNone.NONE ? (st.signum() < 0 ? lower : upper) : bound(sliceIndex(s.stop()), n, lower, upper);
        return new BigInteger[] {lo, hi, st};
    }

    private static BigInteger bound(BigInteger v, BigInteger n, BigInteger lower, BigInteger upper) {
        if (v.signum() < 0) {
            v = v.add(n);
            return v.compareTo(lower) < 0 ? lower : v;
        }
        return v.compareTo(upper) > 0 ? upper : v;
    }

    private static BigInteger sliceIndex(PyObject v) {
        BigInteger i = indexValue(v);
        if (i == null) {
            throw PyExc.typeError("slice indices must be integers or None or have an __index__ method");
        }
        return i;
    }

    /**
     * An int, a bool or an object with {@code __index__} as a BigInteger (CPython's
     * PyNumber_Index); null for anything else.
     */
    public static BigInteger indexValue(PyObject o) {
        if (o instanceof PyBool b) {
            return b.value ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (o instanceof PyInt i) {
            return i.toBigInteger();
        }
        if (!(o instanceof PyInstance)) {
            return null;
        }
        PyObject r = Dunders.callOverride(o, "__index__");
        if (r == null) {
            return null;
        }
        try {
            if (r instanceof PyInt i) {
                return i.toBigInteger();
            }
            throw PyExc.typeError("__index__ returned non-int (type " + r.type().name() + ")");
        } finally {
            RefCount.decref(r);
        }
    }

    /** {@code x in r} for an int or bool {@code x}: arithmetic, as CPython's range_contains. */
    public boolean containsInt(PyObject x) {
        BigInteger v = indexValue(x);
        if (isEmpty()) {
            return false;
        }
        BigInteger st = bigStart();
        BigInteger sp = bigStep();
        BigInteger sto = bigStop();
        boolean inside = sp.signum() > 0 ? v.compareTo(st) >= 0 && v.compareTo(sto) < 0
                : v.compareTo(st) <= 0 && v.compareTo(sto) > 0;
        return inside && v.subtract(st).mod(sp.abs()).signum() == 0;
    }

    /** {@code r.index(x)} for an int or bool {@code x}; -1 when it is not in the range. */
    public PyInt indexOfInt(PyObject x) {
        if (!containsInt(x)) {
            return null;
        }
        return PyInt.of(indexValue(x).subtract(bigStart()).divide(bigStep()));
    }

    public PyIterator iterator() {
        if (big == null) {
            return new Iter(start, length, step);
        }
        return new BigIter(big[0], big[3], big[2]);
    }

    /** {@code reversed(r)}: iterates from the last value back to the first. */
    public PyIterator reversedIterator() {
        if (big == null) { // the last value lies within the range; the step is never Long.MIN_VALUE
            return new Iter(length == 0 ? 0 : start + (length - 1) * step, length, -step);
        }
        BigInteger n = big[3];
        BigInteger sp = big[2];
        BigInteger last = big[0].add(n.subtract(BigInteger.ONE).multiply(sp));
        PyRange backwards = of(last, last.subtract(n.multiply(sp)), sp.negate());
        PyIterator it = backwards.iterator(); // copies the bounds: the range is not kept
        RefCount.decref(backwards);
        return it;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Ranges compare as the sequences they stand for: {@code range(0) == range(5, 5)}. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyRange r)) {
            return false;
        }
        if (big == null && r.big == null) {
            return length == r.length && (length == 0 || start == r.start && (length == 1 || step == r.step));
        }
        BigInteger n = bigLength();
        return n.equals(r.bigLength()) && (n.signum() == 0 || bigStart().equals(r.bigStart())
                && (n.equals(BigInteger.ONE) || bigStep().equals(r.bigStep())));
    }

    @Override
    public int hashCode() {
        BigInteger n = bigLength();
        return java.util.Objects.hash(n, n.signum() == 0 ? 0 : bigStart(), n.compareTo(BigInteger.ONE) <= 0 ? 0 : bigStep());
    }

    @Override
    public String toString() {
        BigInteger sp = bigStep();
        return "range(" + PyInt.decimal(bigStart()) + ", " + PyInt.decimal(bigStop())
                + (sp.equals(BigInteger.ONE) ? "" : ", " + PyInt.decimal(sp)) + ")";
    }

    /** Counts down a remaining length, so the loop never overflows near Long.MAX_VALUE. */
    static final class Iter extends PyIterator {
        private long next;
        private long remaining;
        private final long step;

        Iter(long first, long length, long step) {
            this.next = first;
            this.remaining = length;
            this.step = step;
        }

        @Override
        public PyType type() {
            return IteratorTypes.RANGE;
        }

        @Override
        public PyObject next() {
            if (remaining <= 0) {
                return null;
            }
            remaining--;
            long v = next;
            next += step;
            return PyInt.of(v);
        }
    }

    /** CPython's {@code longrange_iterator}: a range beyond 64 bits, counted down in BigIntegers. */
    static final class BigIter extends PyIterator {
        private BigInteger next;
        private BigInteger remaining;
        private final BigInteger step;

        BigIter(BigInteger first, BigInteger length, BigInteger step) {
            this.next = first;
            this.remaining = length;
            this.step = step;
        }

        @Override
        public PyType type() {
            return LONG_ITER;
        }

        @Override
        public PyObject next() { // shared by threads it may repeat a value, as the long form may
            if (remaining.signum() <= 0) {
                return null;
            }
            remaining = remaining.subtract(BigInteger.ONE);
            BigInteger v = next;
            next = next.add(step);
            return PyInt.of(v);
        }
    }
}
