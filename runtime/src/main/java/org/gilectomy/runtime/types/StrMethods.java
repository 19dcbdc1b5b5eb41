package org.gilectomy.runtime.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Builtins;
import org.gilectomy.runtime.interp.Params;

/** The methods of {@code str}, with CPython 3.11's results and error messages. */
public final class StrMethods {
    private StrMethods() {
    }

    /** A method of str taking no argument but self. */
    private interface Unary {
        PyObject apply(String self);
    }

    private static void unary(PyType t, String name, Unary f) {
        t.addMethod(name, (a, off, n, kw) -> {
            Args.noKeywords("str." + name, kw);
            if (n != 1) {
                throw PyExc.typeError("str." + name + "() takes no arguments (" + (n - 1) + " given)");
            }
            return f.apply(((PyStr) a[off]).value);
        });
    }

    private static void method(PyType t, String name, PyBuiltinFunction.Body body) {
        t.addMethod(name, body);
    }

    public static void install() {
        PyType t = PyStr.TYPE;
        unary(t, "upper", s -> PyStr.of(s.toUpperCase(Locale.ROOT)));
        unary(t, "lower", s -> PyStr.of(s.toLowerCase(Locale.ROOT)));
        unary(t, "swapcase", StrMethods::swapcase);
        unary(t, "title", StrMethods::title);
        unary(t, "capitalize", s -> PyStr.of(s.isEmpty() ? s
                : titleOf(s.codePointAt(0)) + s.substring(Character.charCount(s.codePointAt(0))).toLowerCase(Locale.ROOT)));
        unary(t, "isdigit", s -> PyBool.of(all(s, Character::isDigit)));
        unary(t, "isdecimal", s -> PyBool.of(all(s, Character::isDigit)));
        unary(t, "isnumeric", s -> PyBool.of(all(s, c -> Character.isDigit(c) || Character.getNumericValue(c) >= 0)));
        unary(t, "isalpha", s -> PyBool.of(all(s, Character::isLetter)));
        unary(t, "isalnum", s -> PyBool.of(all(s, Character::isLetterOrDigit)));
        unary(t, "isspace", s -> PyBool.of(all(s, StrMethods::isSpace)));
        unary(t, "isupper", s -> PyBool.of(cased(s, true)));
        unary(t, "islower", s -> PyBool.of(cased(s, false)));
        unary(t, "istitle", s -> PyBool.of(isTitle(s)));
        unary(t, "isidentifier", s -> PyBool.of(org.gilectomy.runtime.parse.Identifiers.isIdentifier(s)));
        unary(t, "isascii", s -> PyBool.of(s.chars().allMatch(c -> c < 0x80)));
        unary(t, "isprintable", s -> PyBool.of(s.codePoints().allMatch(PyStr::isPrintable)));
        method(t, "join", StrMethods::join);
        StrTranslate.install(t);
        method(t, "format", org.gilectomy.objects.StrFormat::method);
        method(t, "split", (a, off, n, kw) -> split(a, off, n, kw, false));
        method(t, "rsplit", (a, off, n, kw) -> split(a, off, n, kw, true));
        method(t, "splitlines", StrMethods::splitlines);
        method(t, "strip", (a, off, n, kw) -> strip("strip", a, off, n, kw, true, true));
        method(t, "lstrip", (a, off, n, kw) -> strip("lstrip", a, off, n, kw, true, false));
        method(t, "rstrip", (a, off, n, kw) -> strip("rstrip", a, off, n, kw, false, true));
        method(t, "replace", StrMethods::replace);
        method(t, "find", (a, off, n, kw) -> PyInt.of(find("find", a, off, n, kw, false)));
        method(t, "rfind", (a, off, n, kw) -> PyInt.of(find("rfind", a, off, n, kw, true)));
        method(t, "index", (a, off, n, kw) -> PyInt.of(index("index", a, off, n, kw, false)));
        method(t, "rindex", (a, off, n, kw) -> PyInt.of(index("rindex", a, off, n, kw, true)));
        method(t, "count", StrMethods::count);
        method(t, "startswith", (a, off, n, kw) -> affix("startswith", a, off, n, kw, true));
        method(t, "endswith", (a, off, n, kw) -> affix("endswith", a, off, n, kw, false));
        method(t, "zfill", StrMethods::zfill);
        method(t, "center", (a, off, n, kw) -> pad("center", a, off, n, kw));
        method(t, "ljust", (a, off, n, kw) -> pad("ljust", a, off, n, kw));
        method(t, "rjust", (a, off, n, kw) -> pad("rjust", a, off, n, kw));
        method(t, "partition", (a, off, n, kw) -> partition("partition", a, off, n, kw, false));
        method(t, "rpartition", (a, off, n, kw) -> partition("rpartition", a, off, n, kw, true));
        method(t, "removeprefix", (a, off, n, kw) -> {
            Args.exactly("str.removeprefix", n - 1, 1, kw);
            String s = self(a, off);
            String p = argStr("removeprefix", 1, a[off + 1]);
            return PyStr.of(s.startsWith(p) ? s.substring(p.length()) : s);
        });
        method(t, "removesuffix", (a, off, n, kw) -> {
            Args.exactly("str.removesuffix", n - 1, 1, kw);
            String s = self(a, off);
            String p = argStr("removesuffix", 1, a[off + 1]);
            return PyStr.of(s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s);
        });
        method(t, "encode", StrMethods::encode);
    }

    private static String self(PyObject[] a, int off) {
        return ((PyStr) a[off]).value;
    }

    private static String argStr(String fn, int pos, PyObject o) {
        if (o instanceof PyStr s) {
            return s.value;
        }
        throw PyExc.typeError(fn + "() argument " + pos + " must be str, not " + o.type().name());
    }

    /** Python's str.isspace() per code point: Unicode whitespace plus the ASCII separators. */
    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    private interface CodePointTest {
        boolean test(int c);
    }

    private static boolean all(String s, CodePointTest p) {
        return !s.isEmpty() && s.codePoints().allMatch(p::test);
    }

    private static boolean cased(String s, boolean upper) {
        boolean any = false;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            if (upper ? Character.isLowerCase(c) : Character.isUpperCase(c) || Character.isTitleCase(c)) {
                return false;
            }
            any |= upper ? Character.isUpperCase(c) : Character.isLowerCase(c);
        }
        return any;
    }

    /** CPython's str.istitle: cased characters, upper or title case only after uncased ones. */
    private static boolean isTitle(String s) {
        boolean any = false;
        boolean afterCased = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                if (afterCased) {
                    return false;
                }
                afterCased = true;
                any = true;
            } else if (Character.isLowerCase(c)) {
                if (!afterCased) {
                    return false;
                }
                afterCased = true;
                any = true;
            } else {
                afterCased = false;
            }
        }
        return any;
    }

    private static PyObject swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            String one = new String(Character.toChars(c)); // full mappings: 'ß' -> 'SS', 'İ' -> 'i̇'
            sb.append(Character.isUpperCase(c) ? one.toLowerCase(Locale.ROOT)
                    : Character.isLowerCase(c) ? one.toUpperCase(Locale.ROOT) : one);
        }
        return PyStr.of(sb.toString());
    }

    /** Upper case after an uncased character, lower case after a cased one (CPython's rule). */
    private static PyObject title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean prevCased = false;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            sb.append(prevCased ? new String(Character.toChars(c)).toLowerCase(Locale.ROOT) : titleOf(c));
            prevCased = Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
        }
        return PyStr.of(sb.toString());
    }

    /**
     * The full title-case mapping of one character, as CPython's: where upper case has several
     * characters, the first of them then the rest in lower case ('\ufb01' -> "Fi", '\u00df' -> "Ss").
     */
    private static String titleOf(int c) {
        String upper = new String(Character.toChars(c)).toUpperCase(Locale.ROOT);
        if (upper.codePointCount(0, upper.length()) > 1) {
            int first = Character.charCount(upper.codePointAt(0));
            return upper.substring(0, first) + upper.substring(first).toLowerCase(Locale.ROOT);
        }
        return new String(Character.toChars(Character.toTitleCase(c)));
    }

    private static PyObject join(PyObject[] a, int off, int n, PyTuple kw) {
        Args.exactly("str.join", n - 1, 1, kw);
        String sep = self(a, off);
        PyObject[] items = Builtins.collect(a[off + 1]);
        try {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < items.length; i++) {
                if (!(items[i] instanceof PyStr s)) {
                    throw PyExc.typeError("sequence item " + i + ": expected str instance, "
                            + items[i].type().name() + " found");
                }
                if (i > 0) {
                    sb.append(sep);
                }
                sb.append(s.value);
            }
            return PyStr.of(sb.toString());
        } finally {
            for (PyObject o : items) {
                RefCount.decref(o);
            }
        }
    }

    private static PyList listOf(List<String> parts) {
        PyList l = new PyList();
        for (String p : parts) {
            PyStr s = PyStr.of(p);
            l.append(s);
            RefCount.decref(s);
        }
        return l;
    }

    private static PyObject split(PyObject[] a, int off, int n, PyTuple kw, boolean fromRight) {
        String fn = fromRight ? "rsplit" : "split";
        PyObject[] p = Params.bind(fn, a, off + 1, n - 1, kw, 0, "sep", "maxsplit");
        String s = self(a, off);
        String sep = Params.strOrNone(p[0]);
        long max = Params.optLong(p[1], -1);
        if (max < 0) {
            max = Long.MAX_VALUE;
        }
        List<String> parts = new ArrayList<>();
        if (sep == null) {
            splitWhitespace(s, max, fromRight, parts);
        } else if (sep.isEmpty()) {
            throw PyExc.valueError("empty separator");
        } else if (!fromRight) {
            int start = 0;
            for (int i; max > 0 && (i = s.indexOf(sep, start)) >= 0; max--) {
                parts.add(s.substring(start, i));
                start = i + sep.length();
            }
            parts.add(s.substring(start));
        } else {
            int end = s.length();
            for (int i; max > 0 && end - sep.length() >= 0 && (i = s.lastIndexOf(sep, end - sep.length())) >= 0; max--) {
                parts.add(0, s.substring(i + sep.length(), end));
                end = i;
            }
            parts.add(0, s.substring(0, end));
        }
        return listOf(parts);
    }

    private static void splitWhitespace(String s, long max, boolean fromRight, List<String> parts) {
        if (!fromRight) {
            int i = 0;
            int len = s.length();
            while (true) {
                while (i < len && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i == len) {
                    return;
                }
                if (max-- == 0) {
                    int end = len;
                    while (end > i && isSpace(s.charAt(end - 1))) {
                        end--;
                    }
                    parts.add(s.substring(i, end));
                    return;
                }
                int j = i;
                while (j < len && !isSpace(s.charAt(j))) {
                    j++;
                }
                parts.add(s.substring(i, j));
                i = j;
            }
        }
        int i = s.length();
        while (true) {
            while (i > 0 && isSpace(s.charAt(i - 1))) {
                i--;
            }
            if (i == 0) {
                return;
            }
            if (max-- == 0) {
                int start = 0;
                while (start < i && isSpace(s.charAt(start))) {
                    start++;
                }
                parts.add(0, s.substring(start, i));
                return;
            }
            int j = i;
            while (j > 0 && !isSpace(s.charAt(j - 1))) {
                j--;
            }
            parts.add(0, s.substring(j, i));
            i = j;
        }
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e)
                || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    private static PyObject splitlines(PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind("splitlines", a, off + 1, n - 1, kw, 0, "keepends");
        boolean keep = p[0] != null && org.gilectomy.objects.Ops.isTrue(p[0]);
        String s = self(a, off);
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isLineBreak(c)) {
                int eol = i;
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                parts.add(s.substring(start, keep ? i + 1 : eol));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            parts.add(s.substring(start));
        }
        return listOf(parts);
    }

    private static PyObject strip(String fn, PyObject[] a, int off, int n, PyTuple kw, boolean left, boolean right) {
        Args.noKeywords(fn, kw);
        if (n > 2) {
            throw PyExc.typeError(fn + " expected at most 1 argument, got " + (n - 1));
        }
        String s = self(a, off);
        String chars = null;
        if (n == 2 && a[off + 1] != PyNone.NONE) {
            if (!(a[off + 1] instanceof PyStr c)) {
                throw PyExc.typeError(fn + " arg must be None or str");
            }
            chars = c.value;
        }
        int i = 0;
        int j = s.length();
        if (left) {
            while (i < j && stripped(s.codePointAt(i), chars)) {
                i += Character.charCount(s.codePointAt(i));
            }
        }
        if (right) {
            while (j > i && stripped(s.codePointBefore(j), chars)) {
                j -= Character.charCount(s.codePointBefore(j));
            }
        }
        return PyStr.of(s.substring(i, j));
    }

    private static boolean stripped(int c, String chars) {
        return chars == null ? isSpace(c) : chars.indexOf(c) >= 0;
    }

    private static PyObject replace(PyObject[] a, int off, int n, PyTuple kw) {
        Args.between("replace", n - 1, 2, 3, kw);
        String s = self(a, off);
        String old = argStr("replace", 1, a[off + 1]);
        String rep = argStr("replace", 2, a[off + 2]);
        long count = n == 4 ? Args.asLong(a[off + 3]) : -1;
        if (count < 0 && !old.isEmpty()) {
            return PyStr.of(s.replace(old, rep));
        }
        if (count < 0) {
            count = Long.MAX_VALUE;
        }
        StringBuilder sb = new StringBuilder();
        int start = 0;
        if (old.isEmpty()) { // rep goes before each code point and at the end
            for (int i = 0; i <= s.length(); i += i < s.length() ? Character.charCount(s.codePointAt(i)) : 1) {
                if (count-- > 0) {
                    sb.append(rep);
                } else {
                    sb.append(s, i, s.length());
                    return PyStr.of(sb.toString());
                }
                if (i < s.length()) {
                    sb.appendCodePoint(s.codePointAt(i));
                }
            }
            return PyStr.of(sb.toString());
        }
        for (int i; count > 0 && (i = s.indexOf(old, start)) >= 0; count--) {
            sb.append(s, start, i).append(rep);
            start = i + old.length();
        }
        return PyStr.of(sb.append(s.substring(start)).toString());
    }

    /**
     * Python's slice bounds {@code [start:end]} of find/count/startswith, in code points,
     * clamped: {start, end, 1 if start is past the end else 0, start's char index, end's}.
     */
    private static int[] range(PyStr str, PyObject start, PyObject end) {
        int len = str.length();
        long s = Params.optLong(start, 0);
        long e = Params.optLong(end, len);
        if (s < 0) {
            s = Math.max(0, s + len);
        }
        if (e < 0) {
            e = Math.max(0, e + len);
        }
        int from = (int) Math.min(s, len);
        int to = (int) Math.min(e, len);
        return new int[] {from, to, s > len ? 1 : 0, str.charIndex(from), str.charIndex(Math.max(from, to))};
    }

    private static void atLeastOne(String fn, int given, int max, PyTuple kw) {
        Args.noKeywords(fn, kw);
        if (given < 1) {
            throw PyExc.typeError(fn + "() takes at least 1 argument (0 given)");
        }
        if (given > max) {
            throw PyExc.typeError(fn + "() takes at most " + max + " arguments (" + given + " given)");
        }
    }

    private static long find(String fn, PyObject[] a, int off, int n, PyTuple kw, boolean fromRight) {
        atLeastOne(fn, n - 1, 3, kw);
        PyStr self = (PyStr) a[off];
        if (!(a[off + 1] instanceof PyStr sub)) {
            throw PyExc.typeError("must be str, not " + a[off + 1].type().name());
        }
        int[] r = range(self, n > 2 ? a[off + 2] : null, n > 3 ? a[off + 3] : null);
        if (r[2] == 1 || r[1] < r[0] || r[4] - r[3] < sub.value.length()) {
            return -1;
        }
        String window = self.value.substring(r[3], r[4]);
        int i = fromRight ? window.lastIndexOf(sub.value) : window.indexOf(sub.value);
        return i < 0 ? -1 : self.codePointIndex(i + r[3]);
    }

    private static long index(String fn, PyObject[] a, int off, int n, PyTuple kw, boolean fromRight) {
        long i = find(fn, a, off, n, kw, fromRight);
        if (i < 0) {
            throw PyExc.valueError("substring not found");
        }
        return i;
    }

    private static PyObject count(PyObject[] a, int off, int n, PyTuple kw) {
        atLeastOne("count", n - 1, 3, kw);
        PyStr self = (PyStr) a[off];
        String s = self.value;
        if (!(a[off + 1] instanceof PyStr sub)) {
            throw PyExc.typeError("must be str, not " + a[off + 1].type().name());
        }
        int[] r = range(self, n > 2 ? a[off + 2] : null, n > 3 ? a[off + 3] : null);
        if (r[2] == 1 || r[1] < r[0]) {
            return PyInt.of(0);
        }
        if (sub.value.isEmpty()) {
            return PyInt.of(r[1] - r[0] + 1);
        }
        long c = 0;
        for (int i = s.indexOf(sub.value, r[3]); i >= 0 && i + sub.value.length() <= r[4];
                i = s.indexOf(sub.value, i + sub.value.length())) {
            c++;
        }
        return PyInt.of(c);
    }

    private static PyObject affix(String fn, PyObject[] a, int off, int n, PyTuple kw, boolean prefix) {
        atLeastOne(fn, n - 1, 3, kw);
        PyStr self = (PyStr) a[off];
        int[] r = range(self, n > 2 ? a[off + 2] : null, n > 3 ? a[off + 3] : null);
        PyObject x = a[off + 1];
        PyObject[] options;
        if (x instanceof PyTuple t) {
            options = new PyObject[t.size()];
            for (int i = 0; i < options.length; i++) {
                options[i] = t.getBorrowed(i);
                if (!(options[i] instanceof PyStr)) {
                    throw PyExc.typeError("tuple for " + fn + " must only contain str, not " + options[i].type().name());
                }
            }
        } else if (x instanceof PyStr) {
            options = new PyObject[] {x};
        } else {
            throw PyExc.typeError(fn + " first arg must be str or a tuple of str, not " + x.type().name());
        }
        if (r[2] == 1) {
            return PyBool.of(false);
        }
        String window = r[1] >= r[0] ? self.value.substring(r[3], r[4]) : null;
        for (PyObject o : options) {
            String p = ((PyStr) o).value;
            if (window != null && (prefix ? window.startsWith(p) : window.endsWith(p))) {
                return PyBool.of(true);
            }
        }
        return PyBool.of(false);
    }

    private static PyObject zfill(PyObject[] a, int off, int n, PyTuple kw) {
        Args.exactly("str.zfill", n - 1, 1, kw);
        String s = self(a, off);
        long width = Args.asLong(a[off + 1]);
        int len = ((PyStr) a[off]).length();
        if (width <= len) {
            return PyStr.of(s);
        }
        String zeros = "0".repeat((int) (width - len));
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            return PyStr.of(s.charAt(0) + zeros + s.substring(1));
        }
        return PyStr.of(zeros + s);
    }

    private static PyObject pad(String fn, PyObject[] a, int off, int n, PyTuple kw) {
        Args.between(fn, n - 1, 1, 2, kw);
        String s = self(a, off);
        int len = ((PyStr) a[off]).length();
        long width = Args.asLong(a[off + 1]);
        String f = " ";
        if (n == 3) {
            if (!(a[off + 2] instanceof PyStr fill)) {
                throw PyExc.typeError(fn + "() argument 2 must be str, not " + a[off + 2].type().name());
            }
            if (fill.length() != 1) {
                throw PyExc.typeError("The fill character must be exactly one character long");
            }
            f = fill.value;
        }
        if (width <= len) {
            return PyStr.of(s);
        }
        int margin = (int) (width - len);
        int left;
        if (fn.equals("center")) {
            left = margin / 2 + (margin & (int) width & 1); // CPython's rounding of odd margins
        } else {
            left = fn.equals("rjust") ? margin : 0;
        }
        return PyStr.of(f.repeat(left) + s + f.repeat(margin - left));
    }

    private static PyObject partition(String fn, PyObject[] a, int off, int n, PyTuple kw, boolean fromRight) {
        Args.exactly("str." + fn, n - 1, 1, kw);
        String s = self(a, off);
        if (!(a[off + 1] instanceof PyStr sepStr)) {
            throw PyExc.typeError("must be str, not " + a[off + 1].type().name());
        }
        String sep = sepStr.value;
        if (sep.isEmpty()) {
            throw PyExc.valueError("empty separator");
        }
        int i = fromRight ? s.lastIndexOf(sep) : s.indexOf(sep);
        String[] parts;
        if (i < 0) {
            parts = fromRight ? new String[] {"", "", s} : new String[] {s, "", ""};
        } else {
            parts = new String[] {s.substring(0, i), sep, s.substring(i + sep.length())};
        }
        return PyTuple.steal(new PyObject[] {PyStr.of(parts[0]), PyStr.of(parts[1]), PyStr.of(parts[2])});
    }

    private static PyObject encode(PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind("encode", a, off + 1, n - 1, kw, 0, "encoding", "errors");
        String enc = p[0] == null ? "utf-8" : Params.str(p[0]);
        return PyBytes.encode(self(a, off), enc);
    }
}
