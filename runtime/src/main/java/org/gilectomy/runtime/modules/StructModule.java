package org.gilectomy.runtime.modules;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.BytesLike;
import org.gilectomy.objects.DataAttributes;
import org.gilectomy.objects.PyByteArray;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyTuple;
import org.gilectomy.objects.PyType;
import org.gilectomy.runtime.interp.Params;

/**
 * CPython's {@code _struct} (Modules/_struct.c), behind {@code struct.py}: pack, unpack,
 * calcsize, pack_into, unpack_from, iter_unpack, the {@code Struct} type and {@code error}.
 * Compiled formats ({@link StructFormat}, immutable) are cached by format string, as CPython
 * caches its Struct objects; a Struct is immutable too, so any thread may use one.
 */
public final class StructModule {
    static final PyType STRUCT = PyType.ofModule("_struct", "Struct", PyType.OBJECT);
    static final PyType UNPACK_ITERATOR = PyType.ofModule("_struct", "unpack_iterator", PyType.OBJECT);
    /** CPython's cache limit: past it the cache starts again. */
    private static final int CACHE_MAX = 100;
    private static final ConcurrentHashMap<String, StructFormat> CACHE = new ConcurrentHashMap<>();

    private StructModule() {
    }

    static {
        STRUCT.constructor = (a, off, n, kw) -> {
            PyObject[] p = Params.bind("Struct", a, off, n, kw, 1, "format");
            return new PyStruct(compile(p[0]));
        };
        STRUCT.addMethod("pack", (a, off, n, kw) -> {
            Args.noKeywords("pack", kw);
            return pack(fmt(a[off]), a, off + 1, n - 1);
        });
        STRUCT.addMethod("unpack", (a, off, n, kw) -> {
            Args.exactly("unpack", n - 1, 1, kw);
            return unpack(fmt(a[off]), a[off + 1]);
        });
        STRUCT.addMethod("unpack_from", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("unpack_from", a, off + 1, n - 1, kw, 1, "buffer", "offset");
            return unpackFrom(fmt(a[off]), p[0], p[1]);
        });
        STRUCT.addMethod("pack_into", (a, off, n, kw) -> {
            Args.noKeywords("pack_into", kw);
            if (n < 3) {
                throw PyExc.typeError("pack_into expected buffer argument" + (n < 2 ? "" : " and offset argument"));
            }
            return packInto(fmt(a[off]), a[off + 1], a[off + 2], a, off + 3, n - 3);
        });
        STRUCT.addMethod("iter_unpack", (a, off, n, kw) -> {
            Args.exactly("iter_unpack", n - 1, 1, kw);
            return iterUnpack(fmt(a[off]), a[off + 1]);
        });
    }

    private static StructFormat fmt(PyObject self) {
        if (self instanceof PyStruct s) {
            return s.format;
        }
        throw PyExc.typeError("descriptor requires a '_struct.Struct' object but received a '" + self.type().name() + "'");
    }

    public static PyModule module() {
        PyModule m = new PyModule("_struct");
        Defs.constant(m, "__doc__", PyStr.of("Functions to convert between Python values and C structs.\n"
                + "Python bytes objects are used to hold the data representing the C struct\n"
                + "and also as format strings (explained below) to describe the layout of data\n"
                + "in the C struct.\n"));
        m.set("Struct", STRUCT);
        m.set("error", StructFormat.ERROR);
        Defs.def(m, "pack", (a, off, n, kw) -> {
            Args.noKeywords("pack", kw);
            if (n < 1) {
                throw PyExc.typeError("pack expected at least 1 argument, got 0");
            }
            return pack(compile(a[off]), a, off + 1, n - 1);
        });
        Defs.def(m, "unpack", (a, off, n, kw) -> {
            Args.exactly("unpack", n, 2, kw);
            return unpack(compile(a[off]), a[off + 1]);
        });
        Defs.def(m, "unpack_from", (a, off, n, kw) -> {
            if (n < 1) {
                throw PyExc.typeError("unpack_from() missing required argument 'format' (pos 1)");
            }
            PyObject[] p = Params.bind("unpack_from", a, off + 1, n - 1, kw, 1, "buffer", "offset");
            return unpackFrom(compile(a[off]), p[0], p[1]);
        });
        Defs.def(m, "pack_into", (a, off, n, kw) -> {
            Args.noKeywords("pack_into", kw);
            if (n < 3) {
                throw PyExc.typeError("pack_into expected at least 3 arguments, got " + n);
            }
            return packInto(compile(a[off]), a[off + 1], a[off + 2], a, off + 3, n - 3);
        });
        Defs.def(m, "iter_unpack", (a, off, n, kw) -> {
            Args.exactly("iter_unpack", n, 2, kw);
            return iterUnpack(compile(a[off]), a[off + 1]);
        });
        Defs.def(m, "calcsize", (a, off, n, kw) -> {
            Args.exactly("calcsize", n, 1, kw);
            return PyInt.of(compile(a[off]).size);
        });
        Defs.def(m, "_clearcache", (a, off, n, kw) -> {
            Args.exactly("_clearcache", n, 0, kw);
            CACHE.clear();
            return PyNone.newRef();
        });
        return m;
    }

    /** The compiled format of a str or bytes argument (cached). */
    static StructFormat compile(PyObject o) {
        String s;
        if (o instanceof PyStr str) {
            s = str.value;
        } else if (o instanceof PyBytes b) {
            s = new String(b.toByteArray(), StandardCharsets.ISO_8859_1);
        } else {
            throw PyExc.typeError("Struct() argument 1 must be a str or bytes object, not " + o.type().name());
        }
        StructFormat f = CACHE.get(s);
        if (f == null) {
            f = new StructFormat(s);
            if (CACHE.size() >= CACHE_MAX) {
                CACHE.clear();
            }
            CACHE.put(s, f);
        }
        return f;
    }

    private static PyObject pack(StructFormat f, PyObject[] a, int off, int n) {
        byte[] out = new byte[f.size];
        f.pack(a, off, n, out, 0);
        return PyBytes.wrap(out);
    }

    private static PyObject unpack(StructFormat f, PyObject buffer) {
        byte[] b = BytesLike.content(buffer);
        if (b.length != f.size) {
            throw StructFormat.error("unpack requires a buffer of " + f.size + " bytes");
        }
        return PyTuple.steal(f.unpack(b, 0));
    }

    private static PyObject unpackFrom(StructFormat f, PyObject buffer, PyObject offsetArg) {
        byte[] b = BytesLike.content(buffer);
        int offset = offset(f, Params.optLong(offsetArg, 0), b.length, "unpack_from", "unpacking");
        return PyTuple.steal(f.unpack(b, offset));
    }

    private static PyObject packInto(StructFormat f, PyObject buffer, PyObject offsetArg, PyObject[] a, int off, int n) {
        if (!(buffer instanceof PyByteArray target)) {
            throw PyExc.typeError("argument must be read-write bytes-like object, not " + buffer.type().name());
        }
        byte[] packed = new byte[f.size];
        f.pack(a, off, n, packed, 0); // values checked before the buffer is touched, as in CPython
        long offset = Args.asLong(offsetArg);
        target.update(content -> { // the check and the write in one step: the bytearray may be resized meanwhile
            System.arraycopy(packed, 0, content, offset(f, offset, content.length, "pack_into", "packing"), packed.length);
            return content;
        });
        return PyNone.newRef();
    }

    /** Where in a buffer of {@code length} bytes {@code offset} (from the end if negative) is, checked for f's size. */
    private static int offset(StructFormat f, long offset, int length, String fn, String doing) {
        long at = offset;
        if (at < 0) {
            if (at + length < 0) {
                throw StructFormat.error("offset " + at + " out of range for " + length + "-byte buffer");
            }
            at += length;
        }
        if (length - at < f.size) {
            throw StructFormat.error(fn + " requires a buffer of at least " + (f.size + at) + " bytes for " + doing + " "
                    + f.size + " bytes at offset " + at + " (actual buffer size is " + length + ")");
        }
        return (int) at;
    }

    private static PyObject iterUnpack(StructFormat f, PyObject buffer) {
        byte[] b = BytesLike.content(buffer);
        if (f.size == 0) {
            throw StructFormat.error("cannot iteratively unpack with a struct of length 0");
        }
        if (b.length % f.size != 0) {
            throw StructFormat.error("iterative unpacking requires a buffer of a multiple of " + f.size + " bytes");
        }
        int[] at = {0};
        return new ItertoolsIter(UNPACK_ITERATOR, new PyObject[0], () -> {
            if (at[0] >= b.length) {
                return null;
            }
            PyObject t = PyTuple.steal(f.unpack(b, at[0]));
            at[0] += f.size;
            return t;
        });
    }

    /** A {@code struct.Struct}: a compiled format, immutable. */
    static final class PyStruct extends PyObject implements DataAttributes {
        final StructFormat format;

        PyStruct(StructFormat format) {
            this.format = format;
        }

        @Override
        public PyType type() {
            return STRUCT;
        }

        @Override
        public PyObject getAttribute(String name) {
            return switch (name) {
                case "format" -> PyStr.of(format.format);
                case "size" -> PyInt.of(format.size);
                default -> null;
            };
        }
    }
}
