package org.gilectomy.objects;

import java.math.BigInteger;
import org.gilectomy.refcount.RefCount;

/**
 * {@code str % values}: printf-style formatting with CPython 3.11's conversions
 * ({@code d i u o x X e E f F g G c r s a %}), flags ({@code - + space # 0}), width and
 * precision (each possibly {@code *}), mapping keys ({@code %(name)s}) and error messages.
 * Numbers are rendered through {@link Formatting}'s mini-language.
 */
public final class PercentFormat {
    private PercentFormat() {
    }

    /** Returns a new str. {@code values} is borrowed. */
    public static PyObject format(String fmt, PyObject values) {
        PyObject[] args;
        PyDict mapping = null;
        if (values instanceof PyTuple t) {
            args = new PyObject[t.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = t.getBorrowed(i);
            }
        } else {
            args = new PyObject[] {values};
            if (values instanceof PyDict d) {
                mapping = d;
            }
        }
        return PyStr.of(new PercentFormat.Run(fmt, args, mapping, values instanceof PyTuple).run());
    }

    private static final class Run {
        private final String fmt;
        private final PyObject[] args;
        private final PyDict mapping;
        private final boolean isTuple;
        private int next;
        private int i;
        private boolean usedMapping;

        Run(String fmt, PyObject[] args, PyDict mapping, boolean isTuple) {
            this.fmt = fmt;
            this.args = args;
            this.mapping = mapping;
            this.isTuple = isTuple;
        }

        String run() {
            StringBuilder out = new StringBuilder();
            int n = fmt.length();
            while (i < n) {
                char c = fmt.charAt(i++);
                if (c != '%') {
                    out.append(c);
                    continue;
                }
                conversion(out);
            }
            if (next < args.length && !usedMapping && (isTuple || mapping == null)) {
                throw PyExc.typeError("not all arguments converted during string formatting");
            }
            return out.toString();
        }

        private char peek() {
            if (i >= fmt.length()) {
                throw PyExc.valueError("incomplete format");
            }
            return fmt.charAt(i);
        }

        private void conversion(StringBuilder out) {
            PyObject key = null;
            if (peek() == '(') {
                if (mapping == null) {
                    throw PyExc.typeError("format requires a mapping");
                }
                int depth = 1;
                int start = ++i;
                while (i < fmt.length() && depth > 0) {
                    char c = fmt.charAt(i++);
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                }
                if (depth > 0) {
                    throw PyExc.valueError("incomplete format key");
                }
                key = PyStr.of(fmt.substring(start, i - 1));
                usedMapping = true;
            }
            boolean left = false;
            boolean zero = false;
            boolean alternate = false;
            char sign = 0;
            while (true) {
                char f = peek();
                if (f == '-') {
                    left = true;
                } else if (f == '0') {
                    zero = true;
                } else if (f == '#') {
                    alternate = true;
                } else if (f == '+') {
                    sign = '+';
                } else if (f == ' ') {
                    sign = sign == '+' ? '+' : ' ';
                } else {
                    break;
                }
                i++;
            }
            int width = -1;
            if (peek() == '*') {
                i++;
                width = (int) Args.asLong(nextArg());
                if (width < 0) {
                    left = true;
                    width = -width;
                }
            } else {
                width = number();
            }
            int precision = -1;
            if (peek() == '.') {
                i++;
                if (peek() == '*') {
                    i++;
                    precision = (int) Args.asLong(nextArg());
                } else {
                    precision = Math.max(0, number());
                }
            }
            while (peek() == 'h' || peek() == 'l' || peek() == 'L') {
                i++;
            }
            char type = fmt.charAt(i++);
            if (type == '%') {
                out.append('%');
                return;
            }
            String flags = (left ? "<" : "") + (sign != 0 ? String.valueOf(sign) : "") + (alternate ? "#" : "")
                    + (zero && !left ? "0" : "") + (width >= 0 ? Integer.toString(width) : "");
            if (key == null) {
                out.append(convert(nextArg(), type, flags, precision, left, width));
                return;
            }
            PyObject v = mapping.get(key);
            try {
                if (v == null) {
                    throw new PyException(PyExc.KEY_ERROR, Ops.repr(key));
                }
                out.append(convert(v, type, flags, precision, left, width));
            } finally {
                RefCount.decref(key);
                if (v != null) {
                    RefCount.decref(v);
                }
            }
        }

        private String convert(PyObject v, char type, String flags, int precision, boolean left, int width) {
            switch (type) {
                case 's', 'r', 'a' -> {
                    String s = type == 's' ? Ops.str(v) : type == 'r' ? Ops.repr(v) : Formatting.ascii(Ops.repr(v));
                    return Formatting.formatString(s, (left ? "<" : ">") + (width >= 0 ? Integer.toString(width) : "")
                            + (precision >= 0 ? "." + precision : "")); // the precision counts code points
                }
                case 'd', 'i', 'u' -> {
                    BigInteger n = integer(v, type, true);
                    String s = Formatting.formatInt(n, flags + "d");
                    return precision > 0 ? minimumDigits(s, n, precision, flags) : s;
                }
                case 'o', 'x', 'X' -> {
                    BigInteger n = integer(v, type, false);
                    return Formatting.formatInt(n, flags + type);
                }
                case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                    if (!(v instanceof PyFloat || v instanceof PyInt || v instanceof PyBool)) {
                        throw PyExc.typeError("must be real number, not " + v.type().name());
                    }
                    double d = v instanceof PyFloat f ? f.value : Numbers.toDouble(v);
                    return Formatting.formatFloat(d, flags + "." + (precision < 0 ? 6 : precision) + type);
                }
                case 'c' -> {
                    String c;
                    if (v instanceof PyStr s && s.value.codePointCount(0, s.value.length()) == 1) {
                        c = s.value;
                    } else if (v instanceof PyInt n) {
                        long cp = Args.asLong(n);
                        if (cp < 0 || cp > 0x10ffff) {
                            throw new PyException(PyExc.OVERFLOW_ERROR, "%c arg not in range(0x110000)");
                        }
                        c = new String(Character.toChars((int) cp));
                    } else {
                        throw PyExc.typeError("%c requires int or char");
                    }
                    return Formatting.formatString(c, (left ? "<" : ">") + (width >= 0 ? Integer.toString(width) : ""));
                }
                default -> throw PyExc.valueError("unsupported format character '" + type + "' (0x"
                        + Integer.toHexString(type) + ") at index " + (i - 1));
            }
        }

        /** {@code %.3d}: at least that many digits. */
        private String minimumDigits(String formatted, BigInteger n, int precision, String flags) {
            String digits = n.abs().toString();
            if (digits.length() >= precision) {
                return formatted;
            }
            String padded = (n.signum() < 0 ? "-" : "") + "0".repeat(precision - digits.length()) + digits;
            return Formatting.formatString(padded, flags.startsWith("<") ? "<" + widthOf(flags) : ">" + widthOf(flags));
        }

        private static String widthOf(String flags) {
            int k = flags.length();
            while (k > 0 && Character.isDigit(flags.charAt(k - 1))) {
                k--;
            }
            return flags.substring(k);
        }

        private BigInteger integer(PyObject v, char type, boolean acceptFloat) {
            if (v instanceof PyInt n) {
                return n.toBigInteger();
            }
            if (v instanceof PyBool b) {
                return BigInteger.valueOf(b.value ? 1 : 0);
            }
            if (acceptFloat && v instanceof PyFloat f) {
                if (Double.isNaN(f.value) || Double.isInfinite(f.value)) {
                    throw new PyException(Double.isNaN(f.value) ? PyExc.VALUE_ERROR : PyExc.OVERFLOW_ERROR,
                            "cannot convert float " + (Double.isNaN(f.value) ? "NaN" : "infinity") + " to integer");
                }
                return new java.math.BigDecimal(f.value).toBigInteger();
            }
            throw PyExc.typeError("%" + type + " format: " + (acceptFloat ? "a real number" : "an integer")
                    + " is required, not " + v.type().name());
        }

        private int number() {
            int start = i;
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                i++;
            }
            return i == start ? -1 : Integer.parseInt(fmt.substring(start, i));
        }

        private PyObject nextArg() {
            if (mapping != null && !isTuple) {
                if (next > 0) {
                    throw PyExc.typeError("not enough arguments for format string");
                }
                next++;
                return args[0];
            }
            if (next >= args.length) {
                throw PyExc.typeError("not enough arguments for format string");
            }
            return args[next++];
        }
    }
}
