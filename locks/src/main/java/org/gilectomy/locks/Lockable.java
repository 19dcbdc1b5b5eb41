package org.gilectomy.locks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.gilectomy.cacheline.TransferCounter;

/**
 * The lock word of an object header: the base of every object that {@link ObjectLock} can lock.
 *
 * <pre>
 * Overview
 *
 * The word is an int, owned by the lock protocol in force ({@link ObjectLock} and the one
 * implementation class it dispatches to: SpinParkLock, PyMutexLock or SpinLock); this class
 * only holds it and exposes the access modes those protocols need. It lives in the header of
 * every Python object (PEP 703's ob_mutex), so it costs four bytes per object and nothing
 * else: waiters are not queued here but in the {@link ParkingLot}, keyed by the object.
 *
 * Field            access modes
 * lockWord         getOpaque (spinning reads: only a hint, every decision is a CAS or is
 *                  re-checked under a parking-lot bucket), getVolatile (validation),
 *                  compareAndSet / compareAndExchange / getAndSet (acquire side: volatile),
 *                  compareAndSetRelease / compareAndExchangeRelease / getAndSetRelease /
 *                  setRelease (release side)
 *
 * With --count-transfers (TransferCounter, a static final: folded away when off) every
 * successful write accessor of lockWord reports the write, and the constructor the creating
 * thread; the model keeps its last writers in a table of its own, not in the header.
 *
 * The accessors are package-private: only the lock protocols in this package touch the word.
 *
 * Not promised: any meaning of the word outside ObjectLock; the GIL build never touches it.
 * </pre>
 */
public abstract class Lockable {
    private static final VarHandle LOCK_WORD;

    static {
        try {
            LOCK_WORD = MethodHandles.lookup().findVarHandle(Lockable.class, "lockWord", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Touched only through the accessors below. */
    private volatile int lockWord;
    protected Lockable() {
        if (TransferCounter.ENABLED) {
            TransferCounter.created(this); // the creator wrote the header first
        }
    }

    /** The type name in diagnostic reports (leaks, transfers): Python objects give theirs. */
    public String typeNameForDiagnostics() {
        return getClass().getSimpleName();
    }

    final int lockWordOpaque() {
        return (int) LOCK_WORD.getOpaque(this);
    }

    final int lockWordVolatile() {
        return lockWord;
    }

    /** Acquire side: pairs with the release in {@link #getAndSetLockWordRelease}. */
    final boolean compareAndSetLockWord(int expected, int value) {
        boolean done = LOCK_WORD.compareAndSet(this, expected, value);
        if (TransferCounter.ENABLED && done) TransferCounter.record(this, TransferCounter.LOCK);
        return done;
    }

    final int getAndSetLockWord(int value) {
        if (TransferCounter.ENABLED) TransferCounter.record(this, TransferCounter.LOCK);
        return (int) LOCK_WORD.getAndSet(this, value);
    }

    /** Acquire side; returns the witness value (equal to {@code expected} on success). */
    final int compareAndExchangeLockWord(int expected, int value) {
        int witness = (int) LOCK_WORD.compareAndExchange(this, expected, value);
        if (TransferCounter.ENABLED && witness == expected) TransferCounter.record(this, TransferCounter.LOCK);
        return witness;
    }

    /** Release side: everything written inside the critical region is visible to the next owner. */
    final boolean compareAndSetLockWordRelease(int expected, int value) {
        boolean done = LOCK_WORD.weakCompareAndSetRelease(this, expected, value)
                || LOCK_WORD.compareAndSet(this, expected, value);
        if (TransferCounter.ENABLED && done) TransferCounter.record(this, TransferCounter.UNLOCK);
        return done;
    }

    /** Release side, returning the witness: for unlock loops that must see what changed. */
    final int compareAndExchangeLockWordRelease(int expected, int value) {
        int witness = (int) LOCK_WORD.compareAndExchangeRelease(this, expected, value);
        if (TransferCounter.ENABLED && witness == expected) TransferCounter.record(this, TransferCounter.UNLOCK);
        return witness;
    }

    final int getAndSetLockWordRelease(int value) {
        if (TransferCounter.ENABLED) TransferCounter.record(this, TransferCounter.UNLOCK);
        return (int) LOCK_WORD.getAndSetRelease(this, value);
    }

    /**
     * Release store. Only for a protocol that owns the word exclusively at that moment (PyMutex
     * while it holds both the lock and the parking-lot bucket), where no CAS can race it.
     */
    final void setLockWordRelease(int value) {
        if (TransferCounter.ENABLED) TransferCounter.record(this, TransferCounter.UNLOCK);
        LOCK_WORD.setRelease(this, value);
    }

    /** For diagnostics and tests only: the raw word. */
    public final int lockWordForDiagnostics() {
        return lockWord;
    }
}
