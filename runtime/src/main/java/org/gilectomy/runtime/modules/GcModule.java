package org.gilectomy.runtime.modules;

import java.util.List;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.refcount.CollectorStats;
import org.gilectomy.refcount.CycleCollector;
import org.gilectomy.refcount.GcTracked;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.refcount.RefCounted;
import org.gilectomy.runtime.interp.Keywords;
import org.gilectomy.runtime.interp.Modules;

/**
 * The {@code gc} module: the cycle collector ({@link CycleCollector}) as Python sees it.
 * {@code gc.callbacks} and the debug flags are not provided (an AttributeError says so);
 * {@code gc.garbage} is the empty list CPython keeps when no debug flag is set.
 */
public final class GcModule {
    private GcModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("gc");
        Modules.def(m, "collect", (a, off, n, kw) -> {
            Args.between("collect", n, 0, 1, null);
            PyObject g = n == 1 ? a[off] : Keywords.get("collect", a, off + n, kw, "generation")[0];
            long gen = g == null ? CycleCollector.GENERATIONS - 1 : Args.asLong(g);
            if (gen < 0 || gen >= CycleCollector.GENERATIONS) {
                throw PyExc.valueError("invalid generation");
            }
            return PyInt.of(CycleCollector.collect((int) gen, true));
        });
        Modules.def(m, "enable", (a, off, n, kw) -> {
            Args.exactly("enable", n, 0, kw);
            CycleCollector.setEnabled(true);
            return PyNone.newRef();
        });
        Modules.def(m, "disable", (a, off, n, kw) -> {
            Args.exactly("disable", n, 0, kw);
            CycleCollector.setEnabled(false);
            return PyNone.newRef();
        });
        Modules.def(m, "isenabled", (a, off, n, kw) -> {
            Args.exactly("isenabled", n, 0, kw);
            return PyBool.of(CycleCollector.isEnabled());
        });
        Modules.def(m, "get_count", (a, off, n, kw) -> {
            Args.exactly("get_count", n, 0, kw);
            return ints(CycleCollector.counts());
        });
        Modules.def(m, "get_threshold", (a, off, n, kw) -> {
            Args.exactly("get_threshold", n, 0, kw);
            return ints(CycleCollector.thresholds());
        });
        Modules.def(m, "set_threshold", (a, off, n, kw) -> {
            Args.between("set_threshold", n, 1, CycleCollector.GENERATIONS, kw);
            int[] t = new int[n];
            for (int i = 0; i < n; i++) {
                t[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Args.asLong(a[off + i])));
            }
            CycleCollector.setThresholds(t);
            return PyNone.newRef();
        });
        Modules.def(m, "get_stats", (a, off, n, kw) -> {
            Args.exactly("get_stats", n, 0, kw);
            return stats();
        });
        Modules.def(m, "freeze", (a, off, n, kw) -> {
            Args.exactly("freeze", n, 0, kw);
            CycleCollector.freeze();
            return PyNone.newRef();
        });
        Modules.def(m, "unfreeze", (a, off, n, kw) -> {
            Args.exactly("unfreeze", n, 0, kw);
            CycleCollector.unfreeze();
            return PyNone.newRef();
        });
        Modules.def(m, "get_freeze_count", (a, off, n, kw) -> {
            Args.exactly("get_freeze_count", n, 0, kw);
            return PyInt.of(CycleCollector.freezeCount());
        });
        Modules.def(m, "is_tracked", (a, off, n, kw) -> {
            Args.exactly("is_tracked", n, 1, kw);
            return PyBool.of(CycleCollector.isTracked(a[off]));
        });
        Modules.def(m, "get_referents", (a, off, n, kw) -> {
            Args.noKeywords("get_referents", kw);
            PyList r = new PyList();
            for (int i = 0; i < n; i++) {
                if (a[off + i] instanceof GcTracked t) {
                    t.traverse(o -> r.append((PyObject) o));
                }
            }
            return r;
        });
        Modules.def(m, "get_referrers", (a, off, n, kw) -> {
            Args.noKeywords("get_referrers", kw);
            List<RefCounted> found = CycleCollector.referrers(List.of(java.util.Arrays.copyOfRange(a, off, off + n)));
            PyList r = new PyList();
            for (RefCounted o : found) {
                r.append((PyObject) o);
                RefCount.decref(o);
            }
            return r;
        });
        PyList garbage = new PyList();
        m.set("garbage", garbage);
        RefCount.decref(garbage);
        return m;
    }

    private static PyTuple ints(int[] v) {
        PyObject[] items = new PyObject[v.length];
        for (int i = 0; i < v.length; i++) {
            items[i] = PyInt.of(v[i]);
        }
        return PyTuple.steal(items);
    }

    /** One dict per generation: collections, collected, uncollectable (always 0: finalizers never block a collection). */
    private static PyList stats() {
        CollectorStats.Snapshot s = CollectorStats.snapshot();
        PyList r = new PyList();
        for (int g = 0; g < CycleCollector.GENERATIONS; g++) {
            PyDict d = new PyDict();
            put(d, "collections", s.collections()[g]);
            put(d, "collected", s.collected()[g]);
            put(d, "uncollectable", 0);
            r.append(d);
            RefCount.decref(d);
        }
        return r;
    }

    private static void put(PyDict d, String key, long value) {
        PyStr k = PyStr.of(key);
        PyInt v = PyInt.of(value);
        d.put(k, v);
        RefCount.decref(k);
        RefCount.decref(v);
    }
}
