package org.gilectomy.runtime.fuzz;

/**
 * The static type the generator gives an expression or variable. {@link #ANY} is a value whose
 * type the generator does not track (an element taken out of a list): it is only printed,
 * compared or stored.
 */
enum Ty {
    INT, FLOAT, BOOL, STR, LIST, TUPLE, DICT, SET, NONE, ANY;

    /** The types an expression may be asked for (ANY only comes from variables). */
    static final Ty[] CONCRETE = {INT, FLOAT, BOOL, STR, LIST, TUPLE, DICT, SET, NONE};

    /** Whether a value of this type can hold other objects (and so could come to hold itself). */
    boolean container() {
        return this == LIST || this == TUPLE || this == DICT || this == SET || this == ANY;
    }

    /** Whether a value of this type may be, or contain, a float or a set. */
    boolean mayHoldFloatOrSet() {
        return this == FLOAT || container();
    }
}
