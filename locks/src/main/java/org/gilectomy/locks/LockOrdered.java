package org.gilectomy.locks;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An object that can take part in a two-object critical section: it has a unique, stable
 * lock-order id (not {@code identityHashCode}, which is not unique). Only mutable objects are
 * ever locked, so only they implement this and pay for the id field.
 */
public interface LockOrdered {
    /** A unique id, the same for the object's whole life; never 0. */
    long lockOrderId();

    /**
     * Reads, or assigns on first use, the id held in a {@code long} field through {@code field}
     * (initially 0). Ids come from one global counter, touched only the first time an object
     * is locked together with another, so it is not a hot shared line.
     */
    static long idOf(Object o, VarHandle field) {
        long id = (long) field.getAcquire(o);
        if (id != 0) {
            return id;
        }
        long fresh = Ids.NEXT.incrementAndGet();
        // Two threads may race to assign: the first CAS wins and both use its id.
        return field.compareAndSet(o, 0L, fresh) ? fresh : (long) field.getAcquire(o);
    }

    /** Holder of the counter, so it is created on first use only. */
    final class Ids {
        static final AtomicLong NEXT = new AtomicLong();

        private Ids() {
        }
    }
}
