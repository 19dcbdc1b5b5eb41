package org.gilectomy.runtime.interp;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gilectomy.objects.Dunders;
import org.gilectomy.objects.Numbers;
import org.gilectomy.objects.PyComplex;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.refcount.RefCount;

/** The {@code complex(real=0, imag=0)} constructor, with CPython 3.11's string syntax and messages. */
final class ComplexBuiltins {
    private ComplexBuiltins() {
    }

    /** A decimal float as float() reads it (digits with single underscores between them), or inf/nan. */
    private static final String NUMBER =
            "(?:(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:e[+-]?\\d(?:_?\\d)*)?|inf(?:inity)?|nan)";
    /** real, imag j, or real (+|-) imag j, where imag may be left out ("1+j"). */
    private static final Pattern COMPLEX = Pattern.compile(
            "([+-]?" + NUMBER + ")?(?:([+-]?)(" + NUMBER + ")?j)?");

    static PyObject newComplex(PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind("complex", a, off, n, kw, 0, "real", "imag");
        PyObject r = p[0];
        PyObject i = p[1];
        if (r == null && i == null) {
            return new PyComplex(0.0, 0.0);
        }
        if (r instanceof PyStr s) {
            if (i != null) {
                throw PyExc.typeError("complex() can't take second arg if first is a string");
            }
            return parse(s.value);
        }
        if (i instanceof PyStr) {
            throw PyExc.typeError("complex() second arg can't be a string");
        }
        double[] re = r == null ? new double[] {0.0, 0.0} : parts(r, true);
        if (i == null) {
            if (r instanceof PyComplex c && c.getClass() == PyComplex.class) {
                RefCount.incref(c);
                return c;
            }
            return new PyComplex(re[0], re[1]);
        }
        double[] im = parts(i, false);
        // As CPython: a part is added only where an argument was complex (so complex(1, -0.0) keeps -0.0).
        double real = im[2] != 0 ? re[0] - im[1] : re[0];
        double imag = re[2] != 0 ? re[1] + im[0] : im[0];
        return new PyComplex(real, imag);
    }

    /** The real and imaginary parts of a constructor argument, and 1 if it was complex (else 0). */
    private static double[] parts(PyObject o, boolean first) {
        if (o instanceof PyComplex c) {
            return new double[] {c.real, c.imag, 1};
        }
        if (Numbers.isNumber(o)) {
            return new double[] {Numbers.toDouble(o), 0.0, 0};
        }
        PyObject converted = first ? Dunders.callOverride(o, "__complex__") : null;
        if (converted == null) {
            converted = Dunders.callOverride(o, "__float__");
        }
        if (converted == null) {
            converted = Dunders.callOverride(o, "__index__");
        }
        if (converted == null) {
            throw PyExc.typeError("complex() " + (first ? "first argument must be a string or a number"
                    : "second argument must be a number") + ", not '" + o.type().name() + "'");
        }
        try {
            if (converted instanceof PyComplex c) {
                return new double[] {c.real, c.imag, 1};
            }
            if (!Numbers.isNumber(converted)) {
                throw PyExc.typeError("__complex__ returned non-complex (type " + converted.type().name() + ")");
            }
            return parts(converted, first);
        } finally {
            RefCount.decref(converted);
        }
    }

    private static PyComplex parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        Matcher m = COMPLEX.matcher(s);
        if (s.isEmpty() || !m.matches() || (m.group(1) == null && !s.endsWith("j"))) {
            throw PyExc.valueError("complex() arg is a malformed string");
        }
        String real = m.group(1);
        boolean hasImag = s.endsWith("j");
        if (hasImag && real != null && m.group(2).isEmpty() && m.group(3) == null) {
            // "5j" was read as real "5" then "j": it is the imaginary part alone.
            return new PyComplex(0.0, number(real));
        }
        if (hasImag && real != null && m.group(2).isEmpty()) {
            throw PyExc.valueError("complex() arg is a malformed string"); // "1 2j"-like juxtaposition
        }
        double re = real == null ? 0.0 : number(real);
        double im = 0.0;
        if (hasImag) {
            im = m.group(3) == null ? 1.0 : number(m.group(3));
            if (m.group(2).equals("-")) {
                im = -im;
            }
        }
        return new PyComplex(re, im);
    }

    private static double number(String s) {
        String t = s.replace("_", "");
        return switch (t.replaceFirst("^[+-]", "")) {
            case "inf", "infinity" -> t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(t);
        };
    }
}
