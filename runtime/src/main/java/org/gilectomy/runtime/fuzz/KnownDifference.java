package org.gilectomy.runtime.fuzz;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Differences from CPython 3.11 that the generator knows about and can steer around. Each one
 * names the constructs that show it; {@link #PENDING} lists those the generator avoids by
 * default, so that a fuzzing run reports only what is new.
 *
 * <p>When a fix is merged, mark its constant {@code false}: the generator then produces those
 * constructs again and the fuzzer checks the fix.
 */
public enum KnownDifference {
    /** {@code l += x}, {@code l *= n}, {@code s |= t} (and {@code &=}, {@code -=}, {@code ^=}) rebind instead of mutating. */
    INPLACE_MUTABLE(false),
    /** Sets, dict keys and {@code hash()} ignore a user class's {@code __hash__}/{@code __eq__}. */
    USER_HASH_EQ(false),
    /** Mutating a dict or set while iterating it raises no RuntimeError. */
    MUTATION_DURING_ITERATION(false),
    /** Containers compare by identity first, so a nan is not found in a list holding it. */
    NAN_IDENTITY(false),
    /** {@code str()} of an int over 4,300 digits raises no ValueError. */
    BIG_INT_STR(false),
    /** Slice indices beyond a Java long raise OverflowError. */
    HUGE_SLICE_INDICES(false),
    /** Strings are UTF-16, so characters outside the BMP count twice. */
    NON_BMP_STRINGS(false),
    /** {@code repr(float)} is not always the shortest round-trip form. */
    FLOAT_REPR(false),
    /** The repr of a container that contains itself recurses instead of printing {@code [...]}. */
    RECURSIVE_REPR(false),

    // (The nine above were fixed since the fuzzer was written and are generated again.)

    // Found by this fuzzer, not fixed yet (the README's "Differences from CPython found by the fuzzer").

    /** {@code str.casefold()} is missing (AttributeError). */
    STR_CASEFOLD(true),
    /** {@code str.isidentifier()} is missing (AttributeError). */
    STR_ISIDENTIFIER(true),
    /**
     * The iteration order of some sets of ints differs from CPython's (negative numbers and
     * collisions, e.g. {@code {-5, 123456789, 11, 0xff}}), so printing or iterating them does.
     */
    SET_ORDER(true),
    /** A negative float to a fractional power: was refused (NotImplementedError); now a complex number, as CPython's. */
    COMPLEX_RESULT(false);

    /**
     * The known differences pending fixes: those constructed with {@code true}. The generator
     * avoids them unless told otherwise; when a fix is merged, change its {@code true} to
     * {@code false}.
     */
    public static final Set<KnownDifference> PENDING;

    static {
        EnumSet<KnownDifference> pending = EnumSet.noneOf(KnownDifference.class);
        for (KnownDifference d : values()) {
            if (d.pendingFix) {
                pending.add(d);
            }
        }
        PENDING = Collections.unmodifiableSet(pending);
    }

    private final boolean pendingFix;

    KnownDifference(boolean pendingFix) {
        this.pendingFix = pendingFix;
    }
}
