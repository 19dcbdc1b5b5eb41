package org.gilectomy.runtime.interp;

import static org.gilectomy.runtime.compile.Opcode.*;

import org.gilectomy.threadstate.EvalBreaker;
import org.gilectomy.locks.Gil;
import org.gilectomy.cacheline.TransferCounter;
import org.gilectomy.objects.AttrCache;
import org.gilectomy.objects.BinaryOp;
import org.gilectomy.objects.Classes;
import org.gilectomy.objects.PyBaseException;
import org.gilectomy.objects.PyInstance;
import org.gilectomy.objects.CompareOp;
import org.gilectomy.objects.GlobalsCache;
import org.gilectomy.objects.Immortals;
import org.gilectomy.objects.NumericFastPaths;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyBoundMethod;
import org.gilectomy.objects.PyBuiltinFunction;
import org.gilectomy.objects.PyCell;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFunction;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyIterator;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PySet;
import org.gilectomy.objects.PySlice;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * The interpreter loop.
 *
 * <p>A frame is one {@code PyObject[]}: the code's locals in slots {@code [0, nlocals)}, the
 * value stack above them. Every non-null slot holds an owned reference. An instruction that
 * pops takes over the popped reference and must release it (or pass it on); a push stores a
 * new reference. When an exception leaves the frame, every slot still holding a reference is
 * released and a traceback line is added.
 *
 * <p>Exceptions: a Python exception is a Java {@link PyException} thrown by whatever failed.
 * The loop catches it once per frame, adds the frame's traceback line, and looks the failing
 * instruction up in the code's exception table ({@link PyCode#exceptionTable}); a handler is
 * entered with the stack cut to the entry's depth and (previously handled exception, this one)
 * pushed. Nothing is set up on entry to a try block, so the no-exception path runs exactly the
 * instructions it would run without one. References: the handler's value slot takes over the
 * carrier's ({@link PyException#takeValue}); {@code ts.handled} owns one of its own, and its
 * previous reference moves into the (prev) slot, back to {@code ts.handled} at POP_EXCEPT or a
 * re-raise; a re-raise hands the value slot's reference back to the carrier.
 *
 * <p>The eval breaker (this thread's word in its state, bits in {@link EvalBreaker}) is read
 * on every backward jump and on entry to every function: one opaque load of
 * {@code ts.breakerOpaque()} when nothing is pending.
 */
public final class Eval {
    private static final Builtins BUILTINS = Builtins.INSTANCE;

    private Eval() {
    }

    /** Calls a Python function; arguments borrowed as in {@link PyBuiltinFunction.Body}. */
    public static PyObject callFunction(ThreadState ts, PyFunction f, PyObject[] args, int off, int nargs, PyTuple kwnames) {
        PyCode code = f.code;
        PyObject[] slots = new PyObject[code.varNames.length + code.stackSize];
        ArgumentBinder.bind(f, slots, args, off, nargs, kwnames);
        if (code.isGenerator) {
            return SuspendedFrame.objectFor(code, f.globals, slots);
        }
        return run(ts, code, f.globals, slots, null);
    }

    private static void releaseSlots(PyObject[] slots, int upTo) {
        releaseSlots(slots, 0, upTo);
    }

    /** Runs a module's code in {@code globals}. */
    public static PyObject runModule(ThreadState ts, PyCode code, PyDict globals) {
        return run(ts, code, globals, new PyObject[code.varNames.length + code.stackSize], null);
    }

    /**
     * Runs a frame: from the start, or (generator) from where it last yielded. A generator's
     * frame returns the yielded value at each yield, and marks the generator finished when it
     * returns or raises.
     */
    static PyObject run(ThreadState ts, PyCode code, PyDict globals, PyObject[] slots, SuspendedFrame gen) {
        if (++ts.depth > ThreadState.RECURSION_LIMIT) {
            ts.depth--;
            if (gen == null) {
                releaseSlots(slots, 0, slots.length);
            }
            throw new PyException(PyExc.RECURSION_ERROR, "maximum recursion depth exceeded");
        }
        ts.frames[ts.depth] = slots; // the cycle collector's roots
        ts.codes[ts.depth] = code; // with globals and pcs: what a frame object reads (PyFrame)
        ts.frameGlobals[ts.depth] = globals;
        int sp = gen == null ? code.varNames.length : gen.sp; // first free stack slot
        int pc = gen == null ? 0 : gen.pc;
        try {
          final int[] insns = code.code;
          final PyObject[] consts = code.consts;
          final int tid = ts.ownerId(); // biased counts: the owner check compares with a register (ob_tid)
          final int[] pcs = ts.pcs;
          final int depth = ts.depth;
          while (true) { // entered again at each exception handler
           try {
            if (pc == 0 && ts.breakerOpaque() != 0) {
                handleBreaker(ts);
            }
            if (gen != null) {
                PyException thrown = gen.takePendingThrow(); // generator.throw()/close()
                if (thrown != null) {
                    throw thrown;
                }
            }
            while (true) {
                if (Gil.TICKING && --ts.ticks < 0) {
                    Ticker.check(ts);
                    if (ts.breakerOpaque() != 0) {
                        handleBreaker(ts);
                    }
                }
                if (TransferCounter.ENABLED) TransferCounter.bytecode(); // --count-transfers only: folded away when off
                pcs[depth] = pc; // the current line of a frame object (CPython 3.11's frame->prev_instr)
                int insn = insns[pc++];
                int arg = insn >>> 8;
                switch (insn & 0xff) {
                    case NOP:
                        break;
                    case LOAD_CONST: {
                        PyObject v = consts[arg];
                        RefCount.increfStack(v, tid);
                        slots[sp++] = v;
                        break;
                    }
                    case LOAD_FAST: {
                        PyObject v = slots[arg];
                        if (v == null) {
                            throw unboundLocal(code, arg);
                        }
                        RefCount.increfStack(v, tid);
                        slots[sp++] = v;
                        break;
                    }
                    case STORE_FAST: {
                        PyObject old = slots[arg];
                        slots[arg] = slots[--sp];
                        slots[sp] = null;
                        if (old != null) {
                            RefCount.decrefStack(old, tid);
                        }
                        break;
                    }
                    case LOAD_GLOBAL:
                        slots[sp++] = loadGlobal(globals, code, arg);
                        break;
                    case STORE_GLOBAL: {
                        PyObject v = slots[--sp];
                        slots[sp] = null;
                        globals.put(code.nameObjects[arg], v);
                        RefCount.decrefStack(v, tid);
                        break;
                    }
                    case LOAD_ATTR: {
                        PyObject o = slots[sp - 1];
                        slots[sp - 1] = loadAttrStack(code, arg, o);
                        RefCount.decrefStack(o, tid);
                        break;
                    }
                    case STORE_ATTR: {
                        PyObject o = slots[sp - 1];
                        if (o instanceof PyInstance pi) {
                            AttrCache.store(code, arg, pi, slots[sp - 2]);
                        } else {
                            Ops.setAttr(o, code.names[arg], slots[sp - 2]);
                        }
                        releaseSlots(slots, sp - 2, sp);
                        sp -= 2;
                        break;
                    }
                    case LOAD_METHOD: {
                        PyObject o = slots[sp - 1];
                        PyObject m;
                        if (o instanceof PyInstance pi) {
                            m = AttrCache.method(code, arg, pi);
                        } else if (o instanceof PyType) {
                            m = null; // C.f: the class's own attribute, not its metaclass's method (type.__init__)
                        } else {
                            m = o.type().lookupMethodBorrowed(code.names[arg]);
                            if (m != null) {
                                RefCount.increfStack(m, tid);
                            }
                        }
                        if (m != null) {
                            slots[sp - 1] = m;
                            slots[sp++] = o; // self: the reference moves up one slot
                        } else {
                            slots[sp - 1] = loadAttrStack(code, arg, o);
                            RefCount.decrefStack(o, tid);
                            slots[sp++] = null; // no self
                        }
                        break;
                    }
                    case CALL_METHOD: {
                        int base = sp - arg - 2; // callable, self-or-null, args
                        PyObject self = slots[base + 1];
                        PyObject r = self != null
                                ? invokeFromStack(ts, slots[base], slots, base + 1, arg + 1, false)
                                : invokeFromStack(ts, slots[base], slots, base + 2, arg, false);
                        releaseSlots(slots, base, sp);
                        slots[base] = RefCount.stackRefSteal(r);
                        sp = base + 1;
                        break;
                    }
                    case CALL: {
                        int base = sp - arg - 1;
                        PyObject r = invokeFromStack(ts, slots[base], slots, base + 1, arg, true);
                        releaseSlots(slots, base, sp);
                        slots[base] = RefCount.stackRefSteal(r);
                        sp = base + 1;
                        break;
                    }
                    case CALL_KW: {
                        PyTuple kwnames = (PyTuple) slots[sp - 1];
                        int base = sp - arg - 2;
                        PyObject r = invoke(ts, slots[base], slots, base + 1, arg - kwnames.size(), kwnames);
                        releaseSlots(slots, base, sp);
                        slots[base] = RefCount.stackRefSteal(r);
                        sp = base + 1;
                        break;
                    }
                    case BINARY: {
                        PyObject right = slots[--sp];
                        PyObject left = slots[sp - 1];
                        slots[sp] = null;
                        PyObject r;
                        try {
                            r = binary(arg, left, right);
                        } finally {
                            RefCount.decrefStack(right, tid);
                        }
                        slots[sp - 1] = RefCount.stackRefSteal(r);
                        RefCount.decrefStack(left, tid);
                        break;
                    }
                    case COMPARE: {
                        PyObject right = slots[--sp];
                        PyObject left = slots[sp - 1];
                        slots[sp] = null;
                        boolean r;
                        try {
                            r = compare(arg, left, right);
                        } finally {
                            RefCount.decrefStack(right, tid);
                        }
                        slots[sp - 1] = PyBool.of(r);
                        RefCount.decrefStack(left, tid);
                        break;
                    }
                    case UNARY_NOT: {
                        PyObject v = slots[sp - 1];
                        slots[sp - 1] = PyBool.of(!(v == PyBool.TRUE || (v != PyBool.FALSE && Ops.isTrue(v))));
                        RefCount.decrefStack(v, tid);
                        break;
                    }
                    case POP_TOP: {
                        PyObject v = slots[--sp];
                        slots[sp] = null;
                        RefCount.decrefStack(v, tid);
                        break;
                    }
                    case DUP_TOP: {
                        PyObject v = slots[sp - 1];
                        RefCount.increfStack(v, tid);
                        slots[sp++] = v;
                        break;
                    }
                    case DUP_TOP_TWO: {
                        PyObject a = slots[sp - 2];
                        PyObject c = slots[sp - 1];
                        RefCount.increfStack(a, tid);
                        RefCount.increfStack(c, tid);
                        slots[sp] = a;
                        slots[sp + 1] = c;
                        sp += 2;
                        break;
                    }
                    case ROT_TWO: {
                        PyObject t = slots[sp - 1];
                        slots[sp - 1] = slots[sp - 2];
                        slots[sp - 2] = t;
                        break;
                    }
                    case ROT_THREE: {
                        PyObject t = slots[sp - 1];
                        slots[sp - 1] = slots[sp - 2];
                        slots[sp - 2] = slots[sp - 3];
                        slots[sp - 3] = t;
                        break;
                    }
                    case JUMP:
                        pc = arg;
                        break;
                    case JUMP_BACKWARD:
                        pc = arg;
                        if (ts.breakerOpaque() != 0) {
                            handleBreaker(ts);
                        }
                        break;
                    case POP_JUMP_IF_FALSE:
                    case POP_JUMP_IF_TRUE: {
                        PyObject v = slots[--sp];
                        slots[sp] = null;
                        boolean t = v == PyBool.TRUE || (v != PyBool.FALSE && Ops.isTrue(v));
                        RefCount.decrefStack(v, tid);
                        if (t == ((insn & 0xff) == POP_JUMP_IF_TRUE)) {
                            pc = arg;
                        }
                        break;
                    }
                    case JUMP_IF_FALSE_OR_POP:
                    case JUMP_IF_TRUE_OR_POP: {
                        PyObject v = slots[sp - 1];
                        if (Ops.isTrue(v) == ((insn & 0xff) == JUMP_IF_TRUE_OR_POP)) {
                            pc = arg;
                        } else {
                            slots[--sp] = null;
                            RefCount.decrefStack(v, tid);
                        }
                        break;
                    }
                    case FOR_ITER: {
                        PyIterator it = (PyIterator) slots[sp - 1];
                        PyObject next = it.next();
                        if (next != null) {
                            slots[sp++] = RefCount.stackRefSteal(next);
                        } else {
                            slots[--sp] = null;
                            RefCount.decrefStack(it, tid);
                            pc = arg;
                        }
                        break;
                    }
                    case RETURN_VALUE: {
                        PyObject r = slots[--sp];
                        slots[sp] = null;
                        releaseSlots(slots, sp);
                        if (gen != null) {
                            gen.finished = true;
                        }
                        return RefCount.newRefFromStack(r); // the caller owns a counted reference
                    }
                    case BUILD_LIST: {
                        PyObject[] items = new PyObject[arg];
                        sp -= arg;
                        System.arraycopy(slots, sp, items, 0, arg);
                        java.util.Arrays.fill(slots, sp, sp + arg, null);
                        countedFromStack(items);
                        slots[sp++] = PyList.steal(items, arg);
                        break;
                    }
                    case BUILD_TUPLE: {
                        PyObject[] items = new PyObject[arg];
                        sp -= arg;
                        System.arraycopy(slots, sp, items, 0, arg);
                        java.util.Arrays.fill(slots, sp, sp + arg, null);
                        countedFromStack(items);
                        slots[sp++] = PyTuple.steal(items);
                        break;
                    }
                    case BINARY_SUBSCR: {
                        PyObject key = slots[--sp];
                        PyObject o = slots[sp - 1];
                        slots[sp] = null;
                        PyObject r;
                        try {
                            r = getItem(o, key);
                        } finally {
                            RefCount.decrefStack(key, tid);
                        }
                        slots[sp - 1] = RefCount.stackRefSteal(r);
                        RefCount.decrefStack(o, tid);
                        break;
                    }
                    case STORE_SUBSCR: {
                        setItem(slots[sp - 2], slots[sp - 1], slots[sp - 3]);
                        releaseSlots(slots, sp - 3, sp);
                        sp -= 3;
                        break;
                    }
                    case UNPACK_SEQUENCE:
                        sp = unpack(slots, sp, arg);
                        break;
                    // ---------------------------------------------------------- lang-a (42..69)
                    case RAISE_VARARGS:
                        sp = ExceptionOps.raise(ts, slots, sp, arg);
                        break; // not reached: raise always throws
                    case RERAISE:
                    case CLEANUP_RERAISE: {
                        PyBaseException exc = (PyBaseException) slots[--sp];
                        slots[sp] = null;
                        int prevAt = (insn & 0xff) == RERAISE ? sp - 1 : sp - 2;
                        PyObject prev = slots[prevAt];
                        slots[prevAt] = null;
                        restoreHandled(ts, prev);
                        releaseSlots(slots, prevAt, sp);
                        sp = prevAt;
                        PyException carrier = exc.carrier().raiseStealing(); // the flight takes the slot's reference
                        carrier.markReraised();
                        throw carrier;
                    }
                    case LOAD_NAME: {
                        PyObject v = ClassOps.namespaceGet((PyDict) slots[0], code.nameObjects[arg]);
                        slots[sp++] = v != null ? RefCount.stackRefSteal(v) : loadGlobal(globals, code, arg);
                        break;
                    }
                    case STORE_NAME: {
                        PyObject v = slots[--sp];
                        slots[sp] = null;
                        ClassOps.namespacePut((PyDict) slots[0], code.nameObjects[arg], v);
                        RefCount.decrefStack(v, tid);
                        break;
                    }
                    case YIELD_VALUE: {
                        PyObject v = slots[--sp];
                        slots[sp] = null;
                        gen.pc = pc;
                        gen.sp = sp;
                        return RefCount.newRefFromStack(v);
                    }
                    // ---- closures, argument unpacking, comprehensions, unpacking, f-strings (70..99)
                    case LOAD_DEREF: {
                        PyObject v = ((PyCell) slots[arg]).get();
                        if (v == null) {
                            throw ExtendedOps.unboundCell(code, arg);
                        }
                        slots[sp++] = RefCount.stackRefSteal(v);
                        break;
                    }
                    case STORE_DEREF: {
                        PyObject v = slots[--sp];
                        slots[sp] = null;
                        ((PyCell) slots[arg]).setStealing(RefCount.newRefFromStack(v));
                        break;
                    }
                    case LOAD_CLOSURE: {
                        PyObject cell = slots[arg];
                        RefCount.incref(cell, tid);
                        slots[sp++] = cell;
                        break;
                    }
                    case SEND: { // yield from: a jump when the delegate is done, so not a cold opcode
                        PyObject sent = slots[--sp];
                        slots[sp] = null;
                        PyObject r = Delegation.send(slots, sp - 1, sent);
                        if (r == null) {
                            pc = arg; // the delegate's slot holds its result
                        } else {
                            slots[sp++] = RefCount.stackRefSteal(r);
                        }
                        break;
                    }
                    default: // the rarer opcodes, out of line: see ColdOpcodes
                        sp = ColdOpcodes.execute(insn, pc, ts, code, globals, slots, sp);
                        break;
                }
            }
           } catch (PyException e) {
            int h = ExceptionOps.handlerFor(code.exceptionTable, pc - 1);
            if (!e.takeReraised()) {
                PyFrame.addTraceback(ts, e, code, Math.max(0, pc - 1), h < 0);
                e.setContextIfAbsent(ts.handled);
            }
            if (h < 0) {
                releaseSlots(slots, sp);
                if (gen != null) {
                    gen.finished = true;
                }
                throw e;
            }
            int base = code.varNames.length + code.exceptionTable[h + 3];
            releaseSlots(slots, base, sp);
            sp = base;
            slots[sp++] = ts.handled == null ? PyNone.newRef() : ts.handled; // ts's reference moves to the slot
            PyBaseException value = e.takeValue(); // the flight ends here
            slots[sp++] = value;
            RefCount.incref(value, tid);
            ts.handled = value;
            pc = code.exceptionTable[h + 2];
           }
          }
        } catch (StackOverflowError e) {
            releaseSlots(slots, sp);
            if (gen != null) {
                gen.finished = true;
            }
            PyException p = new PyException(PyExc.RECURSION_ERROR, "maximum recursion depth exceeded");
            PyFrame.addTraceback(ts, p, code, Math.max(0, pc - 1), true);
            throw p;
        } finally {
            PyFrame f = ts.frameObjects[ts.depth];
            if (f != null) {
                PyFrame.leave(ts, ts.depth, f);
            }
            ts.frames[ts.depth] = null;
            ts.depth--;
        }
    }

    /**
     * POP_EXCEPT and the re-raises: the handled exception becomes {@code prev} again (a
     * reference taken over from its stack slot, None for none); the one replaced is released.
     */
    static void restoreHandled(ThreadState ts, PyObject prev) {
        PyBaseException replaced = ts.handled;
        if (prev == PyNone.NONE) {
            ts.handled = null;
            RefCount.decref(prev);
        } else {
            ts.handled = (PyBaseException) prev;
        }
        RefCount.xdecref(replaced);
    }

    static PyException unboundLocal(PyCode code, int slot) {
        return new PyException(PyExc.UNBOUND_LOCAL_ERROR, "cannot access local variable '"
                + code.varNames[slot] + "' where it is not associated with a value");
    }

    static void releaseSlots(PyObject[] slots, int from, int to) {
        for (int i = from; i < to; i++) {
            PyObject o = slots[i];
            if (o != null) {
                slots[i] = null;
                RefCount.decrefStack(o);
            }
        }
    }

    /**
     * Items moved from the frame into a new container: each becomes a counted reference
     * (deferred objects are not counted while on the frame).
     */
    static void countedFromStack(PyObject[] items) {
        if (RefCount.DEFERRED) {
            for (PyObject o : items) {
                RefCount.newRefFromStack(o);
            }
        }
    }

    /** A stack reference to a global or built-in, through the code object's cache (GlobalsCache). */
    /**
     * {@code o.name} as a frame's reference: a module's attribute through the globals cache
     * (a deferred function of a module every thread calls is then not written), anything else
     * through AttrCache.
     */
    private static PyObject loadAttrStack(PyCode code, int arg, PyObject o) {
        if (o instanceof PyModule m) {
            PyObject v = GlobalsCache.loadModuleAttr(code, arg, m);
            if (v != null) {
                return v;
            }
        }
        return RefCount.stackRefSteal(AttrCache.load(code, arg, o));
    }

    private static PyObject loadGlobal(PyDict globals, PyCode code, int arg) {
        PyObject v = GlobalsCache.load(code, arg, globals, BUILTINS.dict);
        if (v == null) {
            throw PyExc.nameError(code.names[arg]);
        }
        return v;
    }

    /**
     * CALL and CALL_METHOD: calls {@code callable} with the {@code nargs} arguments at
     * {@code stack[off..]}, which the caller's frame owns. A Python function whose parameters
     * are plain positional ones gets them <em>moved</em> into its new frame: the references
     * change hands, the caller's slots are left null (its releaseSlots skips them), and no
     * header is written, where copying would incref each argument into the frame and the caller
     * then decref it (CPython 3.11's frames take their arguments the same way). A bound method
     * is unpacked in place rather than copied into a new array: {@code stack[off - 1]} (the
     * callable's own slot when {@code calleeSlot}, else CALL_METHOD's empty self slot) takes a
     * new reference to {@code self}, and the function is called with {@code nargs + 1}
     * arguments from there. Everything else borrows the arguments, as {@link #invoke}.
     */
    static PyObject invokeFromStack(ThreadState ts, PyObject callable, PyObject[] stack, int off, int nargs,
                                    boolean calleeSlot) {
        if (callable instanceof PyFunction f) {
            return callFunctionMoving(ts, f, stack, off, nargs);
        }
        if (callable instanceof PyBoundMethod m && m.function instanceof PyFunction f) {
            PyObject self = m.self;
            RefCount.increfStack(self);
            stack[off - 1] = self; // the callable's reference, if it was there, is now ours
            try {
                return callFunctionMoving(ts, f, stack, off - 1, nargs + 1);
            } finally {
                if (calleeSlot) {
                    RefCount.decrefStack(m);
                }
            }
        }
        return Ops.call(callable, stack, off, nargs, null);
    }

    /** A Python function called from the stack: moves plain positional arguments, else binds a copy. */
    private static PyObject callFunctionMoving(ThreadState ts, PyFunction f, PyObject[] stack, int off, int nargs) {
        PyCode code = f.code;
        if (!code.simple || nargs != code.argCount) {
            return callFunction(ts, f, stack, off, nargs, null);
        }
        PyObject[] slots = new PyObject[code.varNames.length + code.stackSize];
        for (int i = 0; i < nargs; i++) {
            slots[i] = stack[off + i];
            stack[off + i] = null;
        }
        if (code.isGenerator) {
            return SuspendedFrame.objectFor(code, f.globals, slots);
        }
        return run(ts, code, f.globals, slots, null);
    }

    /** Calls with borrowed arguments; a Python function gets a fresh frame. */
    static PyObject invoke(ThreadState ts, PyObject callable, PyObject[] args, int off, int nargs, PyTuple kwnames) {
        if (callable instanceof PyFunction f) {
            return callFunction(ts, f, args, off, nargs, kwnames);
        }
        return Ops.call(callable, args, off, nargs, kwnames);
    }

    /** {@code op}: a BinaryOp ordinal, with BinaryOp.IN_PLACE for an augmented assignment. */
    private static PyObject binary(int op, PyObject left, PyObject right) {
        // Numbers are immutable: their in-place operators are the plain ones.
        PyObject r = NumericFastPaths.binaryReusing(op & BinaryOp.ORDINAL_MASK, left, right); // BINARY owns both and drops them
        if (r != null) {
            return r;
        }
        return op < BinaryOp.IN_PLACE ? Ops.binary(BinaryOp.of(op), left, right)
                : Ops.inPlace(BinaryOp.of(op & BinaryOp.ORDINAL_MASK), left, right);
    }

    /**
     * {@code o[key]}: list[int] straight to the list (skipping Ops' index conversion), the rest,
     * dicts included, through Ops (its dict case is already one lookup).
     */
    private static PyObject getItem(PyObject o, PyObject key) {
        // An exact list only (a subclass may override __getitem__): one class-pointer compare, as before.
        if (o.getClass() == PyList.class && key instanceof PyInt i && i.big == null) {
            return ((PyList) o).getItem(i.value);
        }
        return Ops.getItem(o, key);
    }

    /** {@code o[key] = v}: list[int] straight to the list, the rest through Ops. */
    private static void setItem(PyObject o, PyObject key, PyObject v) {
        if (o.getClass() == PyList.class && key instanceof PyInt i && i.big == null) {
            ((PyList) o).setItem(i.value, v);
        } else {
            Ops.setItem(o, key, v);
        }
    }

    private static boolean compare(int op, PyObject left, PyObject right) {
        int r = NumericFastPaths.compare(op, left, right);
        return r != NumericFastPaths.NOT_COVERED ? r != 0 : Ops.compare(CompareOp.of(op), left, right);
    }

    private static int unpack(PyObject[] slots, int sp, int n) {
        PyObject seq = slots[sp - 1];
        PyObject[] items = ExtendedOps.items(seq);
        if (items.length != n) {
            for (PyObject o : items) {
                RefCount.decref(o);
            }
            throw PyExc.valueError(items.length < n
                    ? "not enough values to unpack (expected " + n + ", got " + items.length + ")"
                    : "too many values to unpack (expected " + n + ")");
        }
        slots[sp - 1] = null;
        RefCount.decrefStack(seq);
        sp--;
        for (int i = n - 1; i >= 0; i--) {
            slots[sp++] = RefCount.stackRefSteal(items[i]);
        }
        return sp;
    }

    /**
     * Something is pending in this thread's breaker word: objects other threads queued for it
     * to merge (biased counts only), a GIL drop request, a stop of the world (free-threaded
     * builds: park until it restarts), a cycle collection that is due, or a signal (set on the
     * main thread's word only).
     */
    static void handleBreaker(ThreadState ts) {
        int bits = ts.breakerOpaque();
        if ((bits & EvalBreaker.MERGE_PENDING) != 0) {
            RefCount.mergeQueued();
        }
        if (Gil.ENABLED && (bits & EvalBreaker.GIL_DROP_REQUEST) != 0) {
            Gil.INSTANCE.yieldToWaiter();
        }
        if ((bits & EvalBreaker.STOP_THE_WORLD) != 0) {
            org.gilectomy.threadstate.StopTheWorld.WORLD.pause(ts);
        }
        if ((bits & EvalBreaker.RUN_GC) != 0) {
            ts.clearBreakerBits(EvalBreaker.RUN_GC);
            org.gilectomy.refcount.CycleCollector.collectScheduled();
        }
        if ((bits & EvalBreaker.SIGNAL_PENDING) != 0) {
            Signals.raiseIfPending(ts);
        }
    }
}
