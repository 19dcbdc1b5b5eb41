package org.gilectomy.runtime.modules;

import java.io.IOException;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyType;

/**
 * OSError and its subclasses as CPython raises them for a failed system call:
 * {@code [Errno 2] No such file or directory: 'x'}, with Linux's errno numbers. Java reports
 * the failure as text (the operating system's strerror in parentheses), which is mapped back.
 */
final class OsErrors {
    private OsErrors() {
    }

    /** Linux's errno and CPython's subclass for each strerror text Java passes on. */
    private enum Errno {
        ENOENT(2, "No such file or directory", PyExc.FILE_NOT_FOUND_ERROR),
        EIO(5, "Input/output error", PyExc.OS_ERROR),
        EBADF(9, "Bad file descriptor", PyExc.OS_ERROR),
        EACCES(13, "Permission denied", PyExc.PERMISSION_ERROR),
        EEXIST(17, "File exists", PyExc.FILE_EXISTS_ERROR),
        ENOTDIR(20, "Not a directory", PyExc.NOT_A_DIRECTORY_ERROR),
        EISDIR(21, "Is a directory", PyExc.IS_A_DIRECTORY_ERROR),
        EINVAL(22, "Invalid argument", PyExc.OS_ERROR),
        ENOSPC(28, "No space left on device", PyExc.OS_ERROR),
        EROFS(30, "Read-only file system", PyExc.OS_ERROR),
        ENOTEMPTY(39, "Directory not empty", PyExc.OS_ERROR);

        final int number;
        final String text;
        final PyType type;

        Errno(int number, String text, PyType type) {
            this.number = number;
            this.text = text;
            this.type = type;
        }
    }

    /** {@code [Errno n] text: 'filename'} for errno {@code name} (filename may be null). */
    static PyException of(String errnoName, PyObject filename) {
        return make(Errno.valueOf(errnoName), filename);
    }

    private static PyException make(Errno e, PyObject filename) {
        String msg = "[Errno " + e.number + "] " + e.text + (filename == null ? "" : ": " + Ops.repr(filename));
        return new PyException(e.type, msg);
    }

    /** The OSError for a failed Java I/O call on {@code filename} (may be null). */
    static PyException of(IOException x, PyObject filename) {
        String m = x.getMessage() == null ? "" : x.getMessage();
        for (Errno e : Errno.values()) {
            if (m.endsWith("(" + e.text + ")") || m.equals(e.text)) {
                return make(e, filename);
            }
        }
        if (x instanceof java.nio.file.NoSuchFileException) {
            return make(Errno.ENOENT, filename);
        }
        if (x instanceof java.nio.file.FileAlreadyExistsException) {
            return make(Errno.EEXIST, filename);
        }
        if (x instanceof java.nio.file.AccessDeniedException) {
            return make(Errno.EACCES, filename);
        }
        if (x instanceof java.nio.file.DirectoryNotEmptyException) {
            return make(Errno.ENOTEMPTY, filename);
        }
        if (x instanceof java.nio.file.NotDirectoryException) {
            return make(Errno.ENOTDIR, filename);
        }
        return new PyException(PyExc.OS_ERROR, m + " (an I/O error this runtime could not map to an errno)");
    }
}
