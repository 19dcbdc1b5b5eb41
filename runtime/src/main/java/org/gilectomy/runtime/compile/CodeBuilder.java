package org.gilectomy.runtime.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyObject;

/**
 * Accumulates one code object's instructions, line table, constants and names; tracks the
 * stack depth to size the frame; resolves forward jumps through labels.
 */
final class CodeBuilder {
    private int[] code = new int[64];
    private int[] lines = new int[64];
    private int size;
    private int depth;
    private int maxDepth;
    private int line;

    private final List<PyObject> consts = new ArrayList<>();
    private final Map<Object, Integer> constIndex = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> nameIndex = new HashMap<>();
    private final List<String> varNames = new ArrayList<>();
    private final Map<String, Integer> varIndex = new HashMap<>();

    /** A jump target; {@code position} is -1 until bound; {@code uses} are patched on bind. */
    static final class Label {
        int position = -1;
        final List<Integer> uses = new ArrayList<>();
    }

    void setLine(int line) {
        this.line = line;
    }

    int position() {
        return size;
    }

    /** Emits {@code op arg} with the stack effect the opcode table declares for it. */
    void emit(int op, int arg) {
        emit(op, arg, fixedEffect(op));
    }

    private static int fixedEffect(int op) {
        int e = Opcode.stackEffect(op);
        if (e == Opcode.BY_ARG) {
            throw new IllegalStateException(Opcode.name(op) + "'s stack effect depends on its argument: pass it");
        }
        return e;
    }

    /**
     * Emits {@code op arg} with stack effect {@code delta}: for the opcodes whose effect depends on
     * the argument (the table says BY_ARG); any other must agree with the table.
     */
    void emit(int op, int arg, int delta) {
        int declared = Opcode.stackEffect(op);
        if (declared != Opcode.BY_ARG && declared != delta) {
            throw new IllegalStateException(Opcode.name(op) + " has stack effect " + declared + ", not " + delta);
        }
        if (arg < 0 || arg > 0xffffff) {
            throw new IllegalStateException("instruction argument out of range: " + arg);
        }
        if (size == code.length) {
            code = Arrays.copyOf(code, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
        }
        code[size] = op | arg << 8;
        lines[size] = line;
        size++;
        depth += delta;
        maxDepth = Math.max(maxDepth, depth);
        if (depth < 0) { // exception handlers cut the stack to compile-time depths: they must be exact
            throw new IllegalStateException("stack depth " + depth + " after " + Opcode.name(op) + " at " + (size - 1));
        }
    }

    /** A jump with the table's stack effect on the path that falls through. */
    void emitJump(int op, Label target) {
        emitJump(op, target, fixedEffect(op));
    }

    void emitJump(int op, Label target, int delta) {
        if (target.position >= 0) {
            emit(op, target.position, delta);
        } else {
            target.uses.add(size);
            emit(op, 0, delta);
        }
    }

    void bind(Label l) {
        l.position = size;
        for (int use : l.uses) {
            code[use] = (code[use] & 0xff) | size << 8;
        }
    }

    /** The stack depth after an instruction that jumps away, e.g. FOR_ITER's exit path. */
    void adjustDepth(int delta) {
        depth += delta;
        maxDepth = Math.max(maxDepth, depth);
    }

    /**
     * The index of the constant for {@code key}; {@code value} is added the first time. A value
     * made for this call (a large int, a float, a tuple) that duplicates an earlier one is
     * released here, or each repeated literal would leak one object.
     */
    int constant(Object key, PyObject value) {
        Integer i = constIndex.get(key);
        if (i == null) {
            i = consts.size();
            org.gilectomy.objects.Immortals.constant(value); // shared by every thread that runs the code
            consts.add(value);
            constIndex.put(key, i);
        } else if (consts.get(i) != value) {
            org.gilectomy.refcount.RefCount.decref(value);
        }
        return i;
    }

    int name(String n) {
        return nameIndex.computeIfAbsent(n, k -> {
            names.add(k);
            return names.size() - 1;
        });
    }

    int local(String n) {
        return varIndex.computeIfAbsent(n, k -> {
            varNames.add(k);
            return varNames.size() - 1;
        });
    }

    /** The module's code object. */
    PyCode build(String codeName, String filename, int firstLine, int argCount, boolean isModule) {
        return build(codeName, codeName, filename, firstLine, argCount, 0, 0, new int[0], 0, isModule);
    }

    /** A function's or class body's code object, with its parameter kinds, cells and free variables. */
    PyCode build(String codeName, String qualname, String filename, int firstLine, int argCount, int kwOnlyCount,
                 int flags, int[] cellSlots, int freeCount) {
        return build(codeName, qualname, filename, firstLine, argCount, kwOnlyCount, flags, cellSlots, freeCount, false);
    }

    private PyCode build(String codeName, String qualname, String filename, int firstLine, int argCount,
                         int kwOnlyCount, int flags, int[] cellSlots, int freeCount, boolean isModule) {
        PyCode c = new PyCode(codeName, qualname, filename, firstLine, argCount, kwOnlyCount, flags, cellSlots,
                freeCount, varNames.toArray(new String[0]), names.toArray(new String[0]),
                consts.toArray(new PyObject[0]), Arrays.copyOf(code, size), Arrays.copyOf(lines, size), maxDepth + 1,
                isModule);
        c.exceptionTable = exceptionTable();
        c.coFlags = coFlags;
        c.isGenerator = (coFlags & (PyCode.CO_GENERATOR | PyCode.CO_COROUTINE | PyCode.CO_ASYNC_GENERATOR)) != 0;
        return c;
    }

    // ------------------------------------------------------------------ lang-a: exception table

    private record Handler(int start, int end, Label target, int depth) {
    }

    private final List<Handler> handlers = new ArrayList<>();
    /**
     * CPython's co_flags bits the code records: what calling it makes (PyCode's CO_GENERATOR,
     * CO_COROUTINE, CO_ASYNC_GENERATOR) and CO_FUTURE_ANNOTATIONS.
     */
    int coFlags;

    /** The stack depth at this point of the code (items above the locals). */
    int depth() {
        return depth;
    }

    /** Sets the depth where control arrives other than by falling through (a handler, a jump target). */
    void setDepth(int d) {
        depth = d;
        maxDepth = Math.max(maxDepth, depth);
    }

    /** Routes exceptions raised in {@code [start, end)} to {@code target} with {@code depth} stack items kept. */
    void addHandler(int start, int end, Label target, int depth) {
        if (end > start) {
            handlers.add(new Handler(start, end, target, depth));
        }
    }

    private int[] exceptionTable() {
        int[] t = new int[handlers.size() * 4];
        for (int i = 0; i < handlers.size(); i++) {
            Handler h = handlers.get(i);
            if (h.target.position < 0) {
                throw new IllegalStateException("unbound exception handler");
            }
            t[4 * i] = h.start;
            t[4 * i + 1] = h.end;
            t[4 * i + 2] = h.target.position;
            t[4 * i + 3] = h.depth;
        }
        return t;
    }
}
