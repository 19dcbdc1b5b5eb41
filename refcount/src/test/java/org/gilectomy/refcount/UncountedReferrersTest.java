package org.gilectomy.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Objects referenced without a count (GcTracked.ReferencedUncounted: a class, which its
 * instances reference uncounted): a live instance keeps its class through a full collection
 * (the reach follows visitUncounted), a younger generation's collection never judges a class
 * (its instances may be in an older generation, outside the candidates), and an instance a
 * finalizer makes during a collection keeps the class it makes it of. Each with its negative
 * control: the same heap with the rule broken frees a class that a live instance references.
 */
class UncountedReferrersTest {
    /** A class: holds a counted reference to itself (as a class's __mro__), so counts never free it. */
    static class Klass extends RefCounted implements GcTracked {
        private boolean holdsItself = true;

        Klass() {
            super(2); // the creator's reference and its own
        }

        @Override
        public void traverse(Visitor v) {
            if (holdsItself) {
                v.visit(this);
            }
        }

        @Override
        public void clearReferences() {
            if (holdsItself) {
                holdsItself = false;
                RefCount.decref(this);
            }
        }

        @Override
        public String describeForDiagnostics() {
            return "<klass>";
        }

        @Override
        public String typeNameForDiagnostics() {
            return "klass";
        }

        @Override
        protected void dealloc() {
        }
    }

    /** As the runtime's classes: marked, so judged only by full collections. */
    static final class MarkedKlass extends Klass implements GcTracked.ReferencedUncounted {
    }

    /** An instance: references its class uncounted, and shows it to the collector (or not: the control). */
    static final class Inst extends RefCounted implements GcTracked {
        RefCounted cls; // uncounted
        final boolean showsClass;

        Inst(RefCounted cls, boolean showsClass) {
            this.cls = cls;
            this.showsClass = showsClass;
        }

        @Override
        public void traverse(Visitor v) {
            if (showsClass) {
                v.visitUncounted(cls);
            }
        }

        @Override
        public void clearReferences() {
        }

        @Override
        public String describeForDiagnostics() {
            return "<inst>";
        }

        @Override
        public String typeNameForDiagnostics() {
            return "inst";
        }

        @Override
        protected void dealloc() {
        }
    }

    /** In a cycle with itself and owning a class; its finalizer makes an instance of that class, kept in MADE. */
    static final class MakesAnInstance extends RefCounted implements GcTracked {
        MakesAnInstance self; // owned
        RefCounted cls; // owned

        @Override
        public void traverse(Visitor v) {
            v.visit(self);
            v.visit(cls);
        }

        @Override
        public void clearReferences() {
            RefCounted a = self;
            RefCounted b = cls;
            self = null;
            cls = null;
            RefCount.xdecref(a);
            RefCount.xdecref(b);
        }

        @Override
        public boolean finalizeAsGarbage() {
            if (made.isEmpty()) {
                made.add(new Inst(cls, true)); // our reference keeps the instance
                return true;
            }
            return false;
        }

        @Override
        public String describeForDiagnostics() {
            return "<maker>";
        }

        @Override
        public String typeNameForDiagnostics() {
            return "maker";
        }

        @Override
        protected void dealloc() {
            clearReferences();
        }
    }

    static final List<RefCounted> made = new ArrayList<>();

    @BeforeEach
    void runPython() {
        RefCountThreadState.current().runsPython = true;
        CycleCollector.collect(2, true);
        CycleCollector.installRoots(v -> { });
    }

    @AfterEach
    void stopRunningPython() {
        for (RefCounted o : made) {
            RefCount.decref(o);
        }
        made.clear();
        CycleCollector.collect(2, true);
        RefCountThreadState.current().runsPython = false;
    }

    /** A class whose creator's reference is gone: only its own (and uncounted ones) left. */
    private static Klass orphanClass(boolean marked) {
        Klass k = marked ? new MarkedKlass() : new Klass();
        RefCount.decref(k);
        return k;
    }

    @Test
    void aLiveInstanceKeepsItsClassThroughAFullCollection() {
        Klass k = orphanClass(true);
        Inst i = new Inst(k, true);
        assertEquals(0, CycleCollector.collect(2, true));
        assertFalse(k.isFreed(), "the instance's uncounted reference is followed by the reach");
        RefCount.decref(i); // counts free the instance (no cycle)
        RefCount.flush();
        assertTrue(i.isFreed());
        assertEquals(1, CycleCollector.collect(2, true), "now nothing references the class");
        RefCount.flush();
        assertTrue(k.isFreed());
    }

    @Test
    void negativeControlAnInstanceThatHidesItsClassLetsTheCollectorFreeIt() {
        Klass k = orphanClass(true);
        Inst i = new Inst(k, false);
        assertEquals(1, CycleCollector.collect(2, true));
        RefCount.flush();
        assertTrue(k.isFreed(), "a reference the collector is not shown cannot keep anything");
        RefCount.decref(i);
    }

    /** An instance in the oldest generation, a class in the youngest: a collection of generation 0 sees only the class. */
    private static int youngCollectionWithAnOldInstance(boolean marked) {
        Inst i = new Inst(null, true);
        made.add(i);
        assertEquals(0, CycleCollector.collect(2, true)); // i is old now
        Klass k = orphanClass(marked);
        i.cls = k;
        int found = CycleCollector.collect(0, true);
        RefCount.flush();
        assertEquals(found > 0, k.isFreed());
        return found;
    }

    @Test
    void aYoungCollectionNeverJudgesAClass() {
        assertEquals(0, youngCollectionWithAnOldInstance(true));
        RefCounted k = ((Inst) made.get(0)).cls;
        assertEquals(0, CycleCollector.collect(2, true), "a full collection keeps it too: the old instance is a candidate there");
        assertFalse(k.isFreed());
    }

    @Test
    void negativeControlAYoungCollectionThatJudgesAClassFreesALiveInstancesClass() {
        assertEquals(1, youngCollectionWithAnOldInstance(false), "unmarked: judged without its instance, freed");
    }

    @Test
    void anInstanceAFinalizerMakesKeepsItsClass() {
        Klass k = orphanClass(true);
        MakesAnInstance m = new MakesAnInstance();
        RefCount.incref(m);
        m.self = m;
        RefCount.incref(k);
        m.cls = k;
        RefCount.decref(m); // garbage: m and k, unreachable
        int found = CycleCollector.collect(2, true);
        assertEquals(1, made.size(), "the finalizer ran");
        assertFalse(k.isFreed(), "the new instance (a young container, a root of the rejudge) keeps the class");
        assertEquals(1, found, "the maker alone is garbage");
        RefCount.flush();
        assertTrue(m.isFreed());
    }
}
