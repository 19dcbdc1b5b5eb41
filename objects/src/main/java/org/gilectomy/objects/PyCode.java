package org.gilectomy.objects;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A compiled code object: immutable data produced by the compiler and run by the eval loop.
 * Instructions are ints, {@code opcode | arg << 8}; {@code lines[i]} is the source line of
 * instruction {@code i}. Constants are kept alive for the whole process.
 */
public final class PyCode extends PyObject {
    public static final PyType TYPE = new PyType("code", null);

    static {
        TYPE.addGetter("co_flags", o -> PyInt.of(((PyCode) o).coFlagsAsCPython()));
        TYPE.addGetter("co_name", o -> PyStr.of(((PyCode) o).name));
        TYPE.addGetter("co_qualname", o -> PyStr.of(((PyCode) o).qualname));
        TYPE.addGetter("co_filename", o -> PyStr.of(((PyCode) o).filename));
        TYPE.addGetter("co_firstlineno", o -> PyInt.of(((PyCode) o).firstLine));
        TYPE.addGetter("co_argcount", o -> PyInt.of(((PyCode) o).argCount));
        TYPE.addGetter("co_kwonlyargcount", o -> PyInt.of(((PyCode) o).kwOnlyCount));
        TYPE.addGetter("co_posonlyargcount", o -> PyInt.of(((PyCode) o).positionalOnlyCount));
        TYPE.addMethod("replace", (a, off, n, kw) -> {
            Args.exactly("replace", n - 1, 0, null);
            PyCode c = (PyCode) a[off];
            int flags = c.coFlagsAsCPython();
            for (int i = 0; kw != null && i < kw.size(); i++) {
                String key = ((PyStr) kw.getBorrowed(i)).toString();
                if (!key.equals("co_flags")) {
                    throw PyExc.notImplemented("code.replace(" + key + "=...)");
                }
                flags = (int) Args.asLong(a[off + n + i]);
            }
            if ((flags & ~PyCode.CO_ITERABLE_COROUTINE) != (c.coFlagsAsCPython() & ~PyCode.CO_ITERABLE_COROUTINE)) {
                throw PyExc.notImplemented("code.replace() changing co_flags other than CO_ITERABLE_COROUTINE");
            }
            return c.withIterableCoroutine((flags & PyCode.CO_ITERABLE_COROUTINE) != 0);
        });
    }

    public final String name;
    public final String filename;
    public final int firstLine;
    public final int argCount;
    public final String[] varNames;   // locals, parameters first
    public final String[] names;      // globals, attributes, modules
    public final PyStr[] nameObjects; // the same names, interned
    /** The attribute inline caches, one per name (see AttrCache: racy plain writes of immutable entries). */
    final AttrCache[] attrCaches;
    public final PyObject[] consts;
    public final int[] code;
    public final int[] lines;
    public final int stackSize;
    public final boolean isModule;
    /**
     * Where exceptions go (lang-a): entries of four ints, {@code start, end, handler, depth}: an
     * exception raised by an instruction in {@code [start, end)} continues at {@code handler}
     * with the stack cut to {@code depth} items. Innermost first. Set once by the compiler
     * before the code object is published.
     */
    public int[] exceptionTable = NO_HANDLERS;
    /**
     * Whether calling a function with this code makes a suspendable frame object instead of
     * running it: a generator, coroutine or async generator ({@link #coFlags} says which). Set
     * with exceptionTable.
     */
    public boolean isGenerator;
    /**
     * CPython's co_flags bits saying what calling the code makes: {@link #CO_GENERATOR},
     * {@link #CO_COROUTINE}, {@link #CO_ASYNC_GENERATOR}, and {@link #CO_ITERABLE_COROUTINE}
     * for a generator that {@code await} accepts ({@code types.coroutine}). Set with exceptionTable.
     */
    public int coFlags;
    public static final int CO_GENERATOR = 0x20;
    public static final int CO_COROUTINE = 0x80;
    public static final int CO_ITERABLE_COROUTINE = 0x100;
    public static final int CO_ASYNC_GENERATOR = 0x200;
    /** A function body's docstring (its functions' {@code __doc__}), null if none. Set with exceptionTable. */
    public String doc;

    private static final int[] NO_HANDLERS = new int[0];

    /**
     * LOAD_GLOBAL's cache, one slot per name ({@link GlobalsCache}): the only mutable state
     * of a code object shared between threads, touched only through the opaque accessors
     * below (an entry is immutable, so a racing reader sees it whole or not at all).
     */
    private final GlobalsCache.Entry[] globalsCache;
    private static final VarHandle GLOBALS_CACHE = MethodHandles.arrayElementVarHandle(GlobalsCache.Entry[].class);

    /** The name in error messages and reprs: {@code outer.<locals>.inner}. */
    public final String qualname;
    /** Keyword-only parameters, after the positional ones in varNames. */
    public final int kwOnlyCount;
    /**
     * {@link #VARARGS} and {@link #VARKEYWORDS} (their slots follow the keyword-only ones), and
     * above {@link #POSITIONAL_ONLY_SHIFT} the count of positional-only parameters ({@code /}).
     */
    public final int flags;
    /** The first {@code positionalOnlyCount} parameters cannot be passed by keyword (CPython's co_posonlyargcount). */
    public final int positionalOnlyCount;
    /** Local slots holding cells (variables inner functions capture); filled on entry. */
    public final int[] cellSlots;
    /** The last {@code freeCount} varNames are free variables, copied from the closure on entry. */
    public final int freeCount;
    /** Positional parameters only, no cells or free variables: arguments are copied as they are. */
    public final boolean simple;

    public static final int VARARGS = 1;
    public static final int VARKEYWORDS = 2;
    /** Where {@link #flags} keeps the positional-only count. */
    public static final int POSITIONAL_ONLY_SHIFT = 8;

    public PyCode(String name, String filename, int firstLine, int argCount, String[] varNames,
                  String[] names, PyObject[] consts, int[] code, int[] lines, int stackSize, boolean isModule) {
        this(name, name, filename, firstLine, argCount, 0, 0, new int[0], 0, varNames, names, consts, code, lines,
                stackSize, isModule);
    }

    public PyCode(String name, String qualname, String filename, int firstLine, int argCount, int kwOnlyCount,
                  int flags, int[] cellSlots, int freeCount, String[] varNames, String[] names, PyObject[] consts,
                  int[] code, int[] lines, int stackSize, boolean isModule) {
        super(STATIC_REFS);
        org.gilectomy.refcount.RefCount.markDeferred(this, null); // frames' references to code are not counted (deferred)
        this.qualname = qualname;
        this.kwOnlyCount = kwOnlyCount;
        this.flags = flags;
        this.cellSlots = cellSlots;
        this.freeCount = freeCount;
        this.positionalOnlyCount = flags >>> POSITIONAL_ONLY_SHIFT;
        // Positional-only parameters do not matter to a call with no keywords: still the plain copy.
        this.simple = kwOnlyCount == 0 && (flags & (VARARGS | VARKEYWORDS)) == 0 && cellSlots.length == 0
                && freeCount == 0;
        this.name = name;
        this.filename = filename;
        this.firstLine = firstLine;
        this.argCount = argCount;
        this.varNames = varNames;
        this.names = names;
        this.nameObjects = new PyStr[names.length];
        this.attrCaches = AttrCache.forNames(names.length);
        for (int i = 0; i < names.length; i++) {
            nameObjects[i] = PyStr.internBorrowed(names[i]);
        }
        this.globalsCache = new GlobalsCache.Entry[names.length];
        this.consts = consts;
        this.code = code;
        this.lines = lines;
        this.stackSize = stackSize;
        this.isModule = isModule;
    }

    GlobalsCache.Entry globalsCacheOpaque(int nameIndex) {
        return (GlobalsCache.Entry) GLOBALS_CACHE.getOpaque(globalsCache, nameIndex);
    }

    void setGlobalsCacheOpaque(int nameIndex, GlobalsCache.Entry e) {
        GLOBALS_CACHE.setOpaque(globalsCache, nameIndex, e);
    }

    /** CPython's co_flags bits other than those of {@link #coFlags}. */
    private static final int CO_OPTIMIZED = 0x1;
    private static final int CO_NEWLOCALS = 0x2;
    private static final int CO_VARARGS = 0x4;
    private static final int CO_VARKEYWORDS = 0x8;
    private static final int CO_NESTED = 0x10;
    /** {@code from __future__ import annotations} (CPython's CO_FUTURE_ANNOTATIONS), set by the compiler. */
    public static final int CO_FUTURE_ANNOTATIONS = 0x1000000;

    /**
     * co_flags as CPython computes them: a function's frame is optimized with new locals, nested
     * inside a function when its qualified name has {@code <locals>} in it.
     */
    int coFlagsAsCPython() {
        int f = coFlags;
        if (!isModule && !isClassBody()) {
            f |= CO_OPTIMIZED | CO_NEWLOCALS;
        }
        f |= (flags & VARARGS) != 0 ? CO_VARARGS : 0;
        f |= (flags & VARKEYWORDS) != 0 ? CO_VARKEYWORDS : 0;
        f |= qualname.contains("<locals>") ? CO_NESTED : 0;
        return f;
    }

    /** A class body's code: its first slot is the namespace (see the compiler). */
    private boolean isClassBody() {
        return varNames.length > 0 && varNames[0].equals(".namespace");
    }

    /**
     * A copy flagged (or not) as a {@code types.coroutine} generator, for code.replace(). It
     * shares this code's constants, which this code owns for the process.
     */
    private PyCode withIterableCoroutine(boolean iterable) {
        PyCode c = new PyCode(name, qualname, filename, firstLine, argCount, kwOnlyCount, flags, cellSlots, freeCount,
                varNames, names, consts, code, lines, stackSize, isModule);
        c.exceptionTable = exceptionTable;
        c.coFlags = iterable ? coFlags | CO_ITERABLE_COROUTINE : coFlags & ~CO_ITERABLE_COROUTINE;
        c.isGenerator = isGenerator;
        return c;
    }

    /** Parameters of every kind: positional, keyword-only, *args, **kwargs. */
    public int totalParams() {
        return argCount + kwOnlyCount + Integer.bitCount(flags & (VARARGS | VARKEYWORDS));
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "<code object " + name + " at " + address(this) + ", file \"" + filename + "\", line " + firstLine + ">";
    }

    /**
     * Interpreter finalization (--check-refs) of code compiled while the program ran (an
     * imported module's, exec's): releases the constants it owns, and those of the code objects
     * among them. A code object lives for the process (STATIC_REFS) but its mortal constants
     * (large ints, floats, tuples) were made for this program. The code must not run again.
     */
    public void releaseConstantsForFinalization() {
        for (int i = 0; i < consts.length; i++) {
            PyObject c = consts[i];
            if (c instanceof PyCode nested) {
                nested.releaseConstantsForFinalization();
            } else if (c != null && c.refCountOpaque() < STATIC_REFS) { // mortal: the code's own reference
                consts[i] = null;
                org.gilectomy.refcount.RefCount.decref(c);
            }
        }
    }
}
