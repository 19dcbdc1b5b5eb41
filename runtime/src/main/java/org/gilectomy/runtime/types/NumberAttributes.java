package org.gilectomy.runtime.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.UnaryOperator;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyComplex;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyFloat;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * The attributes and methods of int (and so bool) and float values that CPython 3.11 has:
 * {@code real}, {@code imag}, {@code numerator}, {@code denominator}, {@code conjugate()},
 * {@code bit_length()}, {@code bit_count()}, {@code as_integer_ratio()}, and float's
 * {@code is_integer()}. A bool's are those of the int it equals, as in CPython.
 */
public final class NumberAttributes {
    private NumberAttributes() {
    }

    public static void install() {
        PyType i = PyInt.TYPE;
        i.addGetter("real", NumberAttributes::asInt);
        i.addGetter("imag", o -> PyInt.of(0));
        i.addGetter("numerator", NumberAttributes::asInt);
        i.addGetter("denominator", o -> PyInt.of(1));
        noArguments(i, "conjugate", NumberAttributes::asInt);
        noArguments(i, "bit_length", o -> PyInt.of(big(o).abs().bitLength()));
        noArguments(i, "bit_count", o -> PyInt.of(big(o).abs().bitCount()));
        noArguments(i, "as_integer_ratio", o -> PyTuple.steal(new PyObject[] {asInt(o), PyInt.of(1)}));

        PyType f = PyFloat.TYPE;
        f.addGetter("real", NumberAttributes::self);
        f.addGetter("imag", o -> PyFloat.of(0.0));
        noArguments(f, "conjugate", NumberAttributes::self);
        noArguments(f, "is_integer", o -> {
            double d = ((PyFloat) o).value;
            return PyBool.of(!Double.isInfinite(d) && d == Math.floor(d));
        });
        noArguments(f, "as_integer_ratio", NumberAttributes::floatRatio);

        PyType c = PyComplex.TYPE;
        c.addGetter("real", o -> PyFloat.of(((PyComplex) o).real));
        c.addGetter("imag", o -> PyFloat.of(((PyComplex) o).imag));
        noArguments(c, "conjugate", o -> new PyComplex(((PyComplex) o).real, -((PyComplex) o).imag));
    }

    private static void noArguments(PyType t, String name, UnaryOperator<PyObject> body) {
        String qualified = t.name() + "." + name;
        t.addMethod(name, (a, off, n, kw) -> {
            Args.exactly(qualified, n - 1, 0, kw);
            return body.apply(a[off]);
        });
    }

    /** The number itself, as a new reference; an exact copy for a subclass's instance, as CPython's. */
    private static PyObject self(PyObject o) {
        if (o instanceof PyFloat f && f.getClass() != PyFloat.class) {
            return PyFloat.of(f.value);
        }
        if (o instanceof PyInt i && i.getClass() != PyInt.class) {
            return i.isBig() ? PyInt.of(i.big) : PyInt.of(i.value);
        }
        RefCount.incref(o);
        return o;
    }

    /** The int a bool or int equals, as a new reference (an int's own object). */
    private static PyObject asInt(PyObject o) {
        if (o instanceof PyBool b) {
            return PyInt.of(b.value ? 1 : 0);
        }
        return self(o);
    }

    private static BigInteger big(PyObject o) {
        return o instanceof PyBool b ? (b.value ? BigInteger.ONE : BigInteger.ZERO) : ((PyInt) o).toBigInteger();
    }

    /** float.as_integer_ratio(): the exact fraction in lowest terms, denominator a power of two. */
    private static PyObject floatRatio(PyObject o) {
        double d = ((PyFloat) o).value;
        if (Double.isNaN(d)) {
            throw PyExc.valueError("cannot convert NaN to integer ratio");
        }
        if (Double.isInfinite(d)) {
            throw new org.gilectomy.objects.PyException(PyExc.OVERFLOW_ERROR, "cannot convert Infinity to integer ratio");
        }
        BigDecimal exact = new BigDecimal(d);
        BigInteger num = exact.unscaledValue();
        BigInteger den = BigInteger.ONE;
        if (exact.scale() > 0) {
            den = BigInteger.TEN.pow(exact.scale());
        } else {
            num = num.multiply(BigInteger.TEN.pow(-exact.scale()));
        }
        BigInteger g = num.gcd(den);
        return PyTuple.steal(new PyObject[] {PyInt.of(num.divide(g)), PyInt.of(den.divide(g))});
    }
}
