package org.gilectomy.locks;

import java.util.Arrays;

import org.gilectomy.threadstate.BaseThreadState;

/**
 * Critical sections, as in CPython 3.13 ({@code Py_BEGIN_CRITICAL_SECTION}): a per-thread stack
 * of held per-object locks that is released as a whole before the thread blocks, so that no
 * program that finishes under the GIL can deadlock in the free-threaded build.
 *
 * <pre>
 * Overview
 *
 * Each thread has a stack of sections; a section holds one object's lock or two.
 *
 * begin(o):
 *   if an active section of this thread already holds o: push a section that holds nothing
 *   else if tryLock(o): push active section(o)
 *   else: suspendAll(); lock(o); push active section(o)        // block only holding nothing
 * begin2(a, b):  the same for both, locked in the order of lockOrderId(): two threads that
 *                take {a, b} in opposite argument orders still lock them in one order
 * end():         unlock the top section's objects, pop, then resume the new top if suspended
 * suspendAll():  unlock every active section, mark it suspended (before sleep, join, a lock wait)
 * resumeTop():   re-lock the top section if it is suspended (after the blocking call returns)
 * beginCallOut(): before type code calls Python code (a user __eq__, __hash__, __lt__, a key
 *                function): suspendAll(), then push a section that holds nothing, so the
 *                callee runs holding no object lock and a blocking call inside it resumes
 *                only that empty section; endCallOut() is end(): pop it, re-lock the caller's
 *
 * Only the top section is ever resumed: sections below it stay suspended until the sections
 * above them end, which is what lets a thread blocked inside an inner section release the
 * outer objects to other threads.
 *
 * Field      access
 * the stack  thread-confined, a part of the thread's state (BaseThreadState.sections):
 *            found through a field of the thread, no ThreadLocal; only the object locks
 *            are shared. Every operation has a form taking the thread state, for callers
 *            that already hold it (the interpreter), and one that looks it up
 *
 * Not promised: atomicity across a suspension. Code inside a section that blocks or calls
 * out (or calls something that may) must re-read what it read before, and keep alive what
 * it hands to the callee. In the GIL build (no object locks) all of this does nothing: the
 * static final ENABLED folds every method to a return.
 *
 * -Dgilectomy.critical-sections=raw is the negative control: sections lock as the raw
 * ObjectLock calls that type code used to make (no re-entry, never suspended, not around
 * blocking calls nor call-outs), so tests can show the programs that now finish would hang.
 * </pre>
 */
public final class CriticalSection {
    public static final String PROPERTY = "gilectomy.critical-sections";
    /** The negative control: see the Overview. */
    public static final boolean RAW = parseRaw(Build.text("critical-sections", "suspend"));
    private static final boolean ENABLED = ObjectLock.ENABLED;

    private CriticalSection() {
    }

    private static boolean parseRaw(String v) {
        if (v.equals("raw") || v.equals("suspend")) {
            return v.equals("raw");
        }
        throw new IllegalArgumentException("-D" + PROPERTY + ": expected suspend or raw, got '" + v + "'");
    }

    /** The current thread's sections: the one place that finds them (a field of its state). */
    private static Stack stack() {
        return BaseThreadState.current().sections;
    }

    /** One thread's sections: parallel arrays, top at size - 1. */
    public static final class Stack {
        Lockable[] first = new Lockable[8];   // null: a section that holds nothing (re-entry, call-out)
        Lockable[] second = new Lockable[8];  // null for a one-object section
        boolean[] suspended = new boolean[8];
        int size;

        void push(Lockable a, Lockable b) {
            if (size == first.length) {
                first = Arrays.copyOf(first, size * 2);
                second = Arrays.copyOf(second, size * 2);
                suspended = Arrays.copyOf(suspended, size * 2);
            }
            first[size] = a;
            second[size] = b;
            suspended[size] = false;
            size++;
        }

        boolean holds(Lockable o) {
            if (RAW) {
                return false; // the old raw locks: re-entry self-deadlocks
            }
            for (int i = 0; i < size; i++) {
                if (!suspended[i] && (first[i] == o || second[i] == o)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Locks {@code o} for the current thread until the matching {@link #end()}. */
    public static void begin(Lockable o) {
        begin(BaseThreadState.current(), o);
    }

    /** {@link #begin(Lockable)} for the thread whose state is {@code ts} (the calling one). */
    public static void begin(BaseThreadState ts, Lockable o) {
        if (!ENABLED) {
            return;
        }
        Stack s = ts.sections;
        if (s.holds(o)) {
            s.push(null, null);
            return;
        }
        if (!ObjectLock.tryLock(o)) {
            suspendAll(s);
            ObjectLock.lock(o);
        }
        s.push(o, null);
    }

    /** Locks {@code a} and {@code b} (in a fixed global order) until the matching {@link #end()}. */
    public static <A extends Lockable & LockOrdered, B extends Lockable & LockOrdered> void begin2(A a, B b) {
        begin2(BaseThreadState.current(), a, b);
    }

    /** {@link #begin2(Lockable, Lockable)} for the thread whose state is {@code ts} (the calling one). */
    public static <A extends Lockable & LockOrdered, B extends Lockable & LockOrdered> void begin2(
            BaseThreadState ts, A a, B b) {
        if (!ENABLED) {
            return;
        }
        if (a == b) {
            begin(ts, a);
            return;
        }
        Stack s = ts.sections;
        boolean holdsA = s.holds(a);
        boolean holdsB = s.holds(b);
        if (holdsA || holdsB) {
            // Re-entry on one of them: take only the other one.
            Lockable other = holdsA ? (holdsB ? null : b) : a;
            if (other == null) {
                s.push(null, null);
                return;
            }
            if (!ObjectLock.tryLock(other)) {
                suspendAll(s);
                ObjectLock.lock(other);
            }
            s.push(other, null);
            return;
        }
        Lockable lo = a.lockOrderId() < b.lockOrderId() ? a : b; // ids are unique: a total order
        Lockable hi = lo == a ? b : a;
        if (ObjectLock.tryLock(lo)) {
            if (!ObjectLock.tryLock(hi)) {
                ObjectLock.unlock(lo);
                suspendAll(s);
                lockBoth(lo, hi);
            }
        } else {
            suspendAll(s);
            lockBoth(lo, hi);
        }
        s.push(lo, hi);
    }

    private static void lockBoth(Lockable lo, Lockable hi) {
        ObjectLock.lock(lo);
        ObjectLock.lock(hi);
    }

    /** Ends the innermost section and resumes the one below it if it was suspended. */
    public static void end() {
        end(BaseThreadState.current());
    }

    /** {@link #end()} for the thread whose state is {@code ts} (the calling one). */
    public static void end(BaseThreadState ts) {
        if (!ENABLED) {
            return;
        }
        Stack s = ts.sections;
        if (s.size == 0) {
            throw new IllegalStateException("CriticalSection.end() without begin()");
        }
        int top = --s.size;
        if (!s.suspended[top]) {
            unlockSection(s, top);
        }
        s.first[top] = null;
        s.second[top] = null;
        if (s.size > 0) {
            resume(s, s.size - 1);
        }
    }

    /** Before the current thread blocks: release every lock its sections hold. */
    public static void suspendAll() {
        suspendAll(BaseThreadState.current());
    }

    /** {@link #suspendAll()} for the thread whose state is {@code ts} (the calling one). */
    public static void suspendAll(BaseThreadState ts) {
        if (ENABLED) {
            suspendAll(ts.sections);
        }
    }

    /** After the blocking call: take the top section's locks again. */
    public static void resumeTop() {
        resumeTop(BaseThreadState.current());
    }

    /** {@link #resumeTop()} for the thread whose state is {@code ts} (the calling one). */
    public static void resumeTop(BaseThreadState ts) {
        if (!ENABLED) {
            return;
        }
        Stack s = ts.sections;
        if (s.size > 0) {
            resume(s, s.size - 1);
        }
    }

    /**
     * Before type code calls Python code from inside a section: releases every section's
     * locks and opens an empty section for the callee. Returns whether it did (the thread was
     * in a section), in which case {@link #endCallOut()} must follow, in a finally.
     */
    public static boolean beginCallOut() {
        if (!ENABLED) {
            return false;
        }
        Stack s = stack();
        if (s.size == 0) {
            return false;
        }
        suspendAll(s);
        s.push(null, null);
        return true;
    }

    /** After the call-out: closes its empty section and re-locks the caller's (which must re-validate). */
    public static void endCallOut() {
        end();
    }

    /** Sections of the current thread (0 in the GIL build); for tests and assertions. */
    public static int depth() {
        return ENABLED ? BaseThreadState.current().sections.size : 0;
    }

    private static void suspendAll(Stack s) {
        if (RAW) {
            return; // the old raw locks were held across blocking calls and call-outs
        }
        for (int i = s.size - 1; i >= 0; i--) {
            if (!s.suspended[i]) {
                unlockSection(s, i);
                s.suspended[i] = true;
            }
        }
    }

    private static void resume(Stack s, int i) {
        if (s.suspended[i]) {
            if (s.second[i] != null) {
                lockBoth(s.first[i], s.second[i]); // pushed in lock order
            } else if (s.first[i] != null) {
                ObjectLock.lock(s.first[i]);
            }
            s.suspended[i] = false;
        }
    }

    private static void unlockSection(Stack s, int i) {
        if (s.second[i] != null) {
            ObjectLock.unlock(s.second[i]);
        }
        if (s.first[i] != null) {
            ObjectLock.unlock(s.first[i]);
        }
    }
}
