package org.gilectomy.runtime.modules;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.gilectomy.locks.CriticalSection;
import org.gilectomy.objects.Container;
import org.gilectomy.objects.IndexedSequence;
import org.gilectomy.objects.Numbers;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PySlice;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.NumberBuiltins;

/**
 * {@code array.array}: a growable vector of machine numbers of one C type (its typecode, with
 * Linux x86-64's sizes). Each item is kept as one long: the integer itself, or a float's bits
 * ({@code 'f'} items are rounded to single precision when stored). Bytes are little-endian.
 *
 * <pre>
 * Overview
 *
 * Every operation, reads included, runs in a critical section on the array (free-threaded
 * build; under the GIL the sections fold away). The items are primitives, so no reference
 * is released inside a section. An operation on two arrays (a + b, a[i:j] = b, extend,
 * comparisons) copies the other array's items in its own section first, then works on this
 * one in this one's: never two sections at once.
 *
 * Field    access
 * data     guarded by the section (the array and its slots)
 * size     guarded by the section
 * code     final
 * </pre>
 */
final class PyArray extends PyObject implements Container, IndexedSequence, org.gilectomy.objects.BinaryOperand {
    static final PyType TYPE = PyType.ofModule("array", "array", PyType.OBJECT);
    static final PyType ITER = PyType.ofModule("array", "arrayiterator", PyType.OBJECT);
    /** The typecodes this runtime supports (CPython's also has 'u', deprecated). */
    static final String CODES = "bBhHiIlLqQfd";

    final Code code;
    private long[] data;
    private int size;

    /** One C type: its size and how a Python number is checked and stored. */
    enum Code {
        b(1, true), B(1, false), h(2, true), H(2, false), i(4, true), I(4, false),
        l(8, true), L(8, false), q(8, true), Q(8, false), f(4, true), d(8, true);

        final int itemSize;
        final boolean signed;

        Code(int itemSize, boolean signed) {
            this.itemSize = itemSize;
            this.signed = signed;
        }

        boolean real() {
            return this == f || this == d;
        }

        char letter() {
            return name().charAt(0);
        }

        static Code of(String typecode) {
            if (typecode.length() == 1 && CODES.indexOf(typecode.charAt(0)) >= 0) {
                return valueOf(typecode);
            }
            if (typecode.equals("u")) {
                throw PyExc.notImplemented("array typecode 'u' (wchar_t items)");
            }
            throw PyExc.valueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        }

        /** The stored form of a Python number, with CPython's errors for a wrong type or range. */
        long store(PyObject o) {
            if (real()) {
                if (!Numbers.isNumber(o)) {
                    throw PyExc.typeError("must be real number, not " + o.type().name());
                }
                double v = Numbers.toDouble(o);
                return Double.doubleToRawLongBits(this == f ? (double) (float) v : v);
            }
            if (!(o instanceof PyInt || o instanceof PyBool)) {
                throw PyExc.typeError("'" + o.type().name() + "' object cannot be interpreted as an integer");
            }
            BigInteger v = NumberBuiltins.big(o);
            if (itemSize == 8) {
                return signed ? long64(v) : unsigned64(v);
            }
            int bits = itemSize * 8;
            BigInteger max = BigInteger.ONE.shiftLeft(signed ? bits - 1 : bits).subtract(BigInteger.ONE);
            BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
            if (!signed && this == I && v.signum() < 0) {
                throw overflow("can't convert negative value to unsigned int");
            }
            if (v.compareTo(max) > 0) {
                throw overflow(rangeName() + " is greater than maximum");
            }
            if (v.compareTo(min) < 0) {
                throw overflow(rangeName() + " is less than minimum");
            }
            return v.longValue();
        }

        private String rangeName() {
            return switch (this) {
                case b -> "signed char";
                case B -> "unsigned byte integer";
                case h -> "signed short integer";
                case H -> "unsigned short";
                case i -> "signed integer";
                default -> "unsigned int";
            };
        }

        private long long64(BigInteger v) {
            if (v.bitLength() > 63) {
                throw overflow(this == l ? "Python int too large to convert to C long" : "int too big to convert");
            }
            return v.longValue();
        }

        private long unsigned64(BigInteger v) {
            if (v.signum() < 0) {
                throw overflow(this == L ? "can't convert negative value to unsigned int" : "can't convert negative int to unsigned");
            }
            if (v.bitLength() > 64) {
                throw overflow(this == L ? "Python int too large to convert to C unsigned long" : "int too big to convert");
            }
            return v.longValue();
        }

        /** A new reference to the Python number a stored item stands for. */
        PyObject load(long raw) {
            if (real()) {
                return PyFloat.of(Double.longBitsToDouble(raw));
            }
            if (itemSize == 8 && !signed && raw < 0) {
                return PyInt.of(new BigInteger(Long.toUnsignedString(raw)));
            }
            return PyInt.of(raw);
        }

        void put(ByteBuffer b, long raw) {
            switch (this) {
                case b, B -> b.put((byte) raw);
                case h, H -> b.putShort((short) raw);
                case i, I -> b.putInt((int) raw);
                case f -> b.putFloat((float) Double.longBitsToDouble(raw));
                default -> b.putLong(raw); // l L q Q d: the long is the bits
            }
        }

        long get(ByteBuffer b) {
            return switch (this) {
                case b -> b.get();
                case B -> b.get() & 0xff;
                case h -> b.getShort();
                case H -> b.getShort() & 0xffff;
                case i -> b.getInt();
                case I -> b.getInt() & 0xffffffffL;
                case f -> Double.doubleToRawLongBits(b.getFloat());
                default -> b.getLong();
            };
        }
    }

    private static PyException tooLong() {
        return PyExc.notImplemented("an array of more than 2**31 - 9 items");
    }

    private static PyException overflow(String message) {
        return new PyException(PyExc.OVERFLOW_ERROR, message);
    }

    PyArray(Code code, long[] items) {
        this.code = code;
        this.data = items;
        this.size = items.length;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    // ---------------------------------------------------------------- in the section

    private void ensure(int extra) {
        if ((long) size + extra > Integer.MAX_VALUE - 8) {
            throw tooLong();
        }
        if (size + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(size + extra, data.length * 2 + 4));
        }
    }

    private int position(long i) {
        long j = i < 0 ? i + size : i;
        if (j < 0 || j >= size) {
            throw PyExc.indexError("array index out of range");
        }
        return (int) j;
    }

    // ---------------------------------------------------------------- operations

    /** A copy of the items. */
    long[] items() {
        CriticalSection.begin(this);
        try {
            return Arrays.copyOf(data, size);
        } finally {
            CriticalSection.end();
        }
    }

    /** The stored form of each Python item of {@code values} (borrowed), checked before any is added. */
    long[] storeAll(PyObject[] values) {
        long[] r = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            r[k] = code.store(values[k]);
        }
        return r;
    }

    void addAll(long[] raw) {
        CriticalSection.begin(this);
        try {
            ensure(raw.length);
            System.arraycopy(raw, 0, data, size, raw.length);
            size += raw.length;
        } finally {
            CriticalSection.end();
        }
    }

    void insert(long index, long raw) {
        CriticalSection.begin(this);
        try {
            int i = (int) (index < 0 ? Math.max(0, index + size) : Math.min(index, size));
            ensure(1);
            System.arraycopy(data, i, data, i + 1, size - i);
            data[i] = raw;
            size++;
        } finally {
            CriticalSection.end();
        }
    }

    PyObject pop(long index) {
        CriticalSection.begin(this);
        try {
            if (size == 0) {
                throw PyExc.indexError("pop from empty array");
            }
            long j = index < 0 ? index + size : index;
            if (j < 0 || j >= size) {
                throw PyExc.indexError("pop index out of range");
            }
            long raw = data[(int) j];
            System.arraycopy(data, (int) j + 1, data, (int) j, size - (int) j - 1);
            size--;
            return code.load(raw);
        } finally {
            CriticalSection.end();
        }
    }

    /** The first index of an item equal to {@code x} from {@code start}, or -1. */
    long find(PyObject x, long start) {
        long raw;
        try {
            raw = code.store(x);
        } catch (PyException e) { // not storable: equal to no item
            e.release();
            return -1;
        }
        if (code.real() && Double.isNaN(Double.longBitsToDouble(raw))) {
            return -1;
        }
        CriticalSection.begin(this);
        try {
            for (long i = Math.max(0, start < 0 ? start + size : start); i < size; i++) {
                if (same(data[(int) i], raw)) {
                    return i;
                }
            }
            return -1;
        } finally {
            CriticalSection.end();
        }
    }

    long count(PyObject x) {
        long n = 0;
        for (long i = find(x, 0); i >= 0; i = find(x, i + 1)) {
            n++;
        }
        return n;
    }

    private boolean same(long a, long b) {
        return code.real() ? Double.longBitsToDouble(a) == Double.longBitsToDouble(b) : a == b;
    }

    void removeAt(long i) {
        CriticalSection.begin(this);
        try {
            int j = position(i);
            System.arraycopy(data, j + 1, data, j, size - j - 1);
            size--;
        } finally {
            CriticalSection.end();
        }
    }

    void reverse() {
        CriticalSection.begin(this);
        try {
            for (int i = 0, j = size - 1; i < j; i++, j--) {
                long t = data[i];
                data[i] = data[j];
                data[j] = t;
            }
        } finally {
            CriticalSection.end();
        }
    }

    /** A new array of this one repeated {@code n} times. */
    PyArray repeat(long n) {
        long[] mine = items();
        long total = mine.length * Math.max(0, n);
        if (total > Integer.MAX_VALUE - 8) {
            throw tooLong();
        }
        long[] r = new long[(int) total];
        for (int k = 0; k < r.length; k += mine.length) {
            System.arraycopy(mine, 0, r, k, mine.length);
        }
        return new PyArray(code, r);
    }

    /** {@code self *= n}. */
    void repeatInPlace(long n) {
        CriticalSection.begin(this);
        try {
            long total = (long) size * Math.max(0, n);
            if (total > Integer.MAX_VALUE - 8) {
                throw tooLong();
            }
            long[] r = new long[(int) total];
            for (int k = 0; k < r.length; k += size) {
                System.arraycopy(data, 0, r, k, size);
            }
            data = r;
            size = r.length;
        } finally {
            CriticalSection.end();
        }
    }

    byte[] toBytes() {
        long[] mine = items();
        ByteBuffer b = ByteBuffer.allocate(mine.length * code.itemSize).order(ByteOrder.LITTLE_ENDIAN);
        for (long raw : mine) {
            code.put(b, raw);
        }
        return b.array();
    }

    /** The items stored in {@code bytes} (a whole number of items). */
    long[] fromBytes(byte[] bytes) {
        if (bytes.length % code.itemSize != 0) {
            throw PyExc.valueError("bytes length not a multiple of item size");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long[] r = new long[bytes.length / code.itemSize];
        for (int k = 0; k < r.length; k++) {
            r[k] = code.get(b);
        }
        return r;
    }

    void byteswap() {
        CriticalSection.begin(this);
        try {
            for (int k = 0; k < size; k++) {
                ByteBuffer b = ByteBuffer.allocate(code.itemSize).order(ByteOrder.LITTLE_ENDIAN);
                code.put(b, data[k]);
                b.flip();
                b.order(ByteOrder.BIG_ENDIAN);
                data[k] = code.get(b);
            }
        } finally {
            CriticalSection.end();
        }
    }

    // ---------------------------------------------------------------- the protocols

    /** The items of {@code other} for {@code self + other} or {@code self += other}: an array of the same typecode. */
    private long[] operandItems(PyObject other) {
        if (!(other instanceof PyArray o)) {
            throw PyExc.typeError("can only append array (not \"" + other.type().name() + "\") to array");
        }
        if (o.code != code) {
            throw PyExc.typeError("bad argument type for built-in operation");
        }
        return o.items();
    }

    private static boolean isCount(PyObject o) {
        return o instanceof PyInt || o instanceof PyBool;
    }

    @Override
    public PyObject binary(org.gilectomy.objects.BinaryOp op, PyObject other, boolean reflected) {
        if (op == org.gilectomy.objects.BinaryOp.ADD && !reflected) {
            long[] theirs = operandItems(other);
            long[] mine = items();
            long[] all = Arrays.copyOf(mine, mine.length + theirs.length);
            System.arraycopy(theirs, 0, all, mine.length, theirs.length);
            return new PyArray(code, all);
        }
        if (op == org.gilectomy.objects.BinaryOp.MUL) {
            if (isCount(other)) {
                return repeat(org.gilectomy.objects.Args.asLong(other));
            }
            if (!reflected) {
                throw PyExc.typeError("can't multiply sequence by non-int of type '" + other.type().name() + "'");
            }
        }
        return null;
    }

    @Override
    public boolean inPlace(org.gilectomy.objects.BinaryOp op, PyObject other) {
        if (op == org.gilectomy.objects.BinaryOp.ADD) {
            addAll(operandItems(other));
            return true;
        }
        if (op == org.gilectomy.objects.BinaryOp.MUL && isCount(other)) {
            repeatInPlace(org.gilectomy.objects.Args.asLong(other));
            return true;
        }
        return false;
    }

    @Override
    public long length() {
        CriticalSection.begin(this);
        try {
            return size;
        } finally {
            CriticalSection.end();
        }
    }

    @Override
    public boolean containsItem(PyObject item) {
        return find(item, 0) >= 0;
    }

    @Override
    public PyObject[] snapshot() {
        long[] mine = items();
        PyObject[] r = new PyObject[mine.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = code.load(mine[k]);
        }
        return r;
    }

    private static long index(PyObject key) {
        if (key instanceof PyInt || key instanceof PyBool) {
            return org.gilectomy.objects.Args.asIndex(key);
        }
        throw PyExc.typeError("array indices must be integers");
    }

    @Override
    public PyObject getItem(PyObject key) {
        if (key instanceof PySlice s) {
            CriticalSection.begin(this);
            try {
                long[] ix = s.indices(size);
                long[] r = new long[(int) ix[3]];
                for (int k = 0; k < r.length; k++) {
                    r[k] = data[(int) (ix[0] + k * ix[2])];
                }
                return new PyArray(code, r);
            } finally {
                CriticalSection.end();
            }
        }
        long i = index(key);
        long raw;
        CriticalSection.begin(this);
        try {
            raw = data[position(i)];
        } finally {
            CriticalSection.end();
        }
        return code.load(raw);
    }

    @Override
    public void setItem(PyObject key, PyObject value) {
        if (key instanceof PySlice s) {
            if (!(value instanceof PyArray other)) {
                throw PyExc.typeError("can only assign array (not \"" + value.type().name() + "\") to array slice");
            }
            if (other.code != code) {
                throw PyExc.typeError("bad argument type for built-in operation");
            }
            assignSlice(s, other.items());
            return;
        }
        long i = index(key);
        long raw = code.store(value);
        CriticalSection.begin(this);
        try {
            data[position(i)] = raw;
        } finally {
            CriticalSection.end();
        }
    }

    private void assignSlice(PySlice s, long[] values) {
        CriticalSection.begin(this);
        try {
            long[] ix = s.indices(size);
            int len = (int) ix[3];
            if (ix[2] == 1) {
                int lo = (int) ix[0];
                int hi = lo + len;
                ensure(Math.max(0, values.length - len));
                System.arraycopy(data, hi, data, lo + values.length, size - hi);
                System.arraycopy(values, 0, data, lo, values.length);
                size += values.length - len;
                return;
            }
            if (values.length != len) {
                throw PyExc.valueError("attempt to assign array of size " + values.length + " to extended slice of size " + len);
            }
            for (int k = 0; k < len; k++) {
                data[(int) (ix[0] + k * ix[2])] = values[k];
            }
        } finally {
            CriticalSection.end();
        }
    }

    @Override
    public void delItem(PyObject key) {
        if (key instanceof PySlice s) {
            CriticalSection.begin(this);
            try {
                long[] ix = s.indices(size);
                boolean[] gone = new boolean[size];
                for (long k = 0; k < ix[3]; k++) {
                    gone[(int) (ix[0] + k * ix[2])] = true;
                }
                int w = 0;
                for (int r = 0; r < size; r++) {
                    if (!gone[r]) {
                        data[w++] = data[r];
                    }
                }
                size = w;
            } finally {
                CriticalSection.end();
            }
            return;
        }
        removeAt(index(key));
    }

    @Override
    public PyIterator iterator() {
        RefCount.incref(this);
        return new Iter(this);
    }

    @Override
    public PyIterator reversedIterator() {
        PyObject[] items = snapshot();
        java.util.Collections.reverse(Arrays.asList(items));
        PyArray copy = new PyArray(code, new long[0]);
        try {
            copy.addAll(storeAll(items));
        } finally {
            for (PyObject x : items) {
                RefCount.decref(x);
            }
        }
        return new Iter(copy); // the iterator takes the copy's reference
    }

    @Override
    public int hashCode() {
        throw PyExc.typeError("unhashable type: 'array.array'");
    }

    @Override
    public boolean equals(Object o) {
        return this == o; // == of arrays goes through Ops (IndexedSequence), item by item
    }

    @Override
    public String toString() {
        long[] mine = items();
        if (mine.length == 0) {
            return "array('" + code.letter() + "')";
        }
        StringBuilder sb = new StringBuilder("array('").append(code.letter()).append("', [");
        for (int k = 0; k < mine.length; k++) {
            PyObject x = code.load(mine[k]);
            sb.append(k > 0 ? ", " : "").append(org.gilectomy.objects.Ops.repr(x));
            RefCount.decref(x);
        }
        return sb.append("])").toString();
    }

    /** The array's iterator: one item at a time in the array's section; sees later changes, as CPython's. */
    static final class Iter extends org.gilectomy.objects.OwningIterator<PyArray> {
        private int next;

        /** Takes a reference to {@code owned}. */
        Iter(PyArray owned) {
            super(owned);
        }

        @Override
        public PyType type() {
            return ITER;
        }

        @Override
        public PyObject next() {
            PyArray a = source();
            if (a == null) {
                return null;
            }
            long raw = 0;
            boolean has;
            CriticalSection.begin(a);
            try {
                has = next < a.size;
                if (has) {
                    raw = a.data[next++];
                }
            } finally {
                CriticalSection.end();
            }
            if (!has) {
                finish();
                return null;
            }
            return a.code.load(raw);
        }
    }
}
