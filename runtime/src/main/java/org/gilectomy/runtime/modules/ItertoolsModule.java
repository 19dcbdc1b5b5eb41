package org.gilectomy.runtime.modules;

import java.util.ArrayList;
import java.util.List;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.BinaryOp;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Params;

/**
 * CPython's {@code itertools} (Modules/itertoolsmodule.c): each function makes an
 * {@link ItertoolsIter} of its own type whose step is written here. A step's state lives in
 * the slots of the iterator's owned array (so what it holds is released with it) or in small
 * Java arrays for counters.
 */
public final class ItertoolsModule {
    private static final String[] NAMES = {"count", "cycle", "repeat", "accumulate", "chain", "compress",
        "dropwhile", "filterfalse", "groupby", "_grouper", "islice", "pairwise", "starmap", "takewhile", "_tee",
        "zip_longest", "product", "permutations", "combinations", "combinations_with_replacement"};
    private static final java.util.Map<String, PyType> TYPES = new java.util.HashMap<>();

    static {
        for (String n : NAMES) {
            TYPES.put(n, PyType.ofModule("itertools", n, PyType.OBJECT));
        }
    }

    private ItertoolsModule() {
    }

    private static PyType type(String name) {
        return TYPES.get(name);
    }

    public static PyModule module() {
        PyModule m = new PyModule("itertools");
        for (String n : NAMES) {
            if (!n.startsWith("_")) {
                Defs.type(m, TYPES.get(n));
            }
        }
        Defs.def(m, "tee", ItertoolsModule::tee);
        return m;
    }

    private static void constructor(String name, PyBuiltinFunction.Body body) {
        type(name).constructor = body;
    }

    private static PyObject newRef(PyObject o) {
        RefCount.incref(o);
        return o;
    }

    private static PyObject[] owned(PyObject... refs) {
        return refs;
    }

    private static PyObject call(PyObject f, PyObject... args) {
        return Ops.call(f, args);
    }

    private static boolean truth(PyObject owned) {
        try {
            return Ops.isTrue(owned);
        } finally {
            RefCount.decref(owned);
        }
    }

    /** Replaces slot {@code i} of {@code o} with an owned value, releasing the old one. */
    private static void set(PyObject[] o, int i, PyObject owned) {
        PyObject old = o[i];
        o[i] = owned;
        RefCount.xdecref(old);
    }

    private static long nonNegative(PyObject o, String message) {
        if (o == null || o == PyNone.NONE) {
            return -1;
        }
        if (!(o instanceof PyInt || o instanceof org.gilectomy.objects.PyBool)) {
            throw PyExc.valueError(message);
        }
        long v = Args.asLong(o);
        if (v < 0) {
            throw PyExc.valueError(message);
        }
        return v;
    }

    static {
        constructor("count", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("count", a, off, n, kw, 0, "start", "step");
            PyObject start = p[0] == null ? PyInt.of(0) : newRef(p[0]);
            PyObject step = p[1] == null ? PyInt.of(1) : newRef(p[1]);
            for (PyObject x : new PyObject[] {start, step}) {
                if (!org.gilectomy.objects.Numbers.isNumber(x)) {
                    RefCount.decref(start);
                    RefCount.decref(step);
                    throw PyExc.typeError("a number is required");
                }
            }
            PyObject[] o = owned(start, step);
            return new ItertoolsIter(type("count"), o, () -> {
                PyObject r = newRef(o[0]);
                set(o, 0, Ops.binary(BinaryOp.ADD, o[0], o[1]));
                return r;
            }, () -> {
                boolean plainStep = o[1] instanceof PyInt i && i.big == null && i.value == 1;
                return "count(" + Ops.repr(o[0]) + (plainStep ? "" : ", " + Ops.repr(o[1])) + ")";
            });
        });
        constructor("cycle", (a, off, n, kw) -> {
            Args.exactly("cycle", n, 1, kw);
            PyObject[] o = owned(Ops.iter(a[off]), new PyList());
            int[] at = {0};
            return new ItertoolsIter(type("cycle"), o, () -> {
                PyList saved = (PyList) o[1];
                if (o[0] != null) {
                    PyObject x = Ops.next(o[0]);
                    if (x != null) {
                        saved.append(x);
                        return x;
                    }
                    set(o, 0, null);
                }
                if (saved.size() == 0) {
                    return null;
                }
                PyObject x = saved.getItem(at[0]);
                at[0] = (at[0] + 1) % saved.size();
                return x;
            });
        });
        constructor("repeat", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("repeat", a, off, n, kw, 1, "object", "times");
            long[] left = {p[1] == null ? -1 : Math.max(0, Args.asLong(p[1]))};
            PyObject[] o = owned(newRef(p[0]));
            return new ItertoolsIter(type("repeat"), o, () -> {
                if (left[0] == 0) {
                    return null;
                }
                if (left[0] > 0) {
                    left[0]--;
                }
                return newRef(o[0]);
            }, () -> "repeat(" + Ops.repr(o[0]) + (left[0] >= 0 ? ", " + left[0] : "") + ")");
        });
        constructor("accumulate", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("accumulate", a, off, n, kw, 1, "iterable", "func", "initial");
            PyObject func = p[1] == null || p[1] == PyNone.NONE ? null : newRef(p[1]);
            PyObject initial = p[2] == null || p[2] == PyNone.NONE ? null : newRef(p[2]);
            PyObject[] o = owned(Ops.iter(p[0]), func, null, initial);
            return new ItertoolsIter(type("accumulate"), o, () -> {
                if (o[3] != null) { // the initial value comes first
                    PyObject init = o[3];
                    o[3] = null;
                    o[2] = init;
                    return newRef(init);
                }
                PyObject x = Ops.next(o[0]);
                if (x == null) {
                    return null;
                }
                if (o[2] == null) {
                    o[2] = x;
                    return newRef(x);
                }
                PyObject total;
                try {
                    total = o[1] == null ? Ops.binary(BinaryOp.ADD, o[2], x) : call(o[1], o[2], x);
                } finally {
                    RefCount.decref(x);
                }
                set(o, 2, total);
                return newRef(total);
            });
        });
        constructor("chain", (a, off, n, kw) -> {
            Args.noKeywords("chain", kw);
            PyObject[] items = new PyObject[n];
            for (int i = 0; i < n; i++) {
                items[i] = newRef(a[off + i]);
            }
            PyTuple all = PyTuple.steal(items);
            try {
                return chain(Ops.iter(all));
            } finally {
                RefCount.decref(all);
            }
        });
        type("chain").addMethod("from_iterable", (a, off, n, kw) -> {
            Args.exactly("from_iterable", n, 1, kw);
            return chain(Ops.iter(a[off]));
        });
        constructor("compress", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("compress", a, off, n, kw, 2, "data", "selectors");
            PyObject[] o = owned(Ops.iter(p[0]), null);
            o[1] = Ops.iter(p[1]);
            return new ItertoolsIter(type("compress"), o, () -> {
                while (true) {
                    PyObject x = Ops.next(o[0]);
                    if (x == null) {
                        return null;
                    }
                    PyObject s = Ops.next(o[1]);
                    if (s == null) {
                        RefCount.decref(x);
                        return null;
                    }
                    if (truth(s)) {
                        return x;
                    }
                    RefCount.decref(x);
                }
            });
        });
        constructor("dropwhile", (a, off, n, kw) -> predicated("dropwhile", a, off, n, kw));
        constructor("takewhile", (a, off, n, kw) -> predicated("takewhile", a, off, n, kw));
        constructor("filterfalse", (a, off, n, kw) -> predicated("filterfalse", a, off, n, kw));
        constructor("starmap", (a, off, n, kw) -> {
            Args.exactly("starmap", n, 2, kw);
            PyObject[] o = owned(newRef(a[off]), Ops.iter(a[off + 1]));
            return new ItertoolsIter(type("starmap"), o, () -> {
                PyObject args = Ops.next(o[1]);
                if (args == null) {
                    return null;
                }
                try {
                    PyObject[] xs = Ops.collect(args);
                    try {
                        return Ops.call(o[0], xs);
                    } finally {
                        for (PyObject x : xs) {
                            RefCount.decref(x);
                        }
                    }
                } finally {
                    RefCount.decref(args);
                }
            });
        });
        constructor("pairwise", (a, off, n, kw) -> {
            Args.exactly("pairwise", n, 1, kw);
            PyObject[] o = owned(Ops.iter(a[off]), null);
            return new ItertoolsIter(type("pairwise"), o, () -> {
                if (o[1] == null) {
                    o[1] = Ops.next(o[0]);
                    if (o[1] == null) {
                        return null;
                    }
                }
                PyObject x = Ops.next(o[0]);
                if (x == null) {
                    return null;
                }
                PyObject first = o[1];
                o[1] = newRef(x);
                return PyTuple.steal(new PyObject[] {first, x});
            });
        });
        constructor("islice", ItertoolsModule::islice);
        constructor("zip_longest", (a, off, n, kw) -> {
            PyObject fill = PyNone.NONE;
            if (kw != null) {
                for (int k = 0; k < kw.size(); k++) {
                    String name = ((PyStr) kw.getBorrowed(k)).value;
                    if (!name.equals("fillvalue")) {
                        throw PyExc.typeError("zip_longest() got an unexpected keyword argument '" + name + "'");
                    }
                    fill = a[off + n + k];
                }
            }
            PyObject[] o = new PyObject[n + 1];
            o[n] = newRef(fill);
            try {
                for (int i = 0; i < n; i++) {
                    o[i] = Ops.iter(a[off + i]);
                }
            } catch (RuntimeException e) {
                for (PyObject x : o) {
                    RefCount.xdecref(x);
                }
                throw e;
            }
            int[] active = {n};
            return new ItertoolsIter(type("zip_longest"), o, () -> {
                if (active[0] == 0) {
                    return null;
                }
                PyObject[] row = new PyObject[n];
                for (int i = 0; i < n; i++) {
                    PyObject x = o[i] == null ? null : Ops.next(o[i]);
                    if (x == null && o[i] != null) {
                        set(o, i, null);
                        if (--active[0] == 0) {
                            for (int j = 0; j < i; j++) {
                                RefCount.decref(row[j]);
                            }
                            return null;
                        }
                    }
                    row[i] = x != null ? x : newRef(o[n]);
                }
                return PyTuple.steal(row);
            });
        });
        constructor("groupby", ItertoolsModule::groupby);
        constructor("product", ItertoolsModule::product);
        constructor("permutations", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("permutations", a, off, n, kw, 1, "iterable", "r");
            PyObject[] pool = Ops.collect(p[0]);
            long r = p[1] == null || p[1] == PyNone.NONE ? pool.length : Args.asLong(p[1]);
            if (r < 0) {
                release(pool);
                throw PyExc.valueError("r must be non-negative");
            }
            return Combinatorics.permutations(type("permutations"), pool, (int) Math.min(r, Integer.MAX_VALUE));
        });
        constructor("combinations", (a, off, n, kw) -> combinations("combinations", a, off, n, kw, false));
        constructor("combinations_with_replacement",
                (a, off, n, kw) -> combinations("combinations_with_replacement", a, off, n, kw, true));
    }

    static void release(PyObject[] refs) {
        for (PyObject x : refs) {
            RefCount.xdecref(x);
        }
    }

    private static PyObject combinations(String name, PyObject[] a, int off, int n,
            org.gilectomy.objects.PyTuple kw, boolean replace) {
        PyObject[] p = Params.bind(name, a, off, n, kw, 2, "iterable", "r");
        long r = Args.asLong(p[1]);
        if (r < 0) {
            throw PyExc.valueError("r must be non-negative");
        }
        PyObject[] pool = Ops.collect(p[0]);
        return Combinatorics.combinations(type(name), pool, (int) Math.min(r, Integer.MAX_VALUE), replace);
    }

    private static PyObject chain(PyObject ownedSources) {
        PyObject[] o = owned(ownedSources, null);
        return new ItertoolsIter(type("chain"), o, () -> {
            while (true) {
                if (o[1] == null) {
                    PyObject next = Ops.next(o[0]);
                    if (next == null) {
                        return null;
                    }
                    try {
                        o[1] = Ops.iter(next);
                    } finally {
                        RefCount.decref(next);
                    }
                }
                PyObject x = Ops.next(o[1]);
                if (x != null) {
                    return x;
                }
                set(o, 1, null);
            }
        });
    }

    /** dropwhile, takewhile, filterfalse: a predicate over the items. */
    private static PyObject predicated(String name, PyObject[] a, int off, int n, org.gilectomy.objects.PyTuple kw) {
        Args.exactly(name, n, 2, kw);
        PyObject pred = a[off];
        PyObject[] o = owned(newRef(pred), Ops.iter(a[off + 1]));
        boolean[] flag = {false}; // dropwhile: dropping is over; takewhile: taking is over
        return new ItertoolsIter(type(name), o, () -> {
            while (true) {
                if (flag[0] && name.equals("takewhile")) {
                    return null;
                }
                PyObject x = Ops.next(o[1]);
                if (x == null) {
                    return null;
                }
                if (name.equals("dropwhile") && flag[0]) {
                    return x;
                }
                boolean t;
                try {
                    t = name.equals("filterfalse") && o[0] == PyNone.NONE ? Ops.isTrue(x) : truth(call(o[0], x));
                } catch (RuntimeException e) {
                    RefCount.decref(x);
                    throw e;
                }
                switch (name) {
                    case "dropwhile":
                        if (!t) {
                            flag[0] = true;
                            return x;
                        }
                        break;
                    case "takewhile":
                        if (t) {
                            return x;
                        }
                        flag[0] = true;
                        break;
                    default:
                        if (!t) {
                            return x;
                        }
                }
                RefCount.decref(x);
            }
        });
    }

    private static PyObject islice(PyObject[] a, int off, int n, org.gilectomy.objects.PyTuple kw) {
        Args.between("islice", n, 2, 4, kw);
        long start = 0;
        long stop;
        long step = 1;
        if (n == 2) {
            stop = nonNegative(a[off + 1], "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        } else {
            String msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
            start = Math.max(0, nonNegative(a[off + 1], msg));
            stop = nonNegative(a[off + 2], msg);
            if (n == 4) {
                step = nonNegative(a[off + 3], "Step for islice() must be a positive integer or None.");
                if (step == 0) {
                    throw PyExc.valueError("Step for islice() must be a positive integer or None.");
                }
                step = Math.max(1, step);
            }
        }
        PyObject[] o = owned(Ops.iter(a[off]));
        long[] s = {0, start, stop, step}; // items consumed, next index wanted, stop (-1: none), step
        return new ItertoolsIter(type("islice"), o, () -> {
            if (s[2] >= 0 && s[1] >= s[2]) {
                // CPython consumes up to stop before ending
                while (s[0] < s[2]) {
                    PyObject x = Ops.next(o[0]);
                    if (x == null) {
                        break;
                    }
                    RefCount.decref(x);
                    s[0]++;
                }
                return null;
            }
            while (true) {
                PyObject x = Ops.next(o[0]);
                if (x == null) {
                    return null;
                }
                long i = s[0]++;
                if (i == s[1]) {
                    s[1] += s[3];
                    return x;
                }
                RefCount.decref(x);
            }
        });
    }

    /** groupby: the parent's slots are source, key function, current key, current value, target key. */
    private static PyObject groupby(PyObject[] a, int off, int n, org.gilectomy.objects.PyTuple kw) {
        PyObject[] p = Params.bind("groupby", a, off, n, kw, 1, "iterable", "key");
        PyObject key = p[1] == null || p[1] == PyNone.NONE ? null : newRef(p[1]);
        PyObject[] o = owned(Ops.iter(p[0]), key, null, null, null);
        long[] generation = {0}; // which group the live grouper belongs to
        return new ItertoolsIter(type("groupby"), o, () -> {
            generation[0]++;
            // skip what is left of the current group
            while (o[2] != null && o[4] != null && Ops.sameOrEq(o[2], o[4])) {
                if (!advance(o)) {
                    return null;
                }
            }
            if (o[2] == null && !advance(o)) {
                return null;
            }
            set(o, 4, newRef(o[2]));
            long mine = generation[0];
            PyObject[] g = owned(newRef(o[4]));
            ItertoolsIter grouper = new ItertoolsIter(type("_grouper"), g, () -> {
                if (generation[0] != mine || o[0] == null) {
                    return null;
                }
                if (o[2] == null && !advance(o)) {
                    return null;
                }
                if (!Ops.sameOrEq(o[2], g[0])) {
                    return null;
                }
                PyObject v = o[3];
                o[3] = null;
                set(o, 2, null);
                return v;
            });
            return PyTuple.steal(new PyObject[] {newRef(o[4]), grouper});
        });
    }

    /** Reads the next value of groupby's source into slots 3 (value) and 2 (its key); false at the end. */
    private static boolean advance(PyObject[] o) {
        PyObject v = Ops.next(o[0]);
        if (v == null) {
            return false;
        }
        PyObject k = o[1] == null ? newRef(v) : call(o[1], v);
        set(o, 3, v);
        set(o, 2, k);
        return true;
    }

    private static PyObject product(PyObject[] a, int off, int n, org.gilectomy.objects.PyTuple kw) {
        long repeat = 1;
        if (kw != null) {
            for (int k = 0; k < kw.size(); k++) {
                String name = ((PyStr) kw.getBorrowed(k)).value;
                if (!name.equals("repeat")) {
                    throw PyExc.typeError("product() got an unexpected keyword argument '" + name + "'");
                }
                repeat = Args.asLong(a[off + n + k]);
            }
        }
        if (repeat < 0) {
            throw PyExc.valueError("repeat argument cannot be negative");
        }
        List<PyObject[]> pools = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                pools.add(Ops.collect(a[off + i]));
            }
        } catch (RuntimeException e) {
            pools.forEach(ItertoolsModule::release);
            throw e;
        }
        PyObject[][] all = new PyObject[(int) (n * repeat)][];
        for (int r = 0; r < repeat; r++) {
            for (int i = 0; i < n; i++) {
                PyObject[] pool = pools.get(i);
                if (r > 0) {
                    for (PyObject x : pool) {
                        RefCount.incref(x);
                    }
                }
                all[r * n + i] = pool;
            }
        }
        if (repeat == 0) {
            pools.forEach(ItertoolsModule::release);
        }
        return Combinatorics.product(type("product"), all);
    }

    /** {@code tee(iterable, n=2)}: n iterators over one source, sharing a buffer. */
    private static PyObject tee(PyObject[] a, int off, int n, org.gilectomy.objects.PyTuple kw) {
        Args.between("tee", n, 1, 2, kw);
        long count = n > 1 ? Args.asLong(a[off + 1]) : 2;
        if (count < 0) {
            throw PyExc.valueError("n must be >= 0");
        }
        PyObject[] r = new PyObject[(int) count];
        if (count > 0) {
            Tee shared = new Tee(Ops.iter(a[off]), (int) count);
            for (int i = 0; i < count; i++) {
                r[i] = shared.iterator(type("_tee"));
            }
        }
        return PyTuple.steal(r);
    }
}
