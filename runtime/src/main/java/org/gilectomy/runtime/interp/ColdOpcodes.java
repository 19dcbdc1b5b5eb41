package org.gilectomy.runtime.interp;

import static org.gilectomy.runtime.compile.Opcode.*;

import org.gilectomy.objects.Classes;
import org.gilectomy.runtime.compile.Opcode;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBaseException;
import org.gilectomy.objects.PyBool;
import org.gilectomy.objects.PyCell;
import org.gilectomy.objects.PyCode;
import org.gilectomy.objects.PyDict;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyFunction;
import org.gilectomy.objects.PyList;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PySet;
import org.gilectomy.objects.PySlice;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * The opcodes the eval loop runs out of line: building maps, sets, slices, functions and
 * classes, imports, {@code with}, deletions, {@code iter()} at the head of a loop, f-strings, argument unpacking, the unary
 * arithmetic operators. Kept out of {@link Eval#run} because the JIT compiles that method as a
 * whole with a fixed inlining budget (HotSpot's DesiredMethodLimit, counted in bytecodes of
 * the method and everything inlined into it): every bytecode of a rare case here is budget
 * the hot cases (loads, stores, arithmetic, calls, jumps) keep for inlining their
 * reference counting and fast paths.
 *
 * <p>Same contract as the loop's cases: the frame's slots and stack pointer in, the new stack
 * pointer out; a case that fails throws with every reference it took released or left in a
 * slot (a slot it emptied is null), so the loop's handler, which releases the slots up to its
 * own stack pointer, neither leaks nor double-releases.
 */
final class ColdOpcodes {
    private ColdOpcodes() {
    }

    /** Runs {@code insn} (fetched at {@code pc - 1}); returns the new stack pointer. */
    static int execute(int insn, int pc, ThreadState ts, PyCode code, PyDict globals, PyObject[] slots, int sp) {
        int arg = insn >>> 8;
        switch (insn & 0xff) {
            case GET_ITER: { // once per loop, and Ops.iter is big
                PyObject v = slots[sp - 1];
                slots[sp - 1] = Ops.iter(v);
                RefCount.decrefStack(v);
                break;
            }
            case UNARY_NEGATIVE:
            case UNARY_POSITIVE:
            case UNARY_INVERT: {
                PyObject v = slots[sp - 1];
                int op = insn & 0xff;
                PyObject r = op == UNARY_NEGATIVE ? Ops.negative(v)
                        : op == UNARY_POSITIVE ? Ops.positive(v) : Ops.invert(v);
                slots[sp - 1] = RefCount.stackRefSteal(r);
                RefCount.decrefStack(v);
                break;
            }
            case BUILD_MAP: {
                PyDict d = new PyDict();
                int base = sp - 2 * arg;
                try {
                    for (int i = base; i < sp; i += 2) {
                        slots[i].hashCode(); // unhashable keys raise TypeError
                        d.put(slots[i], slots[i + 1]);
                    }
                } catch (PyException e) {
                    RefCount.decref(d);
                    throw e;
                }
                Eval.releaseSlots(slots, base, sp);
                sp = base;
                slots[sp++] = d;
                break;
            }
            case BUILD_SLICE: {
                sp -= 3;
                PySlice s = new PySlice(RefCount.newRefFromStack(slots[sp]), RefCount.newRefFromStack(slots[sp + 1]),
                        RefCount.newRefFromStack(slots[sp + 2]));
                slots[sp] = s;
                slots[sp + 1] = null;
                slots[sp + 2] = null;
                sp++;
                break;
            }
            case MAKE_FUNCTION: {
                PyFunction f = new PyFunction((PyCode) code.consts[arg], globals);
                Interpreter.newFunction(f);
                slots[sp++] = RefCount.stackRefSteal(f);
                break;
            }
            case IMPORT_NAME: {
                PyObject fromList = slots[--sp];
                slots[sp] = null;
                PyObject level = slots[--sp];
                slots[sp] = null;
                try {
                    slots[sp] = RefCount.stackRefSteal(Interpreter.current().modules.imports.importName(code.names[arg],
                            globals, fromList, (int) ((org.gilectomy.objects.PyInt) level).value));
                    sp++;
                } finally {
                    RefCount.decrefStack(fromList);
                    RefCount.decrefStack(level);
                }
                break;
            }
            case IMPORT_FROM:
                slots[sp] = RefCount.stackRefSteal(Interpreter.current().modules.imports.importFrom(slots[sp - 1],
                        code.names[arg]));
                sp++;
                break;
            case IMPORT_STAR: {
                PyObject m = slots[--sp];
                slots[sp] = null;
                try {
                    Interpreter.current().modules.imports.importStar(m, globals);
                } finally {
                    RefCount.decrefStack(m);
                }
                break;
            }
            case CALL_WITH_FRAME: {
                int base = sp - arg - 1;
                PyObject r = NamespaceBuiltins.callWithFrame(slots[base], slots, base + 1, arg, globals, code, slots);
                Eval.releaseSlots(slots, base, sp);
                sp = base;
                slots[sp++] = RefCount.stackRefSteal(r);
                break;
            }
            case CHECK_EXC_MATCH: {
                PyObject t = slots[--sp];
                slots[sp] = null;
                boolean match;
                try {
                    match = ExceptionOps.matches(slots[sp - 1], t);
                } finally {
                    RefCount.decrefStack(t);
                }
                slots[sp++] = PyBool.of(match);
                break;
            }
            case CHECK_EG_MATCH: {
                PyObject t = slots[sp - 1];
                PyObject rest = slots[sp - 2];
                PyObject[] parts = rest == PyNone.NONE ? new PyObject[2]
                        : org.gilectomy.objects.ExceptionGroups.matchForExceptStar((PyBaseException) rest, t);
                slots[sp - 2] = RefCount.stackRefSteal(parts[0] == null ? PyNone.newRef() : parts[0]);
                slots[sp - 1] = RefCount.stackRefSteal(parts[1] == null ? PyNone.newRef() : parts[1]);
                RefCount.decrefStack(rest);
                RefCount.decrefStack(t);
                if (parts[1] != null) {
                    RefCount.incref(parts[1]);
                    Eval.restoreHandled(ts, parts[1]); // sys.exc_info() in the clause is its match
                }
                slots[sp++] = PyBool.of(parts[1] != null);
                break;
            }
            case PREP_RERAISE_STAR: {
                PyObject list = slots[sp - 1];
                PyObject orig = slots[sp - 2];
                PyObject[] raised = ((PyList) list).snapshot();
                PyObject r;
                try {
                    r = org.gilectomy.objects.ExceptionGroups.prepareReraise((PyBaseException) orig, raised);
                } finally {
                    for (PyObject o : raised) {
                        RefCount.decref(o);
                    }
                }
                slots[sp - 2] = RefCount.stackRefSteal(r == null ? PyNone.newRef() : r);
                slots[sp - 1] = PyBool.of(r != null);
                RefCount.decrefStack(orig);
                RefCount.decrefStack(list);
                break;
            }
            case POP_EXCEPT: {
                PyObject prev = slots[--sp];
                slots[sp] = null;
                Eval.restoreHandled(ts, prev);
                break;
            }
            case BEFORE_WITH:
                sp = ExceptionOps.beforeWith(slots, sp, arg != 0);
                break;
            case WITH_EXCEPT_START: {
                PyObject exit = slots[sp - 3];
                PyObject exc = slots[sp - 1];
                slots[sp++] = RefCount.stackRefSteal(Ops.call(exit, exc.type(), exc, PyNone.NONE));
                break;
            }
            case BUILD_CLASS:
                sp = ClassOps.buildClass(ts, slots, sp, arg);
                break;
            case DELETE_NAME:
            case DELETE_GLOBAL:
                if (!(((insn & 0xff) == DELETE_NAME ? (PyDict) slots[0] : globals).remove(code.nameObjects[arg]))) {
                    throw PyExc.nameError(code.names[arg]);
                }
                break;
            case DELETE_FAST: {
                PyObject v = slots[arg];
                if (v == null) {
                    throw Eval.unboundLocal(code, arg);
                }
                slots[arg] = null;
                RefCount.decrefStack(v);
                break;
            }
            case DELETE_SUBSCR:
                Ops.delItem(slots[sp - 2], slots[sp - 1]);
                Eval.releaseSlots(slots, sp - 2, sp);
                sp -= 2;
                break;
            case DELETE_ATTR:
                Ops.delAttr(slots[sp - 1], code.names[arg]);
                Eval.releaseSlots(slots, sp - 1, sp);
                sp--;
                break;
            case LOAD_ASSERTION_ERROR:
                RefCount.increfStack(PyExc.ASSERTION_ERROR);
                slots[sp++] = PyExc.ASSERTION_ERROR;
                break;
            case LOAD_SUPER: {
                PyObject cls = ((PyCell) slots[sp - 2]).get();
                if (cls == null) {
                    throw new PyException(PyExc.RUNTIME_ERROR, "super(): empty __class__ cell");
                }
                PyObject sup;
                try {
                    sup = new Classes.PySuper((PyType) cls, slots[sp - 1]);
                } finally {
                    RefCount.decref(cls);
                }
                Eval.releaseSlots(slots, sp - 2, sp);
                sp -= 2;
                slots[sp++] = sup;
                break;
            }
            case DELETE_DEREF: {
                PyCell cell = (PyCell) slots[arg];
                PyObject old = cell.get();
                if (old == null) {
                    throw ExtendedOps.unboundCell(code, arg);
                }
                RefCount.decref(old);
                cell.setStealing(null);
                break;
            }
            case MAKE_FUNCTION_EX:
                sp = ExtendedOps.makeFunction(slots, sp, arg, code.consts, globals);
                break;
            case CALL_FUNCTION_EX: {
                int base = sp - 2 - (arg & 1);
                PyObject r = ExtendedOps.callUnpacked(ts, slots[base], (PyTuple) slots[base + 1],
                        (arg & 1) != 0 ? (PyDict) slots[base + 2] : null);
                Eval.releaseSlots(slots, base, sp);
                slots[base] = RefCount.stackRefSteal(r);
                sp = base + 1;
                break;
            }
            case LIST_APPEND:
            case LIST_EXTEND:
            case DICT_MERGE:
            case DICT_UPDATE:
            case SET_ADD:
            case SET_UPDATE: {
                PyObject v = slots[--sp];
                slots[sp] = null;
                try {
                    ExtendedOps.addToContainer(insn & 0xff, slots, sp - 1 - (arg & 0xff), v, (arg & 0x100) != 0);
                } finally {
                    RefCount.decrefStack(v);
                }
                break;
            }
            case MAP_ADD: {
                PyObject v = slots[--sp];
                PyObject k = slots[--sp];
                slots[sp] = null;
                slots[sp + 1] = null;
                try {
                    k.hashCode(); // unhashable keys raise TypeError
                    ((PyDict) slots[sp - 1 - arg]).put(k, v);
                } finally {
                    RefCount.decrefStack(k);
                    RefCount.decrefStack(v);
                }
                break;
            }
            case LIST_TO_TUPLE: {
                PyList l = (PyList) slots[sp - 1];
                slots[sp - 1] = PyTuple.steal(l.snapshot());
                RefCount.decref(l);
                break;
            }
            case BUILD_SET: {
                PySet set = new PySet(false);
                try {
                    for (int i = sp - arg; i < sp; i++) {
                        set.add(slots[i]); // unhashable items raise TypeError
                    }
                } catch (PyException e) {
                    RefCount.decref(set);
                    throw e;
                }
                Eval.releaseSlots(slots, sp - arg, sp);
                sp -= arg;
                slots[sp++] = set;
                break;
            }
            case UNPACK_EX:
                sp = ExtendedOps.unpackStarred(slots, sp, arg & 0xff, arg >>> 8);
                break;
            case FORMAT_VALUE: {
                PyObject spec = null;
                if ((arg & 0x100) != 0) {
                    spec = slots[--sp];
                    slots[sp] = null;
                }
                PyObject v = slots[sp - 1];
                PyObject r;
                try {
                    r = ExtendedOps.formatValue(v, arg & 0xff, spec);
                } finally {
                    if (spec != null) {
                        RefCount.decrefStack(spec);
                    }
                }
                slots[sp - 1] = r;
                RefCount.decrefStack(v);
                break;
            }
            case BUILD_STRING: {
                PyObject r = ExtendedOps.concatStrings(slots, sp - arg, arg);
                Eval.releaseSlots(slots, sp - arg, sp);
                sp -= arg;
                slots[sp++] = r;
                break;
            }
            case MATCH_SEQUENCE:
            case MATCH_MAPPING: {
                PyObject subject = slots[sp - 1];
                slots[sp++] = PyBool.of((insn & 0xff) == MATCH_SEQUENCE ? MatchOps.isSequence(subject)
                        : MatchOps.isMapping(subject));
                break;
            }
            case GET_LEN:
                slots[sp] = RefCount.stackRefSteal(org.gilectomy.objects.PyInt.of(Ops.len(slots[sp - 1])));
                sp++;
                break;
            case MATCH_KEYS:
            case COPY_DICT_WITHOUT_KEYS: {
                PyTuple keys = (PyTuple) slots[sp - 1];
                if ((insn & 0xff) == MATCH_KEYS) {
                    PyObject values = pushable(MatchOps.values(slots[sp - 2], keys));
                    slots[sp++] = values;
                } else {
                    PyObject rest = MatchOps.rest(slots[sp - 2], keys);
                    slots[sp - 1] = RefCount.stackRefSteal(rest);
                    RefCount.decrefStack(keys);
                }
                break;
            }
            case MATCH_CLASS: {
                PyObject r = MatchOps.classAttributes(slots[sp - 3], slots[sp - 2], (PyTuple) slots[sp - 1], arg);
                Eval.releaseSlots(slots, sp - 3, sp);
                sp -= 3;
                slots[sp++] = pushable(r);
                break;
            }
            case GET_AITER: {
                PyObject v = slots[sp - 1];
                slots[sp - 1] = Delegation.asyncIterator(v);
                RefCount.decrefStack(v);
                break;
            }
            case GET_ANEXT:
                slots[sp] = Delegation.asyncNext(slots[sp - 1]);
                sp++;
                break;
            case ASYNC_GEN_WRAP:
                slots[sp - 1] = RefCount.stackRefSteal(new PyAsyncGenerator.Wrapped(RefCount.newRefFromStack(slots[sp - 1])));
                break;
            case GET_YIELD_FROM_ITER:
            case GET_AWAITABLE: { // the operand stays in its slot until replaced, for the handler to release on an error
                PyObject v = slots[sp - 1];
                slots[sp - 1] = (insn & 0xff) == GET_AWAITABLE ? Delegation.awaitable(v, arg) : Delegation.yieldFromIterator(v, code);
                RefCount.decrefStack(v);
                break;
            }
            default:
                throw new IllegalStateException("opcode " + Opcode.name(insn & 0xff) + " at " + (pc - 1) + " is not run out of line"
                        + (Opcode.info(insn & 0xff) != null && Opcode.isHot(insn & 0xff) ? " (the table says Eval's switch runs it)" : ""));
        }
        return sp;
    }

    /** A new reference or null (None) as a stack reference. */
    private static PyObject pushable(PyObject r) {
        if (r == null) {
            RefCount.increfStack(PyNone.NONE);
            return PyNone.NONE;
        }
        return RefCount.stackRefSteal(r);
    }
}
