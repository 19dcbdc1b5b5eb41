package org.gilectomy.objects;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gilectomy.refcount.RefCount;

/**
 * A Python type: its name, its base, and its methods. Built-in types are created once and
 * never freed. The method table is filled during start-up, before any second thread runs,
 * and only read afterwards (safe publication through the class initialisation of its owner).
 *
 * <pre>
 * Overview (classes made by class statements)
 *
 * version: a tag the eval loop's inline caches (AttrCache) compare against. It changes after
 * every change of this class's namespace or of any base's (a class tells its subclasses), so
 * an entry made at version v is valid exactly while version == v. Changes go through
 * setAttribute/removeAttribute, serialised by the class's monitor (rare: class attribute
 * mutation), which write the namespace first and bump the versions after (getAndAdd with
 * release semantics); readers read the version with getAcquire.
 *
 * Borrowed class attributes: a cache keeps a borrowed pointer to what it found in a
 * namespace. So a value displaced from a namespace is not released but retired (kept in
 * retired, under the monitor) until finalizeClasses: a reader that saw the old version and
 * increfs the old value never touches a freed object, in either build. Only values assigned
 * over and over to a class attribute accumulate, until the class is freed.
 *
 * Collectable classes (issue 12): a class made by a class statement is a mortal container
 * (GcTracked). It owns its namespace, its bases and, as CPython's class through its __mro__
 * tuple, itself: so counts alone never free it, only the cycle collector does (as CPython's).
 * Its instances reference it without a count (GcTracked.ReferencedUncounted: no count write
 * per instance, no contended class count in the free-threaded builds); their traverse shows
 * the reference to the collector's reach, and only a full collection judges a class. An
 * instance that is not traversed (a subclass of int, str, tuple ...) keeps its class until
 * the program ends (keepForInstances). Subclass lists are weak (Java references, uncounted):
 * a freed class leaves its bases' lists. Built-in types stay static and untracked.
 *
 * Field        access
 * version      VarHandle VERSION: getAndAdd (writers, under some class's monitor), getAcquire
 * subclasses   CopyOnWriteArrayList, appended when a subclass is made (every kind: a
 *              built-in type's list is read by __subclasses__ only, never bumped)
 * retired      guarded by this type's monitor
 * slotHint     plain int, a racy sizing hint only (a stale value costs a re-allocation)
 * rootShape    final
 * init         racy plain reads and writes of immutable Resolved entries (a stale one fails
 *              its version check)
 * </pre>
 */
public final class PyType extends PyObject implements org.gilectomy.refcount.GcTracked,
        org.gilectomy.refcount.GcTracked.ReferencedUncounted {
    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.lookup().findVarHandle(PyType.class, "version", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static final PyType TYPE = new PyType("type", null);
    public static final PyType OBJECT = new PyType("object", null);

    private final String name;
    private final PyType base;
    /** The bases as the class statement named them (built-in types: their one base, or none). */
    private final PyType[] bases;
    /**
     * The method resolution order, this type first: what attribute lookup walks. A class
     * statement's is C3's linearisation of its bases, ending in object; a built-in type's is
     * the chain of its bases (object, which every lookup falls back on, only if named).
     */
    private final PyType[] mro;
    private final Map<String, PyObject> methods = new HashMap<>();
    /** The descriptors of {@link #methods} read through the class, made on first read ({@link #methodDescriptor}). */
    private final Map<String, PyMethodDescriptor> methodDescriptors = new java.util.concurrent.ConcurrentHashMap<>();
    /** The data attributes this built-in type declares (true: a member, false: a getset); start-up only. */
    private final Map<String, Boolean> declaredAttributes = new HashMap<>(2);
    /** Their descriptors and those of {@link #getters}, made on first read through the class ({@link #attributeDescriptor}). */
    private final Map<String, PyAttributeDescriptor> attributeDescriptors = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, java.util.function.UnaryOperator<PyObject>> getters = new HashMap<>(2);
    /** What calling the type does ({@code int("3")}); null if it cannot be called. Start-up only. */
    public PyBuiltinFunction.Body constructor;
    /**
     * A class statement's namespace (locked like any dict); null for built-in types, and for
     * freed classes. Emptied when the class is cyclic garbage or at finalization.
     */
    private PyDict dict;
    private final boolean heapType;
    /**
     * The classes made by class statements, for finalization under check-refs only. The JVM's,
     * not one interpreter's (a type does not know its interpreter): the runtime finalizes them
     * only at the end of a program that ran alone, so no running program loses its classes.
     */
    private static final java.util.Queue<PyType> CLASSES = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The module a class statement ran in ("__main__"); null for built-in types. */
    private final String module;
    /**
     * How to make an instance of this type or of a class deriving from it, for built-in types
     * that Python classes may subclass (object, BaseException, threading.Thread). Start-up only.
     */
    public java.util.function.Function<PyType, PyInstance> instanceFactory;

    /** How {@code X.__new__(cls, ...)} makes an instance of a subclass of built-in type X. */
    public interface BuiltinNew {
        PyObject make(PyType cls, PyObject[] args, int off, int nargs, PyTuple kwnames);
    }

    /**
     * For built-in value types that Python classes may subclass (list, dict, int, str ...):
     * makes an instance of such a subclass (see {@link BuiltinSubclasses}). Start-up only.
     */
    public BuiltinNew builtinNew;

    /** Touched only through versionAcquire and bumpVersion (see the overview). */
    private int version;
    private final List<PyType> subclasses = new CopyOnWriteArrayList<>();
    private final List<PyObject> retired = new ArrayList<>();
    private int slotHint;
    private final Shape rootShape = Shape.root(this);

    public PyType(String name, PyType base) {
        this(name, base, null, null);
    }

    /** A built-in type that a module defines ({@code queue.Queue}): its reprs name the module. */
    public static PyType ofModule(String module, String name, PyType base) {
        return new PyType(name, base, null, module);
    }

    /** A class made by a class statement: {@code dict} is owned by the new class. */
    public PyType(String name, PyType base, PyDict dict, String module) {
        this(name, base == null ? new PyType[0] : new PyType[] {base}, dict, module);
    }

    /**
     * A class made by a class statement with these bases ({@code dict} non-null, owned by the
     * new class), or a built-in type with at most one. A class statement's bases must admit a
     * consistent method resolution order (Classes checks it first: a class made is registered).
     */
    public PyType(String name, PyType[] bases, PyDict dict, String module) {
        super(dict != null ? 2 : STATIC_REFS); // a class: its maker's reference and its own (see "Collectable classes")
        this.heapType = dict != null;
        if (heapType) {
            RefCount.markDeferredHere(this); // frames' references to classes are not counted (deferred)
        } else {
            RefCount.markDeferred(this, null);
        }
        this.mro = heapType || bases.length > 1 ? Mro.of(this, bases) // ExceptionGroup: the one built-in with two
                : Mro.chain(this, bases.length == 0 ? null : bases[0]);
        this.name = name;
        this.bases = bases;
        this.base = bases.length == 0 ? null : bases[0];
        this.dict = dict;
        if (heapType && org.gilectomy.refcount.RefCheck.ENABLED) {
            CLASSES.add(this);
        }
        this.module = module;
        for (PyType b : bases) {
            if (heapType) {
                RefCount.incref(b); // a class owns its bases
            }
            b.subclasses.add(this); // every kind (__subclasses__); a freed class leaves in dealloc
        }
        if (bases.length == 0 && OBJECT != null) { // a built-in type without a named base derives from object
            OBJECT.subclasses.add(this);
        }
    }

    static {
        OBJECT.subclasses.add(0, TYPE); // made before object existed
    }

    /** {@code __subclasses__()}: the direct subclasses made so far, in the order they were made. */
    public List<PyType> subclassesList() {
        return List.copyOf(subclasses);
    }

    // ---- the cycle collector's view (GcTracked: tp_traverse, tp_clear)

    /**
     * Whether the class still holds the reference to itself that stands for its method
     * resolution order's (CPython's {@code __mro__} tuple holds the class): dropped by
     * clearReferences. Plain: set at construction, cleared on garbage or at finalization.
     */
    private boolean holdsItself = true;
    /** Whether instances the collector cannot see keep this class for the program's life (keepForInstances). */
    private volatile boolean kept;

    /**
     * A class made by a class statement references its namespace, its bases, itself (the
     * order's reference) and the values it retired (counted), and its metaclass (uncounted,
     * as an instance its class). Built-in types are not tracked.
     */
    @Override
    public void traverse(Visitor v) {
        v.visit(dict);
        if (holdsItself) {
            v.visit(this);
        }
        for (PyType b : bases) {
            v.visit(b);
        }
        for (PyObject o : retired) {
            v.visit(o);
        }
        v.visitUncounted(metatype);
    }

    /**
     * As CPython's type_clear: the namespace is emptied (which breaks the cycles through
     * methods, class attributes and {@code __class__} cells) and the reference to itself goes;
     * the bases stay until the class is freed.
     */
    @Override
    public void clearReferences() {
        PyDict d = dict;
        if (d != null) {
            d.clear();
        }
        if (holdsItself) {
            holdsItself = false;
            RefCount.decref(this);
        }
    }

    /** Names the class: a use-after-free report must say which one. */
    @Override
    public String describeForDiagnostics() {
        return "<class '" + name + "'" + (heapType ? "" : " (built-in)") + ">";
    }

    /** The class is freed: what it owns goes, and its bases forget it as a subclass. */
    @Override
    protected void dealloc() {
        PyDict d = dict;
        dict = null; // an instance freed after its class finds no __del__ here
        if (d != null) {
            RefCount.decref(d);
        }
        synchronized (this) {
            for (PyObject o : retired) {
                RefCount.decref(o);
            }
            retired.clear();
        }
        for (PyType b : bases) {
            b.subclasses.remove(this);
            RefCount.decref(b);
        }
    }

    /**
     * An instance of this class whose traverse does not show it the class (a subclass of a
     * built-in value type: int, str, tuple ...) was made: the class is kept until the program
     * ends, since the collector cannot see that reference. The first such instance takes one
     * reference, finalizeClasses drops it.
     */
    void keepForInstances() {
        if (heapType && !kept) {
            synchronized (this) {
                if (!kept) {
                    kept = true;
                    RefCount.incref(this);
                }
            }
        }
    }

    /** {@code __qualname__} of a class statement's class (taken out of its namespace, as CPython does); else null. */
    private volatile String qualname;

    public String qualname() {
        String q = qualname;
        return q != null ? q : name;
    }

    void setQualname(String q) {
        qualname = q;
    }

    /** The version tag of this class's attributes (see the overview). */
    public int versionAcquire() {
        return (int) VERSION.getAcquire(this);
    }

    private void bumpVersion() {
        VERSION.getAndAdd(this, 1);
        for (PyType sub : subclasses) {
            sub.bumpVersion();
        }
    }

    /** A class attribute resolved at one version; immutable, published racily (final fields). */
    private static final class Resolved {
        final int version;
        final PyObject value; // borrowed: see "Borrowed class attributes"

        Resolved(int version, PyObject value) {
            this.version = version;
            this.value = value;
        }
    }

    private Resolved init;
    private Resolved newFunction;

    /** {@code __init__} of this class or a base, borrowed (never null: object's at worst). */
    PyObject initBorrowed() {
        Resolved r = init;
        int v = versionAcquire();
        if (r == null || r.version != v) {
            r = resolve(v, "__init__");
            init = r;
        }
        return r.value;
    }

    /** {@code __new__} of this class or a base, borrowed (never null: object's at worst). */
    PyObject newBorrowed() {
        Resolved r = newFunction;
        int v = versionAcquire();
        if (r == null || r.version != v) {
            r = resolve(v, "__new__");
            newFunction = r;
        }
        return r.value;
    }

    private Resolved resolve(int v, String attr) {
        PyObject m = lookup(attr);
        RefCount.xdecref(m); // the namespace (or the retired list) keeps it
        return new Resolved(v, m);
    }

    /** The empty shape new instances start with. */
    Shape rootShape() {
        return rootShape;
    }

    int slotHint() {
        return slotHint;
    }

    /** Whether a class statement in the order defines {@code __getattribute__}: no inline caching of reads. */
    private boolean customGetattribute;

    public boolean customGetattribute() {
        return customGetattribute;
    }

    void setCustomGetattribute(boolean b) {
        customGetattribute = b;
    }

    private boolean definesSlots;
    private boolean slotsOnly;
    private boolean hasSlotMembers;

    /**
     * Records the class body's {@code __slots__}: its instances have no {@code __dict__} (only
     * slot names may be set) when this class and every class-statement base define them and no
     * built-in base gives instances a dict (exceptions, threads). Set once, before the class is used.
     */
    void markSlots(boolean defines, boolean members) {
        definesSlots = defines;
        boolean only = defines && instanceFactoryInherited() == OBJECT.instanceFactory;
        boolean any = members;
        for (int i = 1; i < mro.length; i++) {
            if (mro[i].heapType) {
                only &= mro[i].definesSlots;
                any |= mro[i].hasSlotMembers;
            }
        }
        slotsOnly = only;
        hasSlotMembers = any;
    }

    /** Whether instances may hold only the attributes named in {@code __slots__} (no {@code __dict__}). */
    public boolean slotsOnly() {
        return slotsOnly;
    }

    /** Whether a class in the order defines non-empty {@code __slots__}. */
    public boolean hasSlotMembers() {
        return hasSlotMembers;
    }

    void noteSlots(int n) {
        if (n > slotHint) {
            slotHint = n;
        }
    }

    /** {@code C.name = value} on a class made by a class statement (takes its own reference). */
    /** Whether any class ever had a {@code __del__}: until then instances' frees look no further. */
    private static volatile boolean finalizersDefined;

    public static boolean finalizersDefined() {
        return finalizersDefined;
    }

    /** A class statement or an assignment gave some class a {@code __del__}. */
    static void finalizerDefined() {
        finalizersDefined = true;
    }

    void setAttribute(PyStr key, PyObject value) {
        if (key.value.equals("__del__")) {
            finalizerDefined();
        }
        synchronized (this) {
            PyObject old = dict.get(key);
            dict.put(key, value);
            if (old != null) {
                retired.add(old); // our reference from get: keeps it alive for borrowed readers
            }
            bumpVersion();
        }
    }

    /** {@code del C.name}; whether it was there. */
    boolean removeAttribute(PyStr key) {
        synchronized (this) {
            PyObject old = dict.pop(key);
            if (old == null) {
                return false;
            }
            retired.add(old);
            bumpVersion();
            return true;
        }
    }

    /**
     * Finalization (check-refs, after the modules' namespaces are cleared and no Python code
     * runs any more): every class still alive is cleared as the collector clears garbage (a
     * class is always in a cycle: it holds itself), as CPython's collector frees the classes
     * at exit; what nothing else holds is freed.
     */
    public static void finalizeClasses() {
        java.util.List<PyType> alive = new ArrayList<>();
        for (PyType t; (t = CLASSES.poll()) != null; ) {
            if (!t.isFreed()) {
                alive.add(t);
                RefCount.incref(t); // held while the others are cleared
            }
        }
        for (PyType t : alive) {
            t.clearReferences();
            if (t.kept) {
                t.kept = false;
                RefCount.decref(t);
            }
        }
        for (PyType t : alive) {
            RefCount.decref(t);
        }
    }

    /** The class namespace, borrowed; null for built-in types. */
    public PyDict dictBorrowed() {
        return dict;
    }

    /** The name as a traceback prints it: module-qualified unless the class is built in or of __main__. */
    public String qualifiedName() {
        return module == null || module.equals("__main__") ? name : module + "." + name;
    }

    /**
     * The attribute {@code attr} of this type or a base, as a new reference; null if none. Python
     * classes are searched through their (locked) namespaces, built-in ones through their
     * method tables.
     */
    public PyObject lookup(String attr) {
        for (PyType t : mro) {
            PyObject v = t.own(attr);
            if (v != null) {
                return v;
            }
        }
        return OBJECT.own(attr);
    }

    /**
     * {@code super(after, obj).attr} where obj's type (or obj itself, a class) is this: the
     * attribute of the first type after {@code after} in this type's method resolution order,
     * as a new reference; null if none.
     */
    public PyObject lookupAfter(PyType after, String attr) {
        int i = 0;
        while (i < mro.length && mro[i] != after) {
            i++;
        }
        for (i++; i < mro.length; i++) {
            PyObject v = mro[i].own(attr);
            if (v != null) {
                return v;
            }
        }
        return after == OBJECT ? null : OBJECT.own(attr);
    }

    /** This type's own attribute {@code attr} (method table, then namespace): a new reference, or null. */
    private PyObject own(String attr) {
        PyObject m = methods.get(attr);
        if (m != null) {
            RefCount.incref(m);
            return m;
        }
        PyDict d = dict; // read once: finalization may clear it
        return d == null ? null : d.getName(attr);
    }

    /** Calls {@code f} with each of this type's own built-in methods (for {@code __dict__}). */
    void forEachOwnMethod(java.util.function.BiConsumer<String, PyObject> f) {
        methods.forEach(f);
    }

    /** The method resolution order ({@code __mro__}), object last. */
    public List<PyType> mroList() {
        List<PyType> l = new ArrayList<>(List.of(mro));
        if (l.get(l.size() - 1) != OBJECT) {
            l.add(OBJECT);
        }
        return l;
    }

    /** The direct bases ({@code __bases__}): a built-in type without one has object, object has none. */
    public List<PyType> basesList() {
        return bases.length == 0 && this != OBJECT ? List.of(OBJECT) : List.of(bases);
    }

    /**
     * The attribute {@code attr} as defined by a class statement in this class or a base, before
     * the nearest built-in base: a new reference, or null (then the built-in's own behaviour
     * applies). How operations on instances of subclasses of built-in types find overrides.
     */
    public PyObject lookupHeap(String attr) {
        for (PyType t : mro) {
            if (!t.heapType) {
                break; // the built-in's own behaviour comes first from here on
            }
            PyDict d = t.dict;
            if (d != null) {
                PyObject v = d.getName(attr);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The nearest built-in type this class derives from ({@code object} at worst). */
    public PyType builtinBase() {
        for (PyType t : mro) {
            if (!t.heapType) {
                return t;
            }
        }
        return OBJECT;
    }

    /** The instance factory of this type or its nearest base that has one. */
    public java.util.function.Function<PyType, PyInstance> instanceFactoryInherited() {
        for (PyType t : mro) {
            if (t.instanceFactory != null) {
                return t.instanceFactory;
            }
        }
        return OBJECT.instanceFactory;
    }

    /** Whether instances of this type are made by a class statement (they have a namespace). */
    public boolean isHeapType() {
        return heapType;
    }

    @Override
    public PyType type() {
        PyType m = metatype;
        return m != null ? m : TYPE;
    }

    /** A class whose metaclass is a Python subclass of type: that metaclass; else null (type). */
    private PyType metatype;

    /** The metaclass, set once as the class is made, before any other code sees it. */
    void setMetatype(PyType m) {
        metatype = m == TYPE ? null : m;
    }

    /** The metaclass if it is a Python class (so it may define methods and hooks), else null. */
    public PyType heapMetatype() {
        return metatype;
    }

    public String name() {
        return name;
    }

    public PyType base() {
        return base;
    }

    /** Whether this type is {@code other} or derives from it. */
    public boolean isSubtypeOf(PyType other) {
        for (PyType t : mro) {
            if (t == other) {
                return true;
            }
        }
        return other == OBJECT;
    }

    /**
     * Registers a built-in method; start-up only. The method is immortal where the build has
     * immortal objects: it lives as long as the type (see {@link Immortals#builtins}).
     */
    public void addMethod(String methodName, PyBuiltinFunction.Body body) {
        PyBuiltinFunction method = new PyBuiltinFunction(name + "." + methodName, body);
        org.gilectomy.refcount.RefCount.makeImmortal(method); // no other thread has it yet
        methods.put(methodName, method);
    }

    /** Registers a built-in attribute that is not a plain method (a classmethod); start-up only. */
    public void addAttribute(String attr, PyObject value) {
        org.gilectomy.refcount.RefCount.makeImmortal(value);
        methods.put(attr, value);
    }

    /** A built-in type's data attribute ({@code (3).real}), computed from the object: a new reference. */
    public void addGetter(String attr, java.util.function.UnaryOperator<PyObject> getter) {
        getters.put(attr, getter);
    }

    /** The getter of data attribute {@code attr} of this type or a base; null if none. */
    public java.util.function.UnaryOperator<PyObject> lookupGetter(String attr) {
        for (PyType t : mro) {
            java.util.function.UnaryOperator<PyObject> g = t.getters.get(attr);
            if (g != null) {
                return g;
            }
        }
        return null;
    }

    /**
     * The built-in method named {@code methodName} of this type or a base, borrowed; null if
     * none, or if a class statement's namespace on the way defines the name (an override: the
     * caller takes the general attribute path).
     */
    public PyObject lookupMethodBorrowed(String methodName) {
        for (PyType t : mro) {
            PyDict d = t.dict;
            if (d != null && d.containsKey(PyStr.internBorrowed(methodName))) {
                return null;
            }
            PyObject m = t.methods.get(methodName);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /**
     * {@code C.name} found as {@code v}: if {@code v} is a built-in method of a type in this
     * type's MRO, the descriptor CPython gives for it (borrowed: the defining type keeps it,
     * one per name); else null.
     */
    public PyMethodDescriptor methodDescriptor(String methodName, PyObject v) {
        if (!(v instanceof PyBuiltinFunction f)) {
            return null;
        }
        for (PyType t : mroList()) {
            if (t.methods.get(methodName) == v) {
                if (PyMethodDescriptor.isStatic(t, methodName)) {
                    return null;
                }
                return t.methodDescriptors.computeIfAbsent(methodName, k -> PyMethodDescriptor.make(t, k, f));
            }
        }
        return null;
    }

    /** The descriptor of a slot function kept outside the method table ({@link ObjectSlots}), made once. */
    PyMethodDescriptor slotDescriptor(String methodName, PyBuiltinFunction f) {
        return methodDescriptors.computeIfAbsent(methodName, k -> PyMethodDescriptor.make(this, k, f));
    }

    /**
     * Declares data attributes that the type's objects provide themselves (as {@link DataAttributes}),
     * for reads through the class: members ({@code member}) or getsets; start-up only.
     */
    public void declareAttributes(boolean member, String... attrs) {
        for (String a : attrs) {
            declaredAttributes.put(a, member);
        }
    }

    /**
     * {@code C.name} where the class has no such attribute: the descriptor of a data attribute
     * that a built-in type in the MRO declares or has a getter for (borrowed: that type keeps
     * it); else null.
     */
    public PyAttributeDescriptor attributeDescriptor(String attr) {
        for (PyType t : mroList()) {
            if (t.isHeapType()) {
                continue;
            }
            Boolean member = t.declaredAttributes.get(attr);
            if (member == null && t.getters.containsKey(attr)) {
                member = false;
            }
            if (member != null) {
                boolean m = member;
                return t.attributeDescriptors.computeIfAbsent(attr, k -> new PyAttributeDescriptor(m, t, k));
            }
        }
        return null;
    }

    /** The name with its module, as reprs show it ({@code queue.Queue}); built-in types' names are bare. */
    public String fullName() {
        return module == null ? name : module + "." + name;
    }

    @Override
    public String toString() {
        return "<class '" + fullName() + "'>";
    }
}
