package org.gilectomy.stress;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.gilectomy.refcount.RefCountKind;
import org.gilectomy.refcount.RefCounted;

/**
 * A {@link RefCounted} header that counts how often it was deallocated, so a reference-count
 * test can tell "freed once" from "leaked" (never) and "double free" (twice).
 *
 * <p>The constructor checks the JVM's refcount strategy (see {@link Builds}): the tests run
 * the real {@code RefCount.incref}/{@code decref}, whose strategy is fixed per JVM.
 */
public abstract class TrackedObject extends RefCounted {

    private static final VarHandle DEALLOCS;

    static {
        try {
            DEALLOCS = MethodHandles.lookup().findVarHandle(TrackedObject.class, "deallocs", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** getAndAdd, not ++: two racing deallocs must both be counted, or a double free hides. */
    private int deallocs;

    protected TrackedObject(int initialRefs, RefCountKind build) {
        super(initialRefs);
        Builds.requireRefCount(build);
    }

    @Override
    protected final void dealloc() {
        DEALLOCS.getAndAdd(this, 1);
    }

    /** For arbiters, which run after both actors: the volatile read is just for clarity. */
    public final int deallocs() {
        return (int) DEALLOCS.getVolatile(this);
    }

    @Override
    public String describeForDiagnostics() {
        return getClass().getName();
    }
}
