package org.gilectomy.objects;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's format-specification mini-language ({@code [[fill]align][sign][z][#][0][width][,|_][.precision][type]})
 * for str, int, bool and float, with CPython 3.11's results and error messages. It backs
 * f-strings, {@code format()}, {@code str.format} and {@code %} formatting.
 *
 * <p>Floats are rounded from their exact binary value, half to even, as C's printf (and so
 * CPython) does; {@link BigDecimal}'s exact conversion of a double gives that for free.
 */
public final class Formatting {
    private Formatting() {
    }

    /**
     * A parsed spec; {@code fill} a code point, {@code type} 0 when absent, {@code width}/{@code precision}
     * -1 when absent.
     */
    record Spec(int fill, char align, char sign, boolean noNegZero, boolean alternate, boolean zero, int width,
                char grouping, int precision, char type) {
    }

    /** {@code format(value, spec)}. */
    public static String format(PyObject v, String spec) {
        if (v instanceof PyStr s) {
            return formatString(s.value, spec);
        }
        if (v instanceof PyBool b) {
            return spec.isEmpty() ? (b.value ? "True" : "False") : formatInt(BigInteger.valueOf(b.value ? 1 : 0), spec);
        }
        if (v instanceof PyInt i) {
            return formatInt(i.toBigInteger(), spec);
        }
        if (v instanceof PyFloat f) {
            return formatFloat(f.value, spec);
        }
        if (spec.isEmpty()) {
            return Ops.str(v);
        }
        throw PyExc.typeError("unsupported format string passed to " + v.type().name() + ".__format__");
    }

    /** The {@code format(value[, spec])} built-in; arguments borrowed, returns a new str. */
    public static PyObject builtin(PyObject[] a, int off, int n, PyTuple kw) {
        Args.between("format", n, 1, 2, kw);
        if (n == 2 && !(a[off + 1] instanceof PyStr)) {
            throw PyExc.typeError("format() argument 2 must be str, not " + a[off + 1].type().name());
        }
        return PyStr.of(format(a[off], n == 2 ? ((PyStr) a[off + 1]).value : ""));
    }

    /** {@code ascii()} of a repr: non-ASCII characters escaped. */
    public static String ascii(String repr) {
        StringBuilder sb = new StringBuilder();
        repr.codePoints().forEach(c -> {
            if (c < 128) {
                sb.append((char) c);
            } else {
                sb.append(PyStr.escape(c));
            }
        });
        return sb.toString();
    }

    // ------------------------------------------------------------------ parsing

    static Spec parse(String s, String typeName) {
        int i = 0;
        int n = s.length();
        int fill = ' ';
        char align = 0;
        int fillChars = n == 0 ? 0 : Character.charCount(s.codePointAt(0)); // the fill may be any code point
        if (n > fillChars && isAlign(s.charAt(fillChars))) {
            fill = s.codePointAt(0);
            align = s.charAt(fillChars);
            i = fillChars + 1;
        } else if (n >= 1 && isAlign(s.charAt(0))) {
            align = s.charAt(0);
            i = 1;
        }
        char sign = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-' || s.charAt(i) == ' ')) {
            sign = s.charAt(i++);
        }
        boolean noNegZero = false;
        if (i < n && s.charAt(i) == 'z') {
            noNegZero = true;
            i++;
        }
        boolean alternate = false;
        if (i < n && s.charAt(i) == '#') {
            alternate = true;
            i++;
        }
        boolean zero = false;
        if (i < n && s.charAt(i) == '0') {
            zero = true;
            i++;
        }
        int width = -1;
        int start = i;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i > start) {
            width = parseCount(s.substring(start, i));
        }
        char grouping = 0;
        if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
            grouping = s.charAt(i++);
            if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
                throw PyExc.valueError("Cannot specify both ',' and '_'.");
            }
        }
        int precision = -1;
        if (i < n && s.charAt(i) == '.') {
            i++;
            start = i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw PyExc.valueError("Format specifier missing precision");
            }
            precision = parseCount(s.substring(start, i));
        }
        char type = 0;
        if (i < n) {
            type = s.charAt(i++);
        }
        if (i < n) {
            throw PyExc.valueError("Invalid format specifier '" + s + "' for object of type '" + typeName + "'");
        }
        if (zero && align == 0) {
            fill = '0';
            align = typeName.equals("str") ? '<' : '=';
        }
        if (grouping != 0 && type != 0 && "dfFeEgG%".indexOf(type) < 0
                && !(grouping == '_' && "boxX".indexOf(type) >= 0)) {
            throw PyExc.valueError("Cannot specify '" + grouping + "' with '" + type + "'.");
        }
        return new Spec(fill, align, sign, noNegZero, alternate, zero && fill == '0', width, grouping, precision, type);
    }

    private static boolean isAlign(char c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    private static int parseCount(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw PyExc.valueError("Too many decimal digits in format string");
        }
    }

    private static PyException unknownCode(char type, String typeName) {
        return PyExc.valueError("Unknown format code '" + type + "' for object of type '" + typeName + "'");
    }

    // ------------------------------------------------------------------ str

    public static String formatString(String value, String specText) {
        if (specText.isEmpty()) {
            return value;
        }
        Spec spec = parse(specText, "str");
        if (spec.type != 0 && spec.type != 's') {
            throw unknownCode(spec.type, "str");
        }
        if (spec.sign != 0) {
            throw PyExc.valueError("Sign not allowed in string format specifier");
        }
        if (spec.alternate) {
            throw PyExc.valueError("Alternate form (#) not allowed in string format specifier");
        }
        if (spec.align == '=') {
            throw PyExc.valueError("'=' alignment not allowed in string format specifier");
        }
        if (spec.grouping != 0) {
            throw PyExc.valueError("Cannot specify '" + spec.grouping + "' with 's'.");
        }
        String s = value;
        if (spec.precision >= 0 && s.codePointCount(0, s.length()) > spec.precision) {
            s = s.substring(0, s.offsetByCodePoints(0, spec.precision));
        }
        return pad("", s, spec, '<');
    }

    /** Pads {@code prefix + body} to the width; '=' puts the padding between them. */
    private static String pad(String prefix, String body, Spec spec, char defaultAlign) {
        int len = prefix.codePointCount(0, prefix.length()) + body.codePointCount(0, body.length());
        int padding = spec.width - len;
        if (padding <= 0) {
            return prefix + body;
        }
        char align = spec.align == 0 ? defaultAlign : spec.align;
        String fill = Character.toString(spec.fill);
        return switch (align) {
            case '<' -> prefix + body + fill.repeat(padding);
            case '^' -> fill.repeat(padding / 2) + prefix + body + fill.repeat(padding - padding / 2);
            case '=' -> prefix + fill.repeat(padding) + body;
            default -> fill.repeat(padding) + prefix + body;
        };
    }

    // ------------------------------------------------------------------ int

    public static String formatInt(BigInteger v, String specText) {
        if (specText.isEmpty()) {
            return PyInt.decimal(v);
        }
        Spec spec = parse(specText, "int");
        char type = spec.type == 0 ? 'd' : spec.type;
        if ("eEfFgG%".indexOf(type) >= 0) {
            return formatFloat(spec, v.doubleValue());
        }
        if ("bcdoxXn".indexOf(type) < 0) {
            throw unknownCode(type, "int");
        }
        if (spec.precision >= 0) {
            throw PyExc.valueError("Precision not allowed in integer format specifier");
        }
        if (spec.noNegZero) {
            throw PyExc.valueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        if (type == 'c') {
            if (spec.sign != 0) {
                throw PyExc.valueError("Sign not allowed with integer format specifier 'c'");
            }
            if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(0x10ffff)) > 0) {
                throw new PyException(PyExc.OVERFLOW_ERROR, "%c arg not in range(0x110000)");
            }
            return pad("", new String(Character.toChars(v.intValue())), spec, '<');
        }
        int radix = switch (type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = radix == 10 ? PyInt.decimal(v.abs()) : v.abs().toString(radix);
        if (type == 'X') {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        String prefix = signOf(v.signum() < 0, spec.sign);
        if (spec.alternate && radix != 10) {
            prefix += "0" + (type == 'X' ? 'X' : type);
        }
        return padNumber(prefix, digits, "", spec, radix == 10 ? 3 : 4);
    }

    private static String signOf(boolean negative, char sign) {
        return negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
    }

    /**
     * Groups the integer digits, zero-pads (with grouping, as CPython) when the '0' flag is
     * given, then pads to the width. {@code rest} is what follows the integer part.
     */
    private static String padNumber(String prefix, String intDigits, String rest, Spec spec, int groupSize) {
        if (spec.zero && spec.width > 0) {
            int want = spec.width - prefix.length() - rest.length();
            if (spec.grouping != 0) {
                while (grouped(intDigits, spec.grouping, groupSize).length() < want) {
                    intDigits = "0" + intDigits;
                }
            } else if (intDigits.length() < want) {
                intDigits = "0".repeat(want - intDigits.length()) + intDigits;
            }
        }
        String body = (spec.grouping != 0 ? grouped(intDigits, spec.grouping, groupSize) : intDigits) + rest;
        return pad(prefix, body, spec, '>');
    }

    private static String grouped(String digits, char sep, int size) {
        StringBuilder sb = new StringBuilder();
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            if (i > 0 && (n - i) % size == 0) {
                sb.append(sep);
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ float

    public static String formatFloat(double v, String specText) {
        if (specText.isEmpty()) {
            return PyFloat.repr(v);
        }
        return formatFloat(parse(specText, "float"), v);
    }

    static String formatFloat(Spec spec, double v) {
        char type = spec.type;
        if (type != 0 && "eEfFgGn%".indexOf(type) < 0) {
            throw unknownCode(type, "float");
        }
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        double a = Math.abs(v);
        String body;
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            body = Double.isNaN(v) ? "nan" : "inf";
            if (type == 'E' || type == 'F' || type == 'G') {
                body = body.toUpperCase(java.util.Locale.ROOT);
            }
            negative = v < 0;
            if (type == '%') {
                body += "%";
            }
            Spec unzero = new Spec(spec.fill == '0' && spec.zero ? ' ' : spec.fill, spec.align == 0 ? '>' : spec.align,
                    spec.sign, spec.noNegZero, spec.alternate, false, spec.width, (char) 0, -1, type);
            return pad(signOf(negative, spec.sign), body, unzero, '>');
        }
        int precision = spec.precision;
        switch (type) {
            case 'f', 'F' -> body = fixed(a, precision < 0 ? 6 : precision, spec.alternate);
            case 'e', 'E' -> body = exponent(a, precision < 0 ? 6 : precision, spec.alternate, type);
            case 'g', 'G', 'n' -> body = general(a, precision < 0 ? 6 : precision, spec.alternate, type == 'G' ? 'E' : 'e', false);
            case '%' -> body = fixed(a * 100, precision < 0 ? 6 : precision, spec.alternate) + "%";
            default -> body = precision < 0 ? reprDigits(a) : general(a, precision, spec.alternate, 'e', true);
        }
        if (spec.noNegZero && negative && isZero(body)) {
            negative = false;
        }
        int cut = 0;
        while (cut < body.length() && Character.isDigit(body.charAt(cut))) {
            cut++;
        }
        return padNumber(signOf(negative, spec.sign), body.substring(0, cut), body.substring(cut), spec, 3);
    }

    private static boolean isZero(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
            if (c == 'e' || c == 'E') {
                break;
            }
        }
        return true;
    }

    /** repr() of a non-negative finite float. */
    private static String reprDigits(double a) {
        return PyFloat.repr(a);
    }

    private static String fixed(double a, int precision, boolean alternate) {
        String s = new BigDecimal(a).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return precision == 0 && alternate ? s + "." : s;
    }

    private static String exponent(double a, int precision, boolean alternate, char e) {
        String[] de = digitsAndExponent(a, precision + 1);
        String digits = de[0];
        int exp = Integer.parseInt(de[1]);
        String mantissa = digits.substring(0, 1) + (precision > 0 || alternate ? "." : "") + digits.substring(1);
        return mantissa + e + expText(exp);
    }

    private static String expText(int exp) {
        String s = Integer.toString(Math.abs(exp));
        return (exp < 0 ? "-" : "+") + (s.length() < 2 ? "0" + s : s);
    }

    /** {@code sig} significant digits of a (rounded half-even) and the decimal exponent of the first. */
    private static String[] digitsAndExponent(double a, int sig) {
        if (a == 0) {
            return new String[] {"0".repeat(sig), "0"};
        }
        BigDecimal r = new BigDecimal(a).round(new MathContext(sig, RoundingMode.HALF_EVEN));
        String unscaled = r.unscaledValue().toString();
        int exp = unscaled.length() - 1 - r.scale();
        if (unscaled.length() < sig) {
            unscaled = unscaled + "0".repeat(sig - unscaled.length());
        } else if (unscaled.length() > sig) {
            unscaled = unscaled.substring(0, sig);
        }
        return new String[] {unscaled, Integer.toString(exp)};
    }

    /**
     * 'g' (and the no-type form with a precision, {@code noType}: which keeps one digit after
     * the point and switches to exponents at the same thresholds).
     */
    private static String general(double a, int precision, boolean alternate, char e, boolean noType) {
        int p = precision == 0 ? 1 : precision;
        String[] de = digitsAndExponent(a, p);
        int exp = Integer.parseInt(de[1]);
        String s;
        if (exp >= -4 && exp < p) {
            s = fixed(a, p - 1 - exp, alternate);
            if (!alternate && s.indexOf('.') >= 0) {
                s = stripZeros(s);
            }
            if (noType && s.indexOf('.') < 0) {
                s += ".0";
            }
        } else {
            s = exponent(a, p - 1, alternate, e);
            if (!alternate) {
                int at = s.indexOf(e);
                s = stripZeros(s.substring(0, at)) + s.substring(at);
            }
        }
        return s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
