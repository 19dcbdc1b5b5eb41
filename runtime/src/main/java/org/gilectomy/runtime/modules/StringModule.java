package org.gilectomy.runtime.modules;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;

/**
 * CPython's {@code _string} (Objects/stringlib/unicode_format.h, exported for string.Formatter):
 * {@code formatter_parser(s)} walks a format string as (literal, field name, spec, conversion)
 * tuples, and {@code formatter_field_name_split(name)} splits a field name into its first part
 * and its {@code .attr} / {@code [key]} steps. Both answer lazily through an iterator, so a
 * malformed string raises its ValueError where CPython's does: at the step that reaches it.
 */
public final class StringModule {
    static final PyType PARSER_ITER = PyType.ofModule("_string", "formatteriterator", PyType.OBJECT);
    static final PyType FIELD_ITER = PyType.ofModule("_string", "fieldnameiterator", PyType.OBJECT);

    private StringModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("_string");
        Defs.constant(m, "__doc__", PyStr.of("string helper module"));
        Defs.def(m, "formatter_parser", (a, off, n, kw) -> {
            Args.exactly("formatter_parser", n, 1, kw);
            Markup cursor = new Markup(text(a[off]));
            return new ItertoolsIter(PARSER_ITER, new PyObject[0], cursor::next);
        });
        Defs.def(m, "formatter_field_name_split", (a, off, n, kw) -> {
            Args.exactly("formatter_field_name_split", n, 1, kw);
            String name = text(a[off]);
            int end = 0;
            while (end < name.length() && name.charAt(end) != '.' && name.charAt(end) != '[') {
                end++;
            }
            FieldSteps steps = new FieldSteps(name, end);
            PyObject first = keyOrName(name.substring(0, end));
            return PyTuple.steal(new PyObject[] {first, new ItertoolsIter(FIELD_ITER, new PyObject[0], steps::next)});
        });
        return m;
    }

    private static String text(PyObject o) {
        if (o instanceof PyStr s) {
            return s.value;
        }
        throw PyExc.typeError("expected str, got " + o.type().name());
    }

    private static PyObject strOrNone(String s) {
        return s == null ? PyNone.newRef() : PyStr.of(s);
    }

    /** An int for a name of decimal digits only (a positional index), else the name as a str. */
    private static PyObject keyOrName(String s) {
        if (s.isEmpty()) {
            return PyStr.of(s);
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return PyStr.of(s);
            }
        }
        if (s.length() > 18) {
            throw PyExc.valueError("Too many decimal digits in format string");
        }
        return PyInt.of(Long.parseLong(s));
    }

    /** formatter_parser's position in its string: each step reads one literal and the field after it. */
    private static final class Markup {
        private final String s;
        private int pos;

        Markup(String s) {
            this.s = s;
        }

        PyObject next() {
            int n = s.length();
            if (pos >= n) {
                return null;
            }
            int start = pos;
            char c = 0;
            boolean markup = false;
            while (pos < n) {
                c = s.charAt(pos++);
                if (c == '{' || c == '}') {
                    markup = true;
                    break;
                }
            }
            boolean atEnd = pos >= n;
            if (markup && c == '}' && (atEnd || s.charAt(pos) != '}')) {
                throw PyExc.valueError("Single '}' encountered in format string");
            }
            if (markup && atEnd && c == '{') {
                throw PyExc.valueError("Single '{' encountered in format string");
            }
            int literalEnd = pos;
            if (markup) {
                if (s.charAt(pos) == c) {
                    pos++; // a doubled brace: the literal keeps one of them, and no field follows
                    markup = false;
                } else {
                    literalEnd--;
                }
            }
            String literal = s.substring(start, literalEnd);
            if (!markup) {
                return PyTuple.steal(new PyObject[] {PyStr.of(literal), PyNone.newRef(), PyNone.newRef(), PyNone.newRef()});
            }
            return field(literal);
        }

        /** The field after a '{': its name, then {@code !conversion} and {@code :spec} if present. */
        private PyObject field(String literal) {
            int n = s.length();
            int nameStart = pos;
            char c = 0;
            while (true) {
                if (pos >= n) {
                    throw PyExc.valueError("expected '}' before end of string");
                }
                c = s.charAt(pos++);
                if (c == '[') { // an index: anything up to ']' belongs to the name
                    while (pos < n && s.charAt(pos) != ']') {
                        pos++;
                    }
                } else if (c == '{') {
                    throw PyExc.valueError("unexpected '{' in field name");
                } else if (c == '}' || c == ':' || c == '!') {
                    break;
                }
            }
            String name = s.substring(nameStart, pos - 1);
            String conversion = null;
            if (c == '!') {
                if (pos >= n) {
                    throw PyExc.valueError("end of string while looking for conversion specifier");
                }
                conversion = String.valueOf(s.charAt(pos++));
                if (pos >= n) {
                    throw PyExc.valueError("unmatched '{' in format spec");
                }
                c = s.charAt(pos++);
                if (c != '}' && c != ':') {
                    throw PyExc.valueError("expected ':' after conversion specifier");
                }
            }
            String spec = "";
            if (c == ':') {
                int specStart = pos;
                int depth = 1;
                while (true) {
                    if (pos >= n) {
                        throw PyExc.valueError("unmatched '{' in format spec");
                    }
                    char d = s.charAt(pos++);
                    if (d == '{') {
                        depth++;
                    } else if (d == '}' && --depth == 0) {
                        break;
                    }
                }
                spec = s.substring(specStart, pos - 1);
            }
            return PyTuple.steal(new PyObject[] {PyStr.of(literal), PyStr.of(name), PyStr.of(spec), strOrNone(conversion)});
        }
    }

    /** formatter_field_name_split's steps after the first part: (True, attr) or (False, key). */
    private static final class FieldSteps {
        private final String s;
        private int pos;

        FieldSteps(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        PyObject next() {
            int n = s.length();
            if (pos >= n) {
                return null;
            }
            char c = s.charAt(pos++);
            int start = pos;
            String part;
            boolean attr = c == '.';
            if (attr) {
                while (pos < n && s.charAt(pos) != '.' && s.charAt(pos) != '[') {
                    pos++;
                }
                part = s.substring(start, pos);
            } else if (c == '[') {
                while (pos < n && s.charAt(pos) != ']') {
                    pos++;
                }
                if (pos >= n) {
                    throw PyExc.valueError("Missing ']' in format string");
                }
                part = s.substring(start, pos++);
            } else {
                throw PyExc.valueError("Only '.' or '[' may follow ']' in format field specifier");
            }
            if (part.isEmpty()) {
                throw PyExc.valueError("Empty attribute in format string");
            }
            return PyTuple.steal(new PyObject[] {PyBool.of(attr), attr ? PyStr.of(part) : keyOrName(part)});
        }
    }
}
