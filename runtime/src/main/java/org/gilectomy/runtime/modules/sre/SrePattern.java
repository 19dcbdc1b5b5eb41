package org.gilectomy.runtime.modules.sre;

import java.io.ByteArrayOutputStream;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Params;
import org.gilectomy.runtime.modules.sre.SreEngine;

/**
 * {@code re.Pattern}: a compiled regular expression. Immutable once made, so one pattern is
 * used by any number of threads at once: every call makes its own {@link SreEngine} (all the
 * mutable state of a match), as CPython makes an {@code SRE_STATE} per call.
 */
final class SrePattern extends PyObject {
    static final PyType TYPE = PyType.ofModule("re", "Pattern", PyType.OBJECT);
    static final PyType SCANNER_TYPE = PyType.ofModule("_sre", "SRE_Scanner", PyType.OBJECT);
    static final PyType CALLABLE_ITERATOR = new PyType("callable_iterator", PyType.OBJECT);
    private static final long MAXSIZE = Long.MAX_VALUE;

    /** The source (str, bytes, or None for patterns built from parsed pieces); owned. */
    final PyObject pattern;
    final long flags;
    final int[] code;
    final int groups;
    /** Owned: name to group number. */
    final PyDict groupindex;
    /** Owned: group number to name (or None). */
    final PyTuple indexgroup;

    SrePattern(PyObject pattern, long flags, int[] code, int groups, PyDict groupindex, PyTuple indexgroup) {
        RefCount.incref(pattern);
        RefCount.incref(groupindex);
        RefCount.incref(indexgroup);
        this.pattern = pattern;
        this.flags = flags;
        this.code = code;
        this.groups = groups;
        this.groupindex = groupindex;
        this.indexgroup = indexgroup;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    protected void dealloc() {
        RefCount.decref(pattern);
        RefCount.decref(groupindex);
        RefCount.decref(indexgroup);
    }

    private static final String[] FLAG_NAMES = {"re.TEMPLATE", "re.IGNORECASE", "re.LOCALE", "re.MULTILINE",
        "re.DOTALL", "re.UNICODE", "re.VERBOSE", "re.DEBUG", "re.ASCII"};

    @Override
    public String toString() {
        long f = flags;
        if (pattern instanceof PyStr && (f & (4 | 32 | 256)) == 32) {
            f &= ~32; // re.UNICODE is the default of str patterns: not shown
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if ((f & (1L << i)) != 0) {
                names.append(names.length() > 0 ? "|" : "").append(FLAG_NAMES[i]);
                f &= ~(1L << i);
            }
        }
        if (f != 0) {
            names.append(names.length() > 0 ? "|" : "").append("0x").append(Long.toHexString(f));
        }
        String src = Ops.repr(pattern);
        if (src.codePointCount(0, src.length()) > 200) {
            src = src.substring(0, src.offsetByCodePoints(0, 200));
        }
        return "re.compile(" + src + (names.length() > 0 ? ", " + names : "") + ")";
    }

    boolean isBytes() {
        return pattern instanceof PyBytes;
    }

    /** An engine over {@code s[pos:endpos]} for one call (or one scanner). */
    private SreEngine engine(SreModule.Subject s, int pos, int endpos) {
        SreEngine e = new SreEngine(code, groups, s.text, endpos);
        e.start = pos;
        return e;
    }

    private static final int MATCH = 0, FULLMATCH = 1, SEARCH = 2;

    /**
     * One search or match. Code the engine cannot follow (only a hand-made code list passed to
     * {@code _sre.compile} can be such: re's compiler makes none) is CPython's RuntimeError,
     * never a Java exception.
     */
    static boolean run(SreEngine e, boolean search) {
        try {
            return search ? e.search() : e.match();
        } catch (SreEngine.InternalError | IndexOutOfBoundsException ex) {
            throw new org.gilectomy.objects.PyException(PyExc.RUNTIME_ERROR, "invalid SRE code");
        }
    }

    private PyObject matchCall(String fn, int kind, PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind(fn, a, off + 1, n - 1, kw, 1, "string", "pos", "endpos");
        SreModule.Subject s = SreModule.Subject.of(p[0], pattern);
        int pos = SreModule.clamp(p[1], 0, s.length());
        int endpos = SreModule.clamp(p[2], MAXSIZE, s.length());
        SreEngine e = engine(s, pos, endpos);
        e.matchAll = kind == FULLMATCH;
        boolean ok = run(e, kind == SEARCH);
        return ok ? new SreMatch(this, s, e, pos, endpos) : PyNone.newRef();
    }

    /** {@code string[group]} of the engine's last match, or {@code dflt} (new reference) if it did not take part. */
    private static PyObject groupSlice(SreModule.Subject s, SreEngine e, int g, boolean emptyIfUnset) {
        int i = e.groupStart(g);
        if (i < 0) {
            return emptyIfUnset ? s.empty() : PyNone.newRef();
        }
        return s.slice(i, e.groupEnd(g));
    }

    private PyObject findall(PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind("findall", a, off + 1, n - 1, kw, 1, "string", "pos", "endpos");
        SreModule.Subject s = SreModule.Subject.of(p[0], pattern);
        int pos = SreModule.clamp(p[1], 0, s.length());
        int endpos = SreModule.clamp(p[2], MAXSIZE, s.length());
        SreEngine e = engine(s, pos, endpos);
        PyList out = new PyList();
        try {
            while (e.start <= endpos) {
                e.reset();
                if (!run(e, true)) {
                    break;
                }
                PyObject item;
                if (groups == 0) {
                    item = s.slice(e.start, e.ptr);
                } else if (groups == 1) {
                    item = groupSlice(s, e, 1, true);
                } else {
                    PyObject[] t = new PyObject[groups];
                    for (int g = 0; g < groups; g++) {
                        t[g] = groupSlice(s, e, g + 1, true);
                    }
                    item = PyTuple.steal(t);
                }
                out.append(item);
                RefCount.decref(item);
                e.mustAdvance = e.ptr == e.start;
                e.start = e.ptr;
            }
        } catch (RuntimeException ex) {
            RefCount.decref(out);
            throw ex;
        }
        return out;
    }

    private PyObject split(PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind("split", a, off + 1, n - 1, kw, 1, "string", "maxsplit");
        SreModule.Subject s = SreModule.Subject.of(p[0], pattern);
        long maxsplit = p[1] == null ? 0 : Args.asLong(p[1]);
        SreEngine e = engine(s, 0, s.length());
        PyList out = new PyList();
        try {
            int last = 0;
            for (long count = 0; maxsplit == 0 || count < maxsplit; count++) {
                e.reset();
                if (!run(e, true)) {
                    break;
                }
                appendOwned(out, s.slice(last, e.start));
                for (int g = 1; g <= groups; g++) {
                    appendOwned(out, groupSlice(s, e, g, false));
                }
                e.mustAdvance = e.ptr == e.start;
                last = e.start = e.ptr;
            }
            appendOwned(out, s.slice(last, s.length()));
        } catch (RuntimeException ex) {
            RefCount.decref(out);
            throw ex;
        }
        return out;
    }

    private static void appendOwned(PyList l, PyObject owned) {
        l.append(owned);
        RefCount.decref(owned);
    }

    /** sub and subn: the new string and the number of replacements. */
    private PyObject subx(String fn, boolean withCount, PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind(fn, a, off + 1, n - 1, kw, 2, "repl", "string", "count");
        PyObject repl = p[0];
        SreModule.Subject s = SreModule.Subject.of(p[1], pattern);
        long count = p[2] == null ? 0 : Args.asLong(p[2]);
        PyObject filter;
        if (org.gilectomy.objects.Ops.isCallable(repl)) {
            RefCount.incref(repl);
            filter = repl;
        } else if (isLiteral(repl)) {
            RefCount.incref(repl);
            filter = repl;
        } else {
            filter = SreModule.callRe("_subx", this, repl);
        }
        Joiner out = new Joiner(s.bytes);
        long done = 0;
        try {
            boolean callable = org.gilectomy.objects.Ops.isCallable(filter);
            SreEngine e = engine(s, 0, s.length());
            int i = 0;
            while (count == 0 || done < count) {
                e.reset();
                if (!run(e, true)) {
                    break;
                }
                if (i < e.start) {
                    out.addSlice(s, i, e.start);
                }
                if (callable) {
                    SreMatch m = new SreMatch(this, s, e, 0, s.length());
                    PyObject item;
                    try {
                        item = Ops.call(filter, new PyObject[] {m}, 0, 1, null);
                    } finally {
                        RefCount.decref(m);
                    }
                    try {
                        if (item != PyNone.NONE) {
                            out.add(item);
                        }
                    } finally {
                        RefCount.decref(item);
                    }
                } else if (filter != PyNone.NONE) {
                    out.add(filter);
                }
                i = e.ptr;
                done++;
                e.mustAdvance = e.ptr == e.start;
                e.start = e.ptr;
            }
            if (i < s.length()) {
                out.addSlice(s, i, s.length());
            }
        } finally {
            RefCount.decref(filter);
        }
        PyObject joined = out.result();
        if (!withCount) {
            return joined;
        }
        return PyTuple.steal(new PyObject[] {joined, PyInt.of(done)});
    }

    /** A template without a backslash is used as it is (CPython's shortcut, which keeps its type). */
    private static boolean isLiteral(PyObject repl) {
        if (repl instanceof PyStr str) {
            return str.value.indexOf('\\') < 0;
        }
        if (repl instanceof PyBytes b) {
            for (byte x : b.toByteArray()) {
                if (x == '\\') {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The pieces of sub's result, joined as str.join or bytes.join would, with their errors. */
    private static final class Joiner {
        private final boolean bytes;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
        private int items;

        Joiner(boolean bytes) {
            this.bytes = bytes;
        }

        void addSlice(SreModule.Subject s, int i, int j) {
            PyObject piece = s.slice(i, j);
            try {
                add(piece);
            } finally {
                RefCount.decref(piece);
            }
        }

        void add(PyObject item) {
            if (bytes) {
                if (!(item instanceof PyBytes b)) {
                    throw PyExc.typeError("sequence item " + items + ": expected a bytes-like object, "
                            + item.type().name() + " found");
                }
                raw.writeBytes(b.toByteArray());
            } else {
                if (!(item instanceof PyStr str)) {
                    throw PyExc.typeError("sequence item " + items + ": expected str instance, "
                            + item.type().name() + " found");
                }
                text.append(str.value);
            }
            items++;
        }

        PyObject result() {
            return bytes ? PyBytes.wrap(raw.toByteArray()) : PyStr.of(text.toString());
        }
    }

    static {
        PyType t = TYPE;
        t.addMethod("match", (a, off, n, kw) -> self(a, off).matchCall("match", MATCH, a, off, n, kw));
        t.addMethod("fullmatch", (a, off, n, kw) -> self(a, off).matchCall("fullmatch", FULLMATCH, a, off, n, kw));
        t.addMethod("search", (a, off, n, kw) -> self(a, off).matchCall("search", SEARCH, a, off, n, kw));
        t.addMethod("findall", (a, off, n, kw) -> self(a, off).findall(a, off, n, kw));
        t.addMethod("split", (a, off, n, kw) -> self(a, off).split(a, off, n, kw));
        t.addMethod("sub", (a, off, n, kw) -> self(a, off).subx("sub", false, a, off, n, kw));
        t.addMethod("subn", (a, off, n, kw) -> self(a, off).subx("subn", true, a, off, n, kw));
        t.addMethod("scanner", (a, off, n, kw) -> self(a, off).scanner("scanner", a, off, n, kw));
        t.addMethod("finditer", (a, off, n, kw) -> {
            Scanner sc = self(a, off).scanner("finditer", a, off, n, kw);
            return new MatchIterator(sc);
        });
        SreModule.selfCopies(t);
        t.addGetter("pattern", o -> newRef(((SrePattern) o).pattern));
        t.addGetter("flags", o -> PyInt.of(((SrePattern) o).flags));
        t.addGetter("groups", o -> PyInt.of(((SrePattern) o).groups));
        t.addGetter("groupindex", o -> {
            PyDict copy = new PyDict();
            copy.putAll(((SrePattern) o).groupindex);
            return copy;
        });

        SCANNER_TYPE.addMethod("match", (a, off, n, kw) -> {
            Args.exactly("match", n - 1, 0, kw);
            return ((Scanner) a[off]).next(false);
        });
        SCANNER_TYPE.addMethod("search", (a, off, n, kw) -> {
            Args.exactly("search", n - 1, 0, kw);
            return ((Scanner) a[off]).next(true);
        });
        SCANNER_TYPE.addGetter("pattern", o -> newRef(((Scanner) o).owner));
    }

    private static PyObject newRef(PyObject o) {
        RefCount.incref(o);
        return o;
    }

    private static SrePattern self(PyObject[] a, int off) {
        if (!(a[off] instanceof SrePattern p)) {
            throw PyExc.typeError("descriptor requires a 're.Pattern' object but received a '" + a[off].type().name() + "'");
        }
        return p;
    }

    private Scanner scanner(String fn, PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind(fn, a, off + 1, n - 1, kw, 1, "string", "pos", "endpos");
        SreModule.Subject s = SreModule.Subject.of(p[0], pattern);
        int pos = SreModule.clamp(p[1], 0, s.length());
        int endpos = SreModule.clamp(p[2], MAXSIZE, s.length());
        return new Scanner(this, s, engine(s, pos, endpos), pos, endpos);
    }

    /**
     * {@code _sre.SRE_Scanner}: successive matches over one string. Its engine is its own state,
     * so a scanner shared between threads is used by one at a time (its monitor).
     */
    static final class Scanner extends PyObject {
        final SrePattern owner;
        private final SreModule.Subject subject;
        private final SreEngine engine;
        private final int pos;
        private final int endpos;
        private boolean exhausted;

        Scanner(SrePattern owner, SreModule.Subject subject, SreEngine engine, int pos, int endpos) {
            RefCount.incref(owner);
            RefCount.incref(subject.string);
            this.owner = owner;
            this.subject = subject;
            this.engine = engine;
            this.pos = pos;
            this.endpos = endpos;
        }

        @Override
        public PyType type() {
            return SCANNER_TYPE;
        }

        synchronized PyObject next(boolean search) {
            if (exhausted) {
                return PyNone.newRef();
            }
            SreEngine e = engine;
            e.reset();
            boolean ok = run(e, search);
            if (!ok) {
                exhausted = true;
                return PyNone.newRef();
            }
            SreMatch m = new SreMatch(owner, subject, e, pos, endpos);
            e.mustAdvance = e.ptr == e.start;
            e.start = e.ptr;
            return m;
        }

        @Override
        protected void dealloc() {
            RefCount.decref(subject.string);
            RefCount.decref(owner);
        }
    }

    /** What finditer returns: scanner.search called until it gives None. */
    static final class MatchIterator extends PyIterator {
        private Scanner scanner;

        MatchIterator(Scanner owned) {
            this.scanner = owned;
        }

        @Override
        public PyType type() {
            return CALLABLE_ITERATOR;
        }

        @Override
        public synchronized PyObject next() {
            if (scanner == null) {
                return null;
            }
            PyObject m = scanner.next(true);
            if (m == PyNone.NONE) {
                RefCount.decref(m);
                RefCount.decref(scanner);
                scanner = null;
                return null;
            }
            return m;
        }

        @Override
        protected void dealloc() {
            if (scanner != null) {
                RefCount.decref(scanner);
            }
        }
    }
}
