package org.gilectomy.objects;

/**
 * A compiled code object: immutable data produced by the compiler and run by the eval loop.
 * Instructions are ints, {@code opcode | arg << 8}; {@code lines[i]} is the source line of
 * instruction {@code i}. Constants are kept alive for the whole process.
 */
public final class PyCode extends PyObject {
    public static final PyType TYPE = new PyType("code", null);

    public final String name;
    public final String filename;
    public final int firstLine;
    public final int argCount;
    public final String[] varNames;   // locals, parameters first
    public final String[] names;      // globals, attributes, modules
    public final PyStr[] nameObjects; // the same names, interned
    public final PyObject[] consts;
    public final int[] code;
    public final int[] lines;
    public final int stackSize;
    public final boolean isModule;
    /**
     * Where exceptions go (lang-a): entries of four ints, {@code start, end, handler, depth}: an
     * exception raised by an instruction in {@code [start, end)} continues at {@code handler}
     * with the stack cut to {@code depth} items. Innermost first. Set once by the compiler
     * before the code object is published.
     */
    public int[] exceptionTable = NO_HANDLERS;
    /** Whether calling a function with this code makes a generator (its body yields). Set with exceptionTable. */
    public boolean isGenerator;

    /** The dotted name error messages use ({@code C.method}, {@code f.<locals>.g}); null: same as name. */
    public String qualName;

    private static final int[] NO_HANDLERS = new int[0];

    public String qualName() {
        return qualName != null ? qualName : name;
    }

    public PyCode(String name, String filename, int firstLine, int argCount, String[] varNames,
                  String[] names, PyObject[] consts, int[] code, int[] lines, int stackSize, boolean isModule) {
        super(STATIC_REFS);
        this.name = name;
        this.filename = filename;
        this.firstLine = firstLine;
        this.argCount = argCount;
        this.varNames = varNames;
        this.names = names;
        this.nameObjects = new PyStr[names.length];
        for (int i = 0; i < names.length; i++) {
            nameObjects[i] = PyStr.internBorrowed(names[i]);
        }
        this.consts = consts;
        this.code = code;
        this.lines = lines;
        this.stackSize = stackSize;
        this.isModule = isModule;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "<code object " + name + ", file \"" + filename + "\", line " + firstLine + ">";
    }
}
