package org.gilectomy.objects;

import org.gilectomy.locks.CriticalSection;
import org.gilectomy.locks.Gil;
import org.gilectomy.refcount.RefCount;

/**
 * {@code LOAD_GLOBAL}'s inline cache: one entry per name of a code object, so that a global
 * or built-in found once is found again with two version checks instead of two dict lookups
 * (CPython's {@code ma_version} guard of 3.6 to 3.11, kept per code object rather than per
 * instruction: the compiler is untouched, {@code LOAD_GLOBAL}'s argument indexes
 * {@link PyCode#names}).
 *
 * <pre>
 * Overview
 *
 * An Entry is immutable: {globals, globals' version, builtins, builtins' version, source (the
 * dict the value came from), value (borrowed: the entry owns no reference)}. It is published
 * in PyCode's slot by an opaque store; its final fields make a racing reader see it whole.
 * A dict's version changes under its lock before every store or removal (PyDict), so
 * "version unchanged" means "the dict still holds the value the entry saw", and that value
 * is alive as long as the dict holds it.
 *
 * fill (miss):  gv = globals.version; bv = builtins.version          (acquire, before the reads)
 *               v = globals.get(name), else builtins.get(name)       (new reference)
 *               if both versions are still gv, bv: slot = Entry(...)
 * hit:          e = slot; e.globals == globals, e.builtins == builtins, and
 *               both dicts' versions equal the entry's (acquire)
 *   GIL builds: incref, nothing else (no other thread runs between the check and the incref).
 *   lock-free (RefCount.SUPPORTS_TRY_INCREF, i.e. all strategies but buffered):
 *               tryIncref(e.value), then re-check both versions; changed -> decref, miss.
 *               Between the first check and the incref another thread may replace the value
 *               and free it (a float may even be reused from a free list): tryIncref refuses
 *               a freed object, and the re-check catches a reused one, because the writer
 *               bumped the version before its decref, and the decref, the free and the reuse
 *               are ordered before the count our tryIncref read (all RMWs or release stores).
 *   locked (buffered: no tryIncref): under e.source's lock, source version unchanged -> incref.
 *   deferred value (RefCount.DEFERRED): nothing, on a hit: the frame's reference is not
 *               counted, and a deferred object that the dict held at the check is not freed
 *               by decrefs (its count carries a bias; only the collector frees it).
 * A miss runs the dicts' own read paths and refills the slot; misses never raise on their
 * own (a NameError is the caller's).
 *
 * Field              access
 * PyCode's slots     getOpaque / setOpaque (PyCode.globalsCacheOpaque); a stale entry only misses
 * Entry fields       final
 *
 * Module attributes (loadModuleAttr: LOAD_ATTR and LOAD_METHOD on a module) use the same
 * entries, with the module's namespace as the globals and no builtins (null), so that a hit on a module's function writes nothing and takes no lock, as
 * CPython 3.14t's LOAD_ATTR_MODULE. A name a code object uses both ways shares its slot:
 * each use then misses after the other (the entry checks which dicts it was filled from).
 *
 * Not promised: that a hit is faster than a miss when another thread keeps storing globals
 * (every store invalidates every entry of that dict); misses are not cached (a NameError
 * takes the slow path each time).
 * </pre>
 */
public final class GlobalsCache {
    /** One cached lookup; immutable. */
    static final class Entry {
        final PyDict globals;
        final long globalsVersion;
        final PyDict builtins;
        final long builtinsVersion;
        final PyDict source;
        final PyObject value;

        Entry(PyDict globals, long globalsVersion, PyDict builtins, long builtinsVersion, PyDict source,
              PyObject value) {
            this.globals = globals;
            this.globalsVersion = globalsVersion;
            this.builtins = builtins;
            this.builtinsVersion = builtinsVersion;
            this.source = source;
            this.value = value;
        }

        boolean current(PyDict g, PyDict b) {
            return globals == g && builtins == b && g.versionAcquire() == globalsVersion
                    && (b == null || b.versionAcquire() == builtinsVersion);
        }
    }

    private GlobalsCache() {
    }

    /**
     * {@code m.name} (the code's name {@code nameIndex}) as a frame's reference, as
     * {@link #load} gives one: a hit on a deferred object writes nothing. Null when the module's
     * namespace does not hold the name, and for dunder names (the module type's own
     * attributes, {@code __dict__} or {@code __class__}, come before the namespace): the caller
     * takes the general attribute path.
     */
    public static PyObject loadModuleAttr(PyCode code, int nameIndex, PyModule m) {
        PyDict d = m.dictBorrowed();
        if (d == null || code.names[nameIndex].startsWith("__")) {
            return null;
        }
        return load(code, nameIndex, d, null);
    }

    /**
     * A frame's reference to the global {@code code.names[nameIndex]}, looked up in
     * {@code globals}, then {@code builtins} (unless null); null if neither has it. For LOAD_GLOBAL: a new
     * reference, except to a deferred object, whose frame references are not counted
     * (RefCount.increfStack): a hit on one writes nothing.
     */
    public static PyObject load(PyCode code, int nameIndex, PyDict globals, PyDict builtins) {
        Entry e = code.globalsCacheOpaque(nameIndex);
        if (e != null && e.current(globals, builtins)) {
            PyObject v = e.value;
            if (RefCount.DEFERRED && v.isDeferred()) {
                return v; // alive: the dict held it at the check, and only the collector frees it
            }
            if (increfIfStillCurrent(e, v, globals, builtins)) {
                return v;
            }
        }
        return RefCount.stackRefSteal(fill(code, nameIndex, globals, builtins));
    }

    private static boolean increfIfStillCurrent(Entry e, PyObject v, PyDict globals, PyDict builtins) {
        if (Gil.ENABLED) {
            RefCount.incref(v); // the holder of the GIL: nothing can change the dicts since the check
            return true;
        }
        if (RefCount.SUPPORTS_TRY_INCREF) {
            if (!RefCount.tryIncref(v)) {
                return false;
            }
            if (e.current(globals, builtins)) {
                return true;
            }
            RefCount.decref(v); // replaced meanwhile: ours may be another object by now
            return false;
        }
        PyDict source = e.source;
        long sourceVersion = source == globals ? e.globalsVersion : e.builtinsVersion;
        CriticalSection.begin(source);
        try {
            if (source.versionAcquire() != sourceVersion) {
                return false;
            }
            RefCount.incref(v);
            return true;
        } finally {
            CriticalSection.end();
        }
    }

    private static PyObject fill(PyCode code, int nameIndex, PyDict globals, PyDict builtins) {
        PyStr name = code.nameObjects[nameIndex];
        long gv = globals.versionAcquire();
        long bv = builtins == null ? 0 : builtins.versionAcquire();
        PyDict source = globals;
        PyObject v = globals.get(name);
        if (v == null && builtins != null) {
            source = builtins;
            v = builtins.get(name);
        }
        if (v == null) {
            return null;
        }
        if (globals.versionAcquire() == gv && (builtins == null || builtins.versionAcquire() == bv)) {
            code.setGlobalsCacheOpaque(nameIndex, new Entry(globals, gv, builtins, bv, source, v));
        }
        return v;
    }
}
