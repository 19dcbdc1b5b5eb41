package org.gilectomy.runtime.modules;

import java.io.IOException;
import java.util.Map;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBaseException;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.refcount.RefCount;

/**
 * OSError and its subclasses as CPython raises them for a failed system call:
 * {@code [Errno 2] No such file or directory: 'x'}, with Linux's errno numbers (ErrnoModule's
 * table), {@code args == (errno, strerror)} and the {@code errno}, {@code strerror},
 * {@code filename} and {@code filename2} attributes. Java reports a failure as text (the
 * operating system's strerror in parentheses) or as an exception class, mapped back here.
 */
final class OsErrors {
    private OsErrors() {
    }

    /** CPython's subclass of OSError for an errno (the ones this runtime defines). */
    private static final Map<String, PyType> SUBCLASS = Map.of(
            "ENOENT", PyExc.FILE_NOT_FOUND_ERROR, "EEXIST", PyExc.FILE_EXISTS_ERROR,
            "EISDIR", PyExc.IS_A_DIRECTORY_ERROR, "ENOTDIR", PyExc.NOT_A_DIRECTORY_ERROR,
            "EACCES", PyExc.PERMISSION_ERROR, "EPERM", PyExc.PERMISSION_ERROR,
            "ETIMEDOUT", PyExc.TIMEOUT_ERROR, "EPIPE", PyExc.BROKEN_PIPE_ERROR,
            "ECONNREFUSED", PyExc.CONNECTION_REFUSED_ERROR, "ECONNRESET", PyExc.CONNECTION_RESET_ERROR);

    /** The errors Java names by its own exception class rather than by text. */
    private static final Map<Class<? extends IOException>, String> BY_CLASS = Map.of(
            java.nio.file.NoSuchFileException.class, "ENOENT",
            java.nio.file.FileAlreadyExistsException.class, "EEXIST",
            java.nio.file.AccessDeniedException.class, "EACCES",
            java.nio.file.DirectoryNotEmptyException.class, "ENOTEMPTY",
            java.nio.file.NotDirectoryException.class, "ENOTDIR",
            java.nio.file.NotLinkException.class, "EINVAL");

    /** {@code [Errno n] text: 'filename'} for errno {@code name} (filename may be null). */
    static PyException of(String errnoName, PyObject filename) {
        return of(errnoName, filename, null);
    }

    /** With a second file name, as rename's: {@code [Errno n] text: 'a' -> 'b'}. */
    static PyException of(String errnoName, PyObject filename, PyObject filename2) {
        int number = ErrnoModule.number(errnoName);
        String text = ErrnoModule.message(number);
        String msg = "[Errno " + number + "] " + text + (filename == null ? "" : ": " + Ops.repr(filename))
                + (filename2 == null ? "" : " -> " + Ops.repr(filename2));
        PyException e = new PyException(SUBCLASS.getOrDefault(errnoName, PyExc.OS_ERROR), msg);
        PyBaseException v = e.value();
        PyTuple args = PyTuple.steal(new PyObject[] {PyInt.of(number), PyStr.of(text)});
        v.setArgs(args);
        RefCount.decref(args);
        v.dictBorrowed().putName("errno", args.getBorrowed(0));
        v.dictBorrowed().putName("strerror", args.getBorrowed(1));
        v.dictBorrowed().putName("filename", filename == null ? PyNone.NONE : filename);
        v.dictBorrowed().putName("filename2", filename2 == null ? PyNone.NONE : filename2);
        return e;
    }

    /** The OSError for a failed Java I/O call on {@code filename} (may be null). */
    static PyException of(IOException x, PyObject filename) {
        return of(x, filename, null);
    }

    static PyException of(IOException x, PyObject filename, PyObject filename2) {
        String name = errnoName(x);
        if (name == null) {
            String m = x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage();
            return new PyException(PyExc.OS_ERROR, m + " (an I/O error this runtime could not map to an errno)");
        }
        return of(name, filename, filename2);
    }

    /** The errno name for a Java I/O failure, or null. */
    private static String errnoName(IOException x) {
        String m = x.getMessage() == null ? "" : x.getMessage();
        for (ErrnoModule.Code c : ErrnoModule.codes()) {
            if (m.endsWith("(" + c.message() + ")") || m.endsWith(": " + c.message()) || m.equals(c.message())) {
                return c.names()[0].equals("EDEADLOCK") ? "EDEADLK" : c.names()[0];
            }
        }
        for (Map.Entry<Class<? extends IOException>, String> e : BY_CLASS.entrySet()) {
            if (e.getKey().isInstance(x)) {
                return e.getValue();
            }
        }
        return null;
    }
}
