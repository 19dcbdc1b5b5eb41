package org.gilectomy.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The format-spec mini-language, {@code %} formatting and {@code str.format} against results
 * and error messages printed by CPython 3.11 for the same inputs.
 */
class FormattingTest {
    static Stream<Arguments> formatCases() {
        return Stream.of(                Arguments.of(PyInt.of(1234567L), ",", "1,234,567"),
                Arguments.of(PyInt.of(1234567L), "_", "1_234_567"),
                Arguments.of(PyInt.of(255L), "#x", "0xff"),
                Arguments.of(PyInt.of(255L), "#010x", "0x000000ff"),
                Arguments.of(PyInt.of(255L), "_b", "1111_1111"),
                Arguments.of(PyInt.of(-42L), "010", "-000000042"),
                Arguments.of(PyInt.of(42L), "+", "+42"),
                Arguments.of(PyInt.of(42L), " ", " 42"),
                Arguments.of(PyInt.of(1234L), "010,", "00,001,234"),
                Arguments.of(PyFloat.of(1234.5), "010,.2f", "001,234.50"),
                Arguments.of(PyFloat.of(3.14159), ".2f", "3.14"),
                Arguments.of(PyFloat.of(3.14159), "10.3e", " 3.142e+00"),
                Arguments.of(PyFloat.of(1.2345e-05), "g", "1.2345e-05"),
                Arguments.of(PyFloat.of(123456789.0), "g", "1.23457e+08"),
                Arguments.of(PyFloat.of(1.0), ".3", "1.0"),
                Arguments.of(PyFloat.of(1234567.0), ".3", "1.23e+06"),
                Arguments.of(PyFloat.of(0.5), "%", "50.000000%"),
                Arguments.of(PyFloat.of(0.125), ".1%", "12.5%"),
                Arguments.of(PyFloat.of(Double.POSITIVE_INFINITY), "F", "INF"),
                Arguments.of(PyFloat.of(Double.NEGATIVE_INFINITY), "10", "      -inf"),
                Arguments.of(PyFloat.of(Double.NaN), "e", "nan"),
                Arguments.of(PyFloat.of(-0.0), "", "-0.0"),
                Arguments.of(PyFloat.of(-0.0), ".1f", "-0.0"),
                Arguments.of(PyFloat.of(1e+100), "g", "1e+100"),
                Arguments.of(PyFloat.of(1.5), "*^11.2f", "***1.50****"),
                Arguments.of(PyStr.of("abc"), "*^7", "**abc**"),
                Arguments.of(PyStr.of("abc"), ".2", "ab"),
                Arguments.of(PyStr.of("abc"), "05", "abc00"),
                Arguments.of(PyBool.of(true), "", "True"),
                Arguments.of(PyBool.of(true), ">5", "    1"),
                Arguments.of(PyNone.NONE, "", "None"),
                Arguments.of(PyInt.of(65L), "c", "A"),
                Arguments.of(PyFloat.of(1e+16), "", "1e+16"),
                Arguments.of(PyFloat.of(1e+16), ".17g", "10000000000000000"),
                Arguments.of(PyFloat.of(2.5), ".0f", "2"),
                Arguments.of(PyFloat.of(3.5), ".0f", "4"),
                Arguments.of(PyFloat.of(1.0), "g", "1"),
                Arguments.of(PyFloat.of(100.0), "#g", "100.000"),
                Arguments.of(PyInt.of(123L), "e", "1.230000e+02"),
                Arguments.of(PyInt.of(123L), "%", "12300.000000%"),
                Arguments.of(PyInt.of(10L), "n", "10"),
                Arguments.of(PyFloat.of(1.5), "n", "1.5"),
                Arguments.of(PyFloat.of(12345.678), ",.2f", "12,345.68"),
                Arguments.of(PyFloat.of(1e-07), "", "1e-07"),
                Arguments.of(PyFloat.of(1.23e-05), ".2e", "1.23e-05"),
                Arguments.of(PyInt.of(5L), "=+5", "+   5"),
                Arguments.of(PyInt.of(-5L), "^7", "  -5   "),
                Arguments.of(PyInt.of(7L), "x", "7"),
                Arguments.of(PyInt.of(3L), "05b", "00011"),
                Arguments.of(PyFloat.of(1.0), ".0e", "1e+00"),
                Arguments.of(PyFloat.of(9.999), ".2f", "10.00"),
                Arguments.of(PyFloat.of(0.0), "e", "0.000000e+00"),
                Arguments.of(PyInt.of(0L), ".2f", "0.00"),
                Arguments.of(PyFloat.of(0.1), ".20f", "0.10000000000000000555"),
                Arguments.of(PyInt.of(java.math.BigInteger.TWO.pow(70)), ",", "1,180,591,620,717,411,303,424"),
                Arguments.of(PyInt.of(java.math.BigInteger.TWO.pow(70).negate()), "x", "-400000000000000000"),
                Arguments.of(PyFloat.of(0.3333333333333333), "", "0.3333333333333333"),
                Arguments.of(PyFloat.of(0.3333333333333333), ".5", "0.33333"),
                Arguments.of(PyFloat.of(123.456), "E", "1.234560E+02"),
                Arguments.of(PyFloat.of(1e-05), ".3g", "1e-05"),
                Arguments.of(PyFloat.of(-1.5), "+.1f", "-1.5"),
                Arguments.of(PyInt.of(255L), "X", "FF"),
                Arguments.of(PyInt.of(8L), "#o", "0o10"));
    }

    @ParameterizedTest
    @MethodSource("formatCases")
    void formatsLikeCPython(PyObject value, String spec, String expected) {
        assertEquals(expected, Formatting.format(value, spec));
    }

    static Stream<Arguments> formatErrors() {
        return Stream.of(                Arguments.of(PyInt.of(1L), ".2d", "ValueError", "Precision not allowed in integer format specifier"),
                Arguments.of(PyInt.of(1L), "z", "ValueError", "Negative zero coercion (z) not allowed in integer format specifier"),
                Arguments.of(PyStr.of("a"), "+", "ValueError", "Sign not allowed in string format specifier"),
                Arguments.of(PyStr.of("a"), "#", "ValueError", "Alternate form (#) not allowed in string format specifier"),
                Arguments.of(PyStr.of("a"), "=", "ValueError", "'=' alignment not allowed in string format specifier"),
                Arguments.of(PyStr.of("a"), ",", "ValueError", "Cannot specify ',' with 's'."),
                Arguments.of(PyFloat.of(1.5), "x", "ValueError", "Unknown format code 'x' for object of type 'float'"),
                Arguments.of(PyInt.of(1L), ",x", "ValueError", "Cannot specify ',' with 'x'."),
                Arguments.of(PyInt.of(1L), "5.", "ValueError", "Format specifier missing precision"),
                Arguments.of(PyInt.of(1L), "dd", "ValueError", "Invalid format specifier 'dd' for object of type 'int'"),
                Arguments.of(PyInt.of(1L), "_,", "ValueError", "Cannot specify both ',' and '_'."),
                Arguments.of(PyNone.NONE, "5", "TypeError", "unsupported format string passed to NoneType.__format__"),
                Arguments.of(PyStr.of("a"), "d", "ValueError", "Unknown format code 'd' for object of type 'str'"));
    }

    @ParameterizedTest
    @MethodSource("formatErrors")
    void refusesBadSpecsLikeCPython(PyObject value, String spec, String type, String message) {
        PyException e = assertThrows(PyException.class, () -> Formatting.format(value, spec));
        assertEquals(type + ": " + message, e.type().name() + ": " + e.getMessage());
    }

    static Stream<Arguments> percentCases() {
        return Stream.of(                Arguments.of("%d", PyFloat.of(3.7), "3"),
                Arguments.of("%5.2f", PyFloat.of(3.14159), " 3.14"),
                Arguments.of("%-5d|", PyInt.of(3L), "3    |"),
                Arguments.of("%05d", PyInt.of(-3L), "-0003"),
                Arguments.of("%x", PyInt.of(255L), "ff"),
                Arguments.of("%#o", PyInt.of(8L), "0o10"),
                Arguments.of("%r", PyStr.of("a"), "'a'"),
                Arguments.of("%c", PyInt.of(65L), "A"),
                Arguments.of("%%", tuple(), "%"),
                Arguments.of("%(a)s-%(b)d", dict(PyStr.of("a"), PyInt.of(1L), PyStr.of("b"), PyInt.of(2L)), "1-2"),
                Arguments.of("%.3d", PyInt.of(5L), "005"),
                Arguments.of("%+d", PyInt.of(5L), "+5"),
                Arguments.of("% d", PyInt.of(5L), " 5"),
                Arguments.of("%e", PyFloat.of(1234.5), "1.234500e+03"),
                Arguments.of("%g", PyFloat.of(0.0001), "0.0001"),
                Arguments.of("%10s|", PyStr.of("ab"), "        ab|"),
                Arguments.of("%-10s|", PyStr.of("ab"), "ab        |"),
                Arguments.of("%.1s", PyStr.of("ab"), "a"),
                Arguments.of("%*d", tuple(PyInt.of(5L), PyInt.of(3L)), "    3"),
                Arguments.of("%i", PyInt.of(7L), "7"),
                Arguments.of("%X", PyInt.of(255L), "FF"),
                Arguments.of("%s and %s", tuple(PyStr.of("a"), PyInt.of(1L)), "a and 1"));
    }

    @ParameterizedTest
    @MethodSource("percentCases")
    void percentFormatsLikeCPython(String format, PyObject values, String expected) {
        assertEquals(expected, ((PyStr) PercentFormat.format(format, values)).value);
    }

    static Stream<Arguments> percentErrors() {
        return Stream.of(                Arguments.of("%d", PyStr.of("a"), "TypeError", "%d format: a real number is required, not str"),
                Arguments.of("%d %d", tuple(PyInt.of(1L)), "TypeError", "not enough arguments for format string"),
                Arguments.of("%d", tuple(PyInt.of(1L), PyInt.of(2L)), "TypeError", "not all arguments converted during string formatting"),
                Arguments.of("%(a)s", dict(PyStr.of("b"), PyInt.of(1L)), "KeyError", "'a'"),
                Arguments.of("%z", PyInt.of(1L), "ValueError", "unsupported format character 'z' (0x7a) at index 1"),
                Arguments.of("%x", PyFloat.of(1.5), "TypeError", "%x format: an integer is required, not float"),
                Arguments.of("%(a)s", PyInt.of(1L), "TypeError", "format requires a mapping"),
                Arguments.of("%c", PyStr.of("ab"), "TypeError", "%c requires int or char"),
                Arguments.of("%", PyInt.of(1L), "ValueError", "incomplete format"));
    }

    @ParameterizedTest
    @MethodSource("percentErrors")
    void percentRefusesLikeCPython(String format, PyObject values, String type, String message) {
        PyException e = assertThrows(PyException.class, () -> PercentFormat.format(format, values));
        assertEquals(type + ": " + message, e.type().name() + ": " + e.getMessage());
    }

    @Test
    void strFormatFields() {
        assertEquals("   a|3.14", strFormat("{:>{}}|{:.{}f}", PyStr.of("a"), PyInt.of(4), PyFloat.of(3.14159), PyInt.of(2)));
        assertEquals("2 1 2", strFormat("{1} {0} {1}", PyInt.of(1), PyInt.of(2)));
        assertEquals("{x}    'a'", strFormat("{{x}} {!r:>6}", PyStr.of("a")));
        assertEquals("[1]", strFormat("{0[0]}", tuple(tuple(PyInt.of(1)))).replace("(", "[").replace(",)", "]"));
        assertThrows(PyException.class, () -> strFormat("{0} {}", PyInt.of(1), PyInt.of(2)));
        PyException e = assertThrows(PyException.class, () -> strFormat("{2}", PyInt.of(1)));
        assertEquals("Replacement index 2 out of range for positional args tuple", e.getMessage());
        e = assertThrows(PyException.class, () -> strFormat("x}y"));
        assertEquals("Single '}' encountered in format string", e.getMessage());
        e = assertThrows(PyException.class, () -> strFormat("{0!z}", PyInt.of(1)));
        assertEquals("Unknown conversion specifier z", e.getMessage());
    }

    private static String strFormat(String format, PyObject... args) {
        PyObject[] all = new PyObject[args.length + 1];
        all[0] = PyStr.of(format);
        System.arraycopy(args, 0, all, 1, args.length);
        return ((PyStr) StrFormat.method(all, 0, all.length, null)).value;
    }

    private static PyTuple tuple(PyObject... items) {
        return PyTuple.steal(items);
    }

    private static PyDict dict(PyObject... keysAndValues) {
        PyDict d = new PyDict();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            d.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return d;
    }
}
