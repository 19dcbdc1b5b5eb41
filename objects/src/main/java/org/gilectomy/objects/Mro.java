package org.gilectomy.objects;

import java.util.ArrayList;
import java.util.List;

/**
 * Method resolution orders: C3 linearisation for classes made by class statements (the order
 * CPython computes since 2.3: each class before its bases, the bases' own orders kept, the
 * bases in the order written), the plain chain for built-in types.
 */
final class Mro {
    private Mro() {
    }

    /** {@code cls} followed by its base chain. */
    static PyType[] chain(PyType cls, PyType base) {
        List<PyType> l = new ArrayList<>();
        l.add(cls);
        for (PyType t = base; t != null; t = t.base()) {
            l.add(t);
        }
        return l.toArray(new PyType[0]);
    }

    /** C3: {@code cls}, then the merge of the bases' orders and the list of bases; TypeError if none exists. */
    static PyType[] of(PyType cls, PyType[] bases) {
        List<List<PyType>> seqs = new ArrayList<>();
        for (PyType b : bases) {
            seqs.add(new ArrayList<>(b.mroList()));
        }
        List<PyType> direct = new ArrayList<>(List.of(bases));
        if (direct.isEmpty()) {
            direct.add(PyType.OBJECT);
            seqs.add(new ArrayList<>(List.of(PyType.OBJECT)));
        }
        seqs.add(direct);
        List<PyType> out = new ArrayList<>();
        out.add(cls);
        while (true) {
            seqs.removeIf(List::isEmpty);
            if (seqs.isEmpty()) {
                return out.toArray(new PyType[0]);
            }
            PyType next = null;
            for (List<PyType> s : seqs) {
                PyType head = s.get(0);
                if (seqs.stream().noneMatch(o -> o.indexOf(head) > 0)) {
                    next = head;
                    break;
                }
            }
            if (next == null) {
                StringBuilder names = new StringBuilder(); // CPython names the heads that could not be placed
                List<PyType> heads = new ArrayList<>();
                for (List<PyType> s : seqs) {
                    if (!heads.contains(s.get(0))) {
                        heads.add(s.get(0));
                        names.append(names.length() == 0 ? "" : ", ").append(s.get(0).name());
                    }
                }
                throw PyExc.typeError("Cannot create a consistent method resolution\norder (MRO) for bases " + names);
            }
            out.add(next);
            for (List<PyType> s : seqs) {
                if (s.get(0) == next) {
                    s.remove(0);
                }
            }
        }
    }
}
