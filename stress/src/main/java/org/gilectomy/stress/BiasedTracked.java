package org.gilectomy.stress;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.gilectomy.refcount.RefCountKind;
import org.gilectomy.refcount.RefCounted;

/**
 * A header that counts its deallocations (getAndAdd: a double free must show as 2), for the
 * Biased* and Buffered* tests; checks the JVM's strategy in its constructor.
 */
public abstract class BiasedTracked extends RefCounted {
    private static final VarHandle DEALLOCS;

    static {
        try {
            DEALLOCS = MethodHandles.lookup().findVarHandle(BiasedTracked.class, "deallocs", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Touched only through DEALLOCS. */
    private int deallocs;

    protected BiasedTracked(RefCountKind build) {
        super(checked(build));
    }

    private static int checked(RefCountKind build) {
        BiasedBuild.require(build);
        return 1;
    }

    @Override
    protected final void dealloc() {
        DEALLOCS.getAndAdd(this, 1);
    }

    public final int deallocs() {
        return (int) DEALLOCS.getVolatile(this);
    }

    @Override
    public String describeForDiagnostics() {
        return getClass().getName();
    }
}
