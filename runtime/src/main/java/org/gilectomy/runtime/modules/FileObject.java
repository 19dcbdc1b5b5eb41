package org.gilectomy.runtime.modules;

import java.util.concurrent.locks.ReentrantLock;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Blocking;

/**
 * What the file objects {@code open()} returns share: the byte layer, the file's name and mode,
 * and the object's lock.
 *
 * <pre>
 * Overview
 *
 * lock: a ReentrantLock held for the whole of each operation, also across its blocking system
 * calls (taken with the GIL released), as CPython's buffered objects hold their own lock. A
 * thread that finds it taken waits through Blocking, with the GIL released and its critical
 * sections suspended, so the holder can take the GIL back and finish: never a deadlock
 * between this lock and the GIL. Re-entrant, so readlines can call readline.
 *
 * Field    access
 * stream   guarded by lock
 * name     final, owned (released at dealloc)
 * mode     final
 * </pre>
 */
abstract class FileObject extends IoBase {
    final FileStream stream;
    final PyObject name;
    final String mode;
    private final boolean readable;
    private final boolean writable;
    private final ReentrantLock lock = new ReentrantLock();

    /** Takes over the reference to {@code ownedName}. */
    FileObject(FileStream stream, PyObject ownedName, String mode, boolean readable, boolean writable) {
        this.stream = stream;
        this.name = ownedName;
        this.mode = mode;
        this.readable = readable;
        this.writable = writable;
    }

    @Override
    final void lock() {
        if (!lock.tryLock()) {
            Blocking.run(lock::lock);
        }
    }

    @Override
    final void unlock() {
        lock.unlock();
    }

    @Override
    final boolean isClosed() {
        return stream.isClosed();
    }

    @Override
    final boolean readable() {
        return readable;
    }

    @Override
    final boolean writable() {
        return writable;
    }

    @Override
    void closeLocked() {
        if (isClosed()) {
            return;
        }
        flushLocked();
        stream.close();
    }

    @Override
    public PyObject getAttribute(String attr) {
        switch (attr) {
            case "name":
                RefCount.incref(name);
                return name;
            case "mode":
                return PyStr.of(mode);
            default:
                return super.getAttribute(attr);
        }
    }

    @Override
    protected void dealloc() {
        // As CPython's finalizer: what was written reaches the file. No lock: nobody else holds
        // the object, and this may run on a thread with no Python state.
        try {
            stream.closeFreeing();
        } catch (org.gilectomy.objects.PyException e) {
            e.release();
        }
        RefCount.decref(name);
    }
}
