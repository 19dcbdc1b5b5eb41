package org.gilectomy.runtime.modules.sre;

import org.gilectomy.objects.Args;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Params;
import org.gilectomy.runtime.modules.sre.SreEngine;

/** {@code re.Match}: the spans of one match, immutable once made. */
final class SreMatch extends PyObject {
    static final PyType TYPE = PyType.ofModule("re", "Match", PyType.OBJECT);

    private final SrePattern pattern;
    private final SreModule.Subject subject;
    /** regs[2g], regs[2g+1]: group g's span, -1 if it did not take part; g = 0 is the match. */
    private final int[] regs;
    private final int pos;
    private final int endpos;
    private final int lastindex;

    /** The match the engine just found. */
    SreMatch(SrePattern pattern, SreModule.Subject subject, SreEngine e, int pos, int endpos) {
        RefCount.incref(pattern);
        RefCount.incref(subject.string);
        this.pattern = pattern;
        this.subject = subject;
        this.pos = pos;
        this.endpos = endpos;
        this.lastindex = e.lastindex;
        int[] r = new int[2 * (pattern.groups + 1)];
        r[0] = e.start;
        r[1] = e.ptr;
        for (int g = 1; g <= pattern.groups; g++) {
            r[2 * g] = e.groupStart(g);
            r[2 * g + 1] = e.groupEnd(g);
        }
        this.regs = r;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    protected void dealloc() {
        RefCount.decref(subject.string);
        RefCount.decref(pattern);
    }

    @Override
    public String toString() {
        PyObject g0 = group(0, PyNone.NONE);
        String r;
        try {
            r = Ops.repr(g0);
        } finally {
            RefCount.decref(g0);
        }
        if (r.codePointCount(0, r.length()) > 50) {
            r = r.substring(0, r.offsetByCodePoints(0, 50));
        }
        return "<re.Match object; span=(" + regs[0] + ", " + regs[1] + "), match=" + r + ">";
    }

    /** The group number that {@code key} (an int or a group name) names, with CPython's IndexError. */
    private int index(PyObject key) {
        long i = -1;
        if (key instanceof PyInt || key instanceof PyBool) {
            i = Args.asLong(key);
        } else {
            PyObject v = pattern.groupindex.getBorrowed(key);
            if (v instanceof PyInt) {
                i = Args.asLong(v);
            }
        }
        if (i < 0 || i > pattern.groups) {
            throw PyExc.indexError("no such group");
        }
        return (int) i;
    }

    /** Group g's text as a new reference, or a new reference to {@code dflt} if it did not take part. */
    private PyObject group(int g, PyObject dflt) {
        if (regs[2 * g] < 0) {
            RefCount.incref(dflt);
            return dflt;
        }
        return subject.slice(regs[2 * g], regs[2 * g + 1]);
    }

    private PyObject span(int g) {
        return PyTuple.steal(new PyObject[] {PyInt.of(regs[2 * g]), PyInt.of(regs[2 * g + 1])});
    }

    private static SreMatch self(PyObject[] a, int off) {
        if (!(a[off] instanceof SreMatch m)) {
            throw PyExc.typeError("descriptor requires a 're.Match' object but received a '" + a[off].type().name() + "'");
        }
        return m;
    }

    /** The optional group argument of start/end/span. */
    private int groupArg(String fn, PyObject[] a, int off, int n, PyTuple kw) {
        PyObject[] p = Params.bind(fn, a, off + 1, n - 1, kw, 0, "group");
        return p[0] == null ? 0 : index(p[0]);
    }

    static {
        PyType t = TYPE;
        t.addMethod("group", (a, off, n, kw) -> {
            Args.noKeywords("group", kw);
            SreMatch m = self(a, off);
            if (n == 1) {
                return m.group(0, PyNone.NONE);
            }
            if (n == 2) {
                return m.group(m.index(a[off + 1]), PyNone.NONE);
            }
            PyObject[] items = new PyObject[n - 1];
            try {
                for (int i = 1; i < n; i++) {
                    items[i - 1] = m.group(m.index(a[off + i]), PyNone.NONE);
                }
            } catch (RuntimeException e) {
                for (PyObject o : items) {
                    if (o != null) {
                        RefCount.decref(o);
                    }
                }
                throw e;
            }
            return PyTuple.steal(items);
        });
        t.addMethod("__getitem__", (a, off, n, kw) -> {
            Args.exactly("__getitem__", n - 1, 1, kw);
            SreMatch m = self(a, off);
            return m.group(m.index(a[off + 1]), PyNone.NONE);
        });
        t.addMethod("groups", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("groups", a, off + 1, n - 1, kw, 0, "default");
            SreMatch m = self(a, off);
            PyObject dflt = p[0] == null ? PyNone.NONE : p[0];
            PyObject[] items = new PyObject[m.pattern.groups];
            for (int g = 1; g <= items.length; g++) {
                items[g - 1] = m.group(g, dflt);
            }
            return PyTuple.steal(items);
        });
        t.addMethod("groupdict", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("groupdict", a, off + 1, n - 1, kw, 0, "default");
            SreMatch m = self(a, off);
            PyObject dflt = p[0] == null ? PyNone.NONE : p[0];
            PyDict d = new PyDict();
            for (java.util.Map.Entry<PyObject, PyObject> e : m.pattern.groupindex.itemsSnapshot()) {
                try {
                    PyObject v = m.group(m.index(e.getKey()), dflt);
                    d.put(e.getKey(), v);
                    RefCount.decref(v);
                } finally {
                    RefCount.decref(e.getKey());
                    RefCount.decref(e.getValue());
                }
            }
            return d;
        });
        t.addMethod("start", (a, off, n, kw) -> {
            SreMatch m = self(a, off);
            return PyInt.of(m.regs[2 * m.groupArg("start", a, off, n, kw)]);
        });
        t.addMethod("end", (a, off, n, kw) -> {
            SreMatch m = self(a, off);
            return PyInt.of(m.regs[2 * m.groupArg("end", a, off, n, kw) + 1]);
        });
        t.addMethod("span", (a, off, n, kw) -> {
            SreMatch m = self(a, off);
            return m.span(m.groupArg("span", a, off, n, kw));
        });
        t.addMethod("expand", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("expand", a, off + 1, n - 1, kw, 1, "template");
            SreMatch m = self(a, off);
            return SreModule.callRe("_expand", m.pattern, m, p[0]);
        });
        SreModule.selfCopies(t);
        t.addGetter("pos", o -> PyInt.of(((SreMatch) o).pos));
        t.addGetter("endpos", o -> PyInt.of(((SreMatch) o).endpos));
        t.addGetter("lastindex", o -> {
            int li = ((SreMatch) o).lastindex;
            return li >= 0 ? PyInt.of(li) : PyNone.newRef();
        });
        t.addGetter("lastgroup", o -> {
            SreMatch m = (SreMatch) o;
            if (m.lastindex < 0 || m.lastindex >= m.pattern.indexgroup.size()) {
                return PyNone.newRef();
            }
            PyObject name = m.pattern.indexgroup.getBorrowed(m.lastindex);
            RefCount.incref(name);
            return name;
        });
        t.addGetter("re", o -> {
            RefCount.incref(((SreMatch) o).pattern);
            return ((SreMatch) o).pattern;
        });
        t.addGetter("string", o -> {
            PyObject s = ((SreMatch) o).subject.string;
            RefCount.incref(s);
            return s;
        });
        t.addGetter("regs", o -> {
            SreMatch m = (SreMatch) o;
            PyObject[] spans = new PyObject[m.pattern.groups + 1];
            for (int g = 0; g < spans.length; g++) {
                spans[g] = m.span(g);
            }
            return PyTuple.steal(spans);
        });
    }
}
