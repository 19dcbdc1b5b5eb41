package org.gilectomy.runtime.modules;

import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * The combinatoric iterators of {@code itertools}: {@code product}, {@code permutations},
 * {@code combinations} and {@code combinations_with_replacement}, each walking an array of
 * indices into pools collected up front (as CPython does), in CPython's order.
 */
final class Combinatorics {
    private Combinatorics() {
    }

    /** Advances the indices to the next result; false when there is none. */
    private interface Advance {
        boolean next(int[] indices);
    }

    /** The tuple of {@code pools[i][indices[i]]} (or of {@code pool[indices[i]]} when one pool). */
    private static PyObject tuple(PyObject[][] pools, int[] indices, int r) {
        PyObject[] t = new PyObject[r];
        for (int i = 0; i < r; i++) {
            t[i] = pools[pools.length == 1 ? 0 : i][indices[i]];
            RefCount.incref(t[i]);
        }
        return PyTuple.steal(t);
    }

    /** The iterator: the first result is the start indices (unless {@code empty}), then each advance. */
    private static PyObject iterate(PyType type, PyObject[][] pools, int[] indices, int r, boolean empty, Advance advance) {
        int total = 0;
        for (PyObject[] p : pools) {
            total += p.length;
        }
        PyObject[] owned = new PyObject[total];
        int k = 0;
        for (PyObject[] p : pools) {
            System.arraycopy(p, 0, owned, k, p.length);
            k += p.length;
        }
        boolean[] state = {true, empty}; // first result pending; finished
        return new ItertoolsIter(type, owned, () -> {
            if (state[1]) {
                return null;
            }
            if (state[0]) {
                state[0] = false;
            } else if (!advance.next(indices)) {
                state[1] = true;
                return null;
            }
            return tuple(pools, indices, r);
        });
    }

    /** Takes over the references of every pool. */
    static PyObject product(PyType type, PyObject[][] pools) {
        int k = pools.length;
        boolean empty = false;
        for (PyObject[] p : pools) {
            empty |= p.length == 0;
        }
        return iterate(type, pools, new int[k], k, empty, indices -> {
            for (int i = k - 1; i >= 0; i--) {
                if (++indices[i] < pools[i].length) {
                    return true;
                }
                indices[i] = 0;
            }
            return false;
        });
    }

    static PyObject permutations(PyType type, PyObject[] pool, int r) {
        int n = pool.length;
        int[] indices = new int[Math.max(n, 0)];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        int[] cycles = new int[Math.max(0, Math.min(r, n))];
        for (int i = 0; i < cycles.length; i++) {
            cycles[i] = n - i;
        }
        return iterate(type, new PyObject[][] {pool}, indices, r, r > n, ix -> {
            for (int i = r - 1; i >= 0; i--) {
                if (--cycles[i] == 0) {
                    int first = ix[i]; // rotate ix[i:] left by one
                    System.arraycopy(ix, i + 1, ix, i, n - i - 1);
                    ix[n - 1] = first;
                    cycles[i] = n - i;
                } else {
                    int j = n - cycles[i];
                    int t = ix[i];
                    ix[i] = ix[j];
                    ix[j] = t;
                    return true;
                }
            }
            return false;
        });
    }

    static PyObject combinations(PyType type, PyObject[] pool, int r, boolean replace) {
        int n = pool.length;
        int[] indices = new int[r];
        for (int i = 0; i < r && !replace; i++) {
            indices[i] = i;
        }
        boolean empty = replace ? n == 0 && r > 0 : r > n;
        return iterate(type, new PyObject[][] {pool}, indices, r, empty, ix -> {
            int i = r - 1;
            while (i >= 0 && ix[i] == (replace ? n - 1 : i + n - r)) {
                i--;
            }
            if (i < 0) {
                return false;
            }
            ix[i]++;
            for (int j = i + 1; j < r; j++) {
                ix[j] = replace ? ix[i] : ix[j - 1] + 1;
            }
            return true;
        });
    }
}
