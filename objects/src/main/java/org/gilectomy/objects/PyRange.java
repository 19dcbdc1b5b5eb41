package org.gilectomy.objects;

/** {@code range(start, stop, step)} over longs, and its iterator. */
public final class PyRange extends PyObject {
    public static final PyType TYPE = new PyType("range", null);

    public final long start;
    public final long stop;
    public final long step;

    public PyRange(long start, long stop, long step) {
        if (step == 0) {
            throw PyExc.valueError("range() arg 3 must not be zero");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    public long length() {
        if (step > 0) {
            return start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0;
    }

    /** {@code r[s]}: the range of the selected values, as CPython computes it. */
    public PyRange slice(PySlice s) {
        long[] ix = s.indices(length());
        try {
            return new PyRange(Math.addExact(start, Math.multiplyExact(ix[0], step)),
                    Math.addExact(start, Math.multiplyExact(ix[1], step)), Math.multiplyExact(ix[2], step));
        } catch (ArithmeticException e) {
            throw PyExc.notImplemented("a slice of a range whose bounds exceed 64 bits");
        }
    }

    public PyIterator iterator() {
        return new Iter(start, length(), step);
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
        long n = length();
        return n == r.length() && (n == 0 || start == r.start && (n == 1 || step == r.step));
    }

    @Override
    public int hashCode() {
        long n = length();
        return java.util.Objects.hash(n, n == 0 ? 0 : start, n <= 1 ? 0 : step);
    }

    @Override
    public String toString() {
        return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
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
}
