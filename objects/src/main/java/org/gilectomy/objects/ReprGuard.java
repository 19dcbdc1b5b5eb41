package org.gilectomy.objects;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What keeps {@code repr} of nested and self-containing objects finite, as CPython's
 * {@code Py_ReprEnter}/{@code Py_ReprLeave} and {@code Py_EnterRecursiveCall} do: a container
 * already being shown on this thread shows as {@code [...]} ({@code l = [1]; l.append(l)} prints
 * {@code [1, [...]]}), and each level of nesting counts against the recursion limit, so a
 * million-deep list raises RecursionError at CPython's depth instead of exhausting the Java
 * stack. The per-thread part lives in the runtime's thread state ({@link State}); repr is not a
 * hot path, so finding it (a ThreadLocal) costs nothing that matters.
 */
public final class ReprGuard {
    /** The calling thread's part of the guard. Only its own thread touches it. */
    public interface State {
        /** The objects whose repr this thread is computing, outermost first. */
        List<PyObject> reprsInProgress();

        /** One more level of nesting; RecursionError (counting nothing) past the limit. */
        void enterRecursiveCall(String where);

        void leaveRecursiveCall();
    }

    /** The calling thread's state, or null on a thread that runs no Python (then no guard). */
    private static volatile Supplier<State> current = () -> null;

    private ReprGuard() {
    }

    /** Installed by the runtime at start-up. */
    public static void install(Supplier<State> currentState) {
        current = currentState;
    }

    /**
     * {@code body.apply(o)} as one level of nesting; {@code marker} instead if {@code o}'s repr is
     * already being computed on this thread (null marker: {@code o} cannot contain itself).
     */
    static String nested(PyObject o, String marker, Function<PyObject, String> body) {
        State st = current.get();
        if (st == null) {
            return body.apply(o);
        }
        st.enterRecursiveCall(" while getting the repr of an object");
        try {
            if (marker == null) {
                return body.apply(o);
            }
            List<PyObject> active = st.reprsInProgress();
            for (PyObject a : active) {
                if (a == o) {
                    return marker;
                }
            }
            active.add(o);
            try {
                return body.apply(o);
            } finally {
                active.remove(active.size() - 1);
            }
        } finally {
            st.leaveRecursiveCall();
        }
    }
}
