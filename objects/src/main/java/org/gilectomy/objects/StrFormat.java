package org.gilectomy.objects;

import org.gilectomy.refcount.RefCount;

/**
 * {@code str.format(*args, **kwargs)}: literal text with {@code {{} and {@code }}} doubled,
 * replacement fields {@code {name[.attr|[index]]*[!conversion][:spec]}} where the name is empty
 * (automatic numbering), a number or an identifier, and the spec may hold fields itself (two
 * levels at most); CPython 3.11's error messages.
 */
public final class StrFormat {
    private StrFormat() {
    }

    /** The method body, {@code self} at {@code args[off]}; arguments borrowed, returns a new str. */
    public static PyObject method(PyObject[] args, int off, int nargs, PyTuple kwnames) {
        if (nargs < 1 || !(args[off] instanceof PyStr self)) {
            throw PyExc.typeError("descriptor 'format' of 'str' object needs an argument");
        }
        return PyStr.of(new Run(args, off + 1, nargs - 1, kwnames).render(self.value, 2));
    }

    private static final class Run {
        private final PyObject[] args;
        private final int off;
        private final int nargs;
        private final PyTuple kwnames;
        private int auto;          // next automatic field number
        private boolean manual;    // a numbered field was seen
        private boolean automatic; // an automatic field was seen

        Run(PyObject[] args, int off, int nargs, PyTuple kwnames) {
            this.args = args;
            this.off = off;
            this.nargs = nargs;
            this.kwnames = kwnames;
        }

        String render(String fmt, int depth) {
            if (depth < 0) {
                throw PyExc.valueError("Max string recursion exceeded");
            }
            StringBuilder out = new StringBuilder();
            int i = 0;
            int n = fmt.length();
            while (i < n) {
                char c = fmt.charAt(i);
                if (c == '{') {
                    if (i + 1 < n && fmt.charAt(i + 1) == '{') {
                        out.append('{');
                        i += 2;
                        continue;
                    }
                    int end = fieldEnd(fmt, i + 1);
                    out.append(field(fmt.substring(i + 1, end), depth));
                    i = end + 1;
                } else if (c == '}') {
                    if (i + 1 < n && fmt.charAt(i + 1) == '}') {
                        out.append('}');
                        i += 2;
                        continue;
                    }
                    throw PyExc.valueError("Single '}' encountered in format string");
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        /** The index of the '}' closing the field that starts at {@code from}. */
        private static int fieldEnd(String fmt, int from) {
            int depth = 1;
            boolean inSpec = false;
            for (int i = from; i < fmt.length(); i++) {
                char c = fmt.charAt(i);
                if (c == ':' && depth == 1) {
                    inSpec = true;
                } else if (c == '[' && !inSpec) {
                    int close = fmt.indexOf(']', i);
                    if (close < 0) {
                        break;
                    }
                    i = close;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return i;
                }
            }
            if (inSpec) {
                throw PyExc.valueError("unmatched '{' in format spec");
            }
            throw PyExc.valueError(fmt.indexOf(':', from) < 0 && fmt.indexOf('}', from) < 0 && from == fmt.length()
                    ? "Single '{' encountered in format string" : "expected '}' before end of string");
        }

        private String field(String text, int depth) {
            int nameEnd = 0;
            while (nameEnd < text.length() && text.charAt(nameEnd) != '!' && text.charAt(nameEnd) != ':') {
                if (text.charAt(nameEnd) == '[') {
                    int close = text.indexOf(']', nameEnd);
                    nameEnd = close < 0 ? text.length() : close;
                }
                nameEnd++;
            }
            nameEnd = Math.min(nameEnd, text.length());
            String name = text.substring(0, nameEnd);
            char conversion = 0;
            int i = nameEnd;
            if (i < text.length() && text.charAt(i) == '!') {
                if (i + 1 >= text.length()) {
                    throw PyExc.valueError("end of string while looking for conversion specifier");
                }
                conversion = text.charAt(i + 1);
                i += 2;
                if (i < text.length() && text.charAt(i) != ':') {
                    throw PyExc.valueError("expected ':' after conversion specifier");
                }
            }
            String spec = i < text.length() ? text.substring(i + 1) : "";
            PyObject value = lookup(name);
            try {
                String s;
                switch (conversion) {
                    case 0 -> s = null;
                    case 's' -> s = Ops.str(value);
                    case 'r' -> s = Ops.repr(value);
                    case 'a' -> s = Formatting.ascii(Ops.repr(value));
                    default -> throw PyExc.valueError("Unknown conversion specifier " + conversion);
                }
                String renderedSpec = spec.indexOf('{') >= 0 ? render(spec, depth - 1) : spec;
                return s != null ? Formatting.formatString(s, renderedSpec) : Formatting.format(value, renderedSpec);
            } finally {
                RefCount.decref(value);
            }
        }

        /** The object a field name refers to, as a new reference. */
        private PyObject lookup(String name) {
            int i = 0;
            while (i < name.length() && name.charAt(i) != '.' && name.charAt(i) != '[') {
                i++;
            }
            String first = name.substring(0, i);
            PyObject v;
            if (first.isEmpty()) {
                if (manual) {
                    throw PyExc.valueError("cannot switch from manual field specification to automatic field numbering");
                }
                automatic = true;
                v = positional(auto++);
            } else if (first.chars().allMatch(Character::isDigit)) {
                if (automatic) {
                    throw PyExc.valueError("cannot switch from automatic field numbering to manual field specification");
                }
                manual = true;
                v = positional(Integer.parseInt(first));
            } else {
                v = keyword(first);
            }
            while (i < name.length()) {
                PyObject next;
                if (name.charAt(i) == '.') {
                    int start = ++i;
                    while (i < name.length() && name.charAt(i) != '.' && name.charAt(i) != '[') {
                        i++;
                    }
                    try {
                        next = Ops.getAttr(v, name.substring(start, i));
                    } finally {
                        RefCount.decref(v);
                    }
                } else {
                    int close = name.indexOf(']', i);
                    if (close < 0) {
                        RefCount.decref(v);
                        throw PyExc.valueError("Missing ']' in format string");
                    }
                    String index = name.substring(i + 1, close);
                    i = close + 1;
                    PyObject key = !index.isEmpty() && index.chars().allMatch(Character::isDigit)
                            ? PyInt.of(Long.parseLong(index)) : PyStr.of(index);
                    try {
                        next = Ops.getItem(v, key);
                    } finally {
                        RefCount.decref(key);
                        RefCount.decref(v);
                    }
                }
                v = next;
            }
            return v;
        }

        private PyObject positional(int index) {
            if (index >= nargs) {
                throw PyExc.indexError("Replacement index " + index + " out of range for positional args tuple");
            }
            PyObject v = args[off + index];
            RefCount.incref(v);
            return v;
        }

        private PyObject keyword(String name) {
            if (kwnames != null) {
                for (int k = 0; k < kwnames.size(); k++) {
                    if (((PyStr) kwnames.getBorrowed(k)).value.equals(name)) {
                        PyObject v = args[off + nargs + k];
                        RefCount.incref(v);
                        return v;
                    }
                }
            }
            throw new PyException(PyExc.KEY_ERROR, PyStr.repr(name));
        }
    }
}
