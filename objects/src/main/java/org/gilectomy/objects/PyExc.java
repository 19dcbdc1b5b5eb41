package org.gilectomy.objects;

/** The built-in exception types and shorthands to raise them. */
public final class PyExc {
    public static final PyType BASE_EXCEPTION = new PyType("BaseException", null);
    public static final PyType SYSTEM_EXIT = new PyType("SystemExit", BASE_EXCEPTION);
    public static final PyType KEYBOARD_INTERRUPT = new PyType("KeyboardInterrupt", BASE_EXCEPTION);
    public static final PyType EXCEPTION = new PyType("Exception", BASE_EXCEPTION);
    public static final PyType ARITHMETIC_ERROR = new PyType("ArithmeticError", EXCEPTION);
    public static final PyType ZERO_DIVISION_ERROR = new PyType("ZeroDivisionError", ARITHMETIC_ERROR);
    public static final PyType OVERFLOW_ERROR = new PyType("OverflowError", ARITHMETIC_ERROR);
    public static final PyType LOOKUP_ERROR = new PyType("LookupError", EXCEPTION);
    public static final PyType INDEX_ERROR = new PyType("IndexError", LOOKUP_ERROR);
    public static final PyType KEY_ERROR = new PyType("KeyError", LOOKUP_ERROR);
    public static final PyType NAME_ERROR = new PyType("NameError", EXCEPTION);
    public static final PyType UNBOUND_LOCAL_ERROR = new PyType("UnboundLocalError", NAME_ERROR);
    public static final PyType TYPE_ERROR = new PyType("TypeError", EXCEPTION);
    public static final PyType VALUE_ERROR = new PyType("ValueError", EXCEPTION);
    public static final PyType ATTRIBUTE_ERROR = new PyType("AttributeError", EXCEPTION);
    public static final PyType RUNTIME_ERROR = new PyType("RuntimeError", EXCEPTION);
    public static final PyType RECURSION_ERROR = new PyType("RecursionError", RUNTIME_ERROR);
    public static final PyType REFERENCE_ERROR = new PyType("ReferenceError", EXCEPTION);
    public static final PyType EOF_ERROR = new PyType("EOFError", EXCEPTION);
    public static final PyType NOT_IMPLEMENTED_ERROR = new PyType("NotImplementedError", RUNTIME_ERROR);
    public static final PyType IMPORT_ERROR = new PyType("ImportError", EXCEPTION);
    public static final PyType MODULE_NOT_FOUND_ERROR = new PyType("ModuleNotFoundError", IMPORT_ERROR);
    public static final PyType STOP_ITERATION = new PyType("StopIteration", EXCEPTION);
    public static final PyType STOP_ASYNC_ITERATION = new PyType("StopAsyncIteration", EXCEPTION);
    public static final PyType OS_ERROR = new PyType("OSError", EXCEPTION);
    public static final PyType ASSERTION_ERROR = new PyType("AssertionError", EXCEPTION);
    public static final PyType GENERATOR_EXIT = new PyType("GeneratorExit", BASE_EXCEPTION);
    public static final PyType UNICODE_ERROR = new PyType("UnicodeError", VALUE_ERROR);
    public static final PyType UNICODE_ENCODE_ERROR = new PyType("UnicodeEncodeError", UNICODE_ERROR);
    public static final PyType UNICODE_DECODE_ERROR = new PyType("UnicodeDecodeError", UNICODE_ERROR);
    public static final PyType FLOATING_POINT_ERROR = new PyType("FloatingPointError", ARITHMETIC_ERROR);
    public static final PyType SYNTAX_ERROR = new PyType("SyntaxError", EXCEPTION);
    public static final PyType INDENTATION_ERROR = new PyType("IndentationError", SYNTAX_ERROR);
    public static final PyType TAB_ERROR = new PyType("TabError", INDENTATION_ERROR);
    public static final PyType TIMEOUT_ERROR = new PyType("TimeoutError", OS_ERROR);
    public static final PyType FILE_NOT_FOUND_ERROR = new PyType("FileNotFoundError", OS_ERROR);
    public static final PyType IS_A_DIRECTORY_ERROR = new PyType("IsADirectoryError", OS_ERROR);
    public static final PyType NOT_A_DIRECTORY_ERROR = new PyType("NotADirectoryError", OS_ERROR);
    public static final PyType PERMISSION_ERROR = new PyType("PermissionError", OS_ERROR);
    public static final PyType FILE_EXISTS_ERROR = new PyType("FileExistsError", OS_ERROR);
    public static final PyType CONNECTION_ERROR = new PyType("ConnectionError", OS_ERROR);
    public static final PyType CONNECTION_REFUSED_ERROR = new PyType("ConnectionRefusedError", CONNECTION_ERROR);
    public static final PyType CONNECTION_RESET_ERROR = new PyType("ConnectionResetError", CONNECTION_ERROR);
    public static final PyType BROKEN_PIPE_ERROR = new PyType("BrokenPipeError", CONNECTION_ERROR);
    public static final PyType WARNING = new PyType("Warning", EXCEPTION);
    public static final PyType USER_WARNING = new PyType("UserWarning", WARNING);
    public static final PyType DEPRECATION_WARNING = new PyType("DeprecationWarning", WARNING);
    /** The rest of CPython's built-in exception classes: no attributes of their own beyond their bases'. */
    public static final PyType SYSTEM_ERROR = new PyType("SystemError", EXCEPTION);
    public static final PyType MEMORY_ERROR = new PyType("MemoryError", EXCEPTION);
    public static final PyType BUFFER_ERROR = new PyType("BufferError", EXCEPTION);
    public static final PyType BLOCKING_IO_ERROR = new PyType("BlockingIOError", OS_ERROR);
    public static final PyType CHILD_PROCESS_ERROR = new PyType("ChildProcessError", OS_ERROR);
    public static final PyType INTERRUPTED_ERROR = new PyType("InterruptedError", OS_ERROR);
    public static final PyType PROCESS_LOOKUP_ERROR = new PyType("ProcessLookupError", OS_ERROR);
    public static final PyType CONNECTION_ABORTED_ERROR = new PyType("ConnectionAbortedError", CONNECTION_ERROR);
    public static final PyType PENDING_DEPRECATION_WARNING = new PyType("PendingDeprecationWarning", WARNING);
    public static final PyType SYNTAX_WARNING = new PyType("SyntaxWarning", WARNING);
    public static final PyType RUNTIME_WARNING = new PyType("RuntimeWarning", WARNING);
    public static final PyType FUTURE_WARNING = new PyType("FutureWarning", WARNING);
    public static final PyType IMPORT_WARNING = new PyType("ImportWarning", WARNING);
    public static final PyType UNICODE_WARNING = new PyType("UnicodeWarning", WARNING);
    public static final PyType BYTES_WARNING = new PyType("BytesWarning", WARNING);
    public static final PyType RESOURCE_WARNING = new PyType("ResourceWarning", WARNING);
    public static final PyType ENCODING_WARNING = new PyType("EncodingWarning", WARNING);
    /** PEP 654's groups (see {@link ExceptionGroups}); ExceptionGroup derives from both. */
    public static final PyType BASE_EXCEPTION_GROUP = new PyType("BaseExceptionGroup", BASE_EXCEPTION);
    public static final PyType EXCEPTION_GROUP = new PyType("ExceptionGroup",
            new PyType[] {BASE_EXCEPTION_GROUP, EXCEPTION}, null, null);

    /** Every built-in exception class, for the builtins namespace. */
    public static final java.util.List<PyType> ALL = java.util.List.of(BASE_EXCEPTION, SYSTEM_EXIT,
            KEYBOARD_INTERRUPT, EXCEPTION, ARITHMETIC_ERROR, ZERO_DIVISION_ERROR, OVERFLOW_ERROR, LOOKUP_ERROR,
            INDEX_ERROR, KEY_ERROR, NAME_ERROR, UNBOUND_LOCAL_ERROR, TYPE_ERROR, VALUE_ERROR, ATTRIBUTE_ERROR,
            RUNTIME_ERROR, RECURSION_ERROR, NOT_IMPLEMENTED_ERROR, IMPORT_ERROR, MODULE_NOT_FOUND_ERROR,
            STOP_ITERATION, OS_ERROR, ASSERTION_ERROR, GENERATOR_EXIT, UNICODE_ERROR, UNICODE_ENCODE_ERROR,
            UNICODE_DECODE_ERROR, FLOATING_POINT_ERROR,
            SYNTAX_ERROR, INDENTATION_ERROR, TAB_ERROR, TIMEOUT_ERROR, FILE_NOT_FOUND_ERROR, CONNECTION_ERROR, CONNECTION_REFUSED_ERROR,
            CONNECTION_RESET_ERROR, BROKEN_PIPE_ERROR, WARNING, USER_WARNING, DEPRECATION_WARNING,
            IS_A_DIRECTORY_ERROR, NOT_A_DIRECTORY_ERROR, PERMISSION_ERROR, FILE_EXISTS_ERROR,
            STOP_ASYNC_ITERATION, REFERENCE_ERROR, BASE_EXCEPTION_GROUP, EXCEPTION_GROUP, EOF_ERROR,
            SYSTEM_ERROR, MEMORY_ERROR, BUFFER_ERROR, BLOCKING_IO_ERROR, CHILD_PROCESS_ERROR, INTERRUPTED_ERROR,
            PROCESS_LOOKUP_ERROR, CONNECTION_ABORTED_ERROR, PENDING_DEPRECATION_WARNING, SYNTAX_WARNING,
            RUNTIME_WARNING, FUTURE_WARNING, IMPORT_WARNING, UNICODE_WARNING, BYTES_WARNING, RESOURCE_WARNING,
            ENCODING_WARNING);

    static {
        Classes.init(); // constructors and methods of the classes above
    }

    private PyExc() {
    }

    public static PyException typeError(String message) {
        return new PyException(TYPE_ERROR, message);
    }

    public static PyException valueError(String message) {
        return new PyException(VALUE_ERROR, message);
    }

    public static PyException indexError(String message) {
        return new PyException(INDEX_ERROR, message);
    }

    public static PyException zeroDivision(String message) {
        return new PyException(ZERO_DIVISION_ERROR, message);
    }

    public static PyException attributeError(PyObject o, String name) {
        return new PyException(ATTRIBUTE_ERROR, "'" + o.type().name() + "' object has no attribute '" + name + "'");
    }

    /** {@code name 'x' is not defined}, noting a CPython built-in this runtime does not support. */
    public static PyException nameError(String name) {
        return new PyException(NAME_ERROR, "name '" + name + "' is not defined").withNote(CPythonNames.builtinNote(name));
    }

    public static PyException notImplemented(String feature) {
        return new PyException(NOT_IMPLEMENTED_ERROR, feature + " is not supported by this runtime");
    }
}
