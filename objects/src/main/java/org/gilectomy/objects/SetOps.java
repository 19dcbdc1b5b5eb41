package org.gilectomy.objects;

/** The operators of {@code set} and {@code frozenset}: {@code | & - ^} and the subset orders. */
final class SetOps {
    private SetOps() {
    }

    /** {@code a op b} for two sets, of a's kind; null when not both sets or not a set operator. */
    static PyObject binary(BinaryOp op, PyObject a, PyObject b) {
        if (!(a instanceof PySet x) || !(b instanceof PySet y)) {
            return null;
        }
        boolean frozen = x.isFrozen();
        switch (op) {
            case OR:
                return x.union(y, frozen);
            case AND:
                return x.intersection(y, frozen);
            case SUB:
                return x.difference(y, frozen);
            case XOR:
                return x.symmetricDifference(y, frozen);
            default:
                return null;
        }
    }

    /** {@code <, <=, >, >=} between sets: proper subset, subset, and their mirrors. */
    static boolean order(CompareOp op, PySet a, PySet b) {
        switch (op) {
            case LT:
                return a.size() < b.size() && a.isSubset(b);
            case LE:
                return a.isSubset(b);
            case GT:
                return b.size() < a.size() && b.isSubset(a);
            default:
                return b.isSubset(a);
        }
    }
}
