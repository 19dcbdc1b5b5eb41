package org.gilectomy.runtime.imports;

import java.util.HashMap;
import java.util.Map;

import org.gilectomy.runtime.interp.Blocking;

/**
 * The per-module import locks of one interpreter (CPython's {@code _ModuleLock}).
 *
 * <pre>
 * Overview
 *
 * A module's body runs once although several threads may import it at the same moment: the
 * first thread to import a name takes the name's lock, creates the module, puts it in
 * sys.modules and runs its body; a second thread importing the same name waits for the lock
 * and then finds the module in sys.modules. A thread that finds a module in sys.modules while
 * another thread is still running its body waits likewise (acquire then release), so it never
 * sees a half-made module from another thread.
 *
 * The lock is reentrant per thread: a circular import in one thread (a imports b imports a)
 * takes a's lock again and gets the partly initialised module, as in CPython. Two threads
 * importing in opposite orders (T1: a then b, T2: b then a) would wait for each other: before
 * waiting, a thread follows the chain "lock -> its owner -> the lock that owner waits for"
 * and, if the chain comes back to itself, does not wait (acquire returns false), as CPython's
 * _DeadlockError does; the caller then uses the partly initialised module.
 *
 * Bookkeeping (owner, depth, users, who waits for what) is guarded by this object's monitor;
 * waiting is Object.wait on it, inside Blocking.run so that the GIL is released meanwhile.
 * A name's entry lives while some thread holds or waits for it (users > 0).
 * </pre>
 */
final class ModuleLocks {
    private static final class Lock {
        Thread owner;
        int depth;
        int users;
    }

    private final Map<String, Lock> locks = new HashMap<>();          // guarded by this
    private final Map<Thread, Lock> waitingFor = new HashMap<>();     // guarded by this

    /**
     * Takes {@code name}'s lock for the calling thread (again, if it holds it); waits while
     * another thread holds it. Returns false, without the lock, if waiting would deadlock.
     */
    boolean acquire(String name) {
        Thread me = Thread.currentThread();
        Lock l;
        synchronized (this) {
            l = locks.computeIfAbsent(name, k -> new Lock());
            l.users++;
            if (tryTake(l, me)) {
                return true;
            }
        }
        boolean[] got = new boolean[1];
        try {
            Blocking.run(() -> got[0] = await(l, me));
        } finally {
            if (!got[0]) {
                synchronized (this) {
                    waitingFor.remove(me);
                    dropUser(name, l);
                }
            }
        }
        return got[0];
    }

    private synchronized boolean await(Lock l, Thread me) throws InterruptedException {
        while (!tryTake(l, me)) {
            if (wouldDeadlock(l, me)) {
                return false;
            }
            waitingFor.put(me, l);
            try {
                wait();
            } finally {
                waitingFor.remove(me);
            }
        }
        return true;
    }

    /** Releases the calling thread's hold on {@code name}'s lock (taken by {@link #acquire}). */
    synchronized void release(String name) {
        Lock l = locks.get(name);
        if (l == null || l.owner != Thread.currentThread()) {
            throw new IllegalStateException("import lock of " + name + " released by a thread that does not hold it");
        }
        if (--l.depth == 0) {
            l.owner = null;
            notifyAll();
        }
        dropUser(name, l);
    }

    private boolean tryTake(Lock l, Thread me) {
        if (l.owner == null || l.owner == me) {
            l.owner = me;
            l.depth++;
            return true;
        }
        return false;
    }

    private void dropUser(String name, Lock l) {
        if (--l.users == 0) {
            locks.remove(name);
        }
    }

    private boolean wouldDeadlock(Lock wanted, Thread me) {
        Lock l = wanted;
        for (int hops = 0; l != null && hops <= waitingFor.size(); hops++) {
            Thread owner = l.owner;
            if (owner == null) {
                return false;
            }
            if (owner == me) {
                return true;
            }
            l = waitingFor.get(owner);
        }
        return false;
    }
}
