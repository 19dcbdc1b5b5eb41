package org.gilectomy.runtime.modules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.BytesLike;
import org.gilectomy.objects.DataAttributes;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyNone;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyType;
import org.gilectomy.runtime.interp.Params;

/**
 * CPython's built-in hash modules behind {@code hashlib} ({@code _md5}, {@code _sha1},
 * {@code _sha256}, {@code _sha512}, {@code _sha3}, {@code _blake2}) on Java's MessageDigest.
 * The algorithms Java lacks (SHAKE, BLAKE2) are there by name, for hashlib's import, and raise
 * NotImplementedError when called.
 *
 * <pre>
 * Overview
 *
 * A hash object's MessageDigest is guarded by the object's own monitor: update, digest and
 * copy each hold it for the whole operation (digest works on a clone, so the object goes on),
 * so threads sharing one hash object each add whole chunks, as under CPython 3.13t's
 * per-object lock.
 * </pre>
 */
public final class HashModules {
    /** One algorithm: Python name, Java name, block size. */
    private record Algorithm(String name, String java, int blockSize, PyType type) {
    }

    private static final Map<String, String[]> MODULES = Map.of(
            "_md5", new String[] {"md5"}, "_sha1", new String[] {"sha1"},
            "_sha256", new String[] {"sha224", "sha256"}, "_sha512", new String[] {"sha384", "sha512"},
            "_sha3", new String[] {"sha3_224", "sha3_256", "sha3_384", "sha3_512"});
    private static final Map<String, Algorithm> ALGORITHMS = Map.ofEntries(
            algorithm("_md5", "md5", "MD5", 64), algorithm("_sha1", "sha1", "SHA-1", 64),
            algorithm("_sha256", "sha224", "SHA-224", 64), algorithm("_sha256", "sha256", "SHA-256", 64),
            algorithm("_sha512", "sha384", "SHA-384", 128), algorithm("_sha512", "sha512", "SHA-512", 128),
            algorithm("_sha3", "sha3_224", "SHA3-224", 144), algorithm("_sha3", "sha3_256", "SHA3-256", 136),
            algorithm("_sha3", "sha3_384", "SHA3-384", 104), algorithm("_sha3", "sha3_512", "SHA3-512", 72));

    private HashModules() {
    }

    private static Map.Entry<String, Algorithm> algorithm(String module, String name, String java, int block) {
        return Map.entry(name, new Algorithm(name, java, block, PyType.ofModule(module, name, PyType.OBJECT)));
    }

    static {
        for (Algorithm alg : ALGORITHMS.values()) {
            PyType t = alg.type;
            t.addMethod("update", (a, off, n, kw) -> {
                Args.exactly("update", n - 1, 1, kw);
                ((PyHash) a[off]).update(data(a[off + 1]));
                return PyNone.newRef();
            });
            t.addMethod("digest", (a, off, n, kw) -> {
                Args.exactly("digest", n - 1, 0, kw);
                return PyBytes.wrap(((PyHash) a[off]).digest());
            });
            t.addMethod("hexdigest", (a, off, n, kw) -> {
                Args.exactly("hexdigest", n - 1, 0, kw);
                return PyStr.of(HexFormat.of().formatHex(((PyHash) a[off]).digest()));
            });
            t.addMethod("copy", (a, off, n, kw) -> {
                Args.exactly("copy", n - 1, 0, kw);
                return ((PyHash) a[off]).copy();
            });
        }
    }

    /** The bytes to hash: CPython's TypeErrors for a str and for anything without the buffer API. */
    private static byte[] data(PyObject o) {
        if (o instanceof PyStr) {
            throw PyExc.typeError("Strings must be encoded before hashing");
        }
        byte[] b = BytesLike.contentOrNull(o);
        if (b == null) {
            throw PyExc.typeError("object supporting the buffer API required");
        }
        return b;
    }

    /** The module {@code name} ({@code _md5}, ...): its constructors. */
    public static PyModule module(String name) {
        PyModule m = new PyModule(name);
        if (name.equals("_blake2")) {
            for (String missing : new String[] {"blake2b", "blake2s"}) {
                unsupported(m, missing);
            }
            return m;
        }
        for (String alg : MODULES.get(name)) {
            Algorithm a = ALGORITHMS.get(alg);
            Defs.def(m, alg, (args, off, n, kw) -> {
                PyObject[] p = Params.bind(alg, args, off, n, kw, 0, "string", "usedforsecurity");
                byte[] initial = p[0] == null ? null : data(p[0]); // before the object: a TypeError leaves nothing
                PyHash h = new PyHash(a, newDigest(a));
                if (initial != null) {
                    h.update(initial);
                }
                return h;
            });
            if (!alg.startsWith("sha3_")) { // _sha3's names are the constructors
                m.set(alg.toUpperCase() + "Type", a.type);
            }
        }
        if (name.equals("_sha3")) {
            unsupported(m, "shake_128");
            unsupported(m, "shake_256");
        }
        return m;
    }

    private static void unsupported(PyModule m, String alg) {
        Defs.def(m, alg, (a, off, n, kw) -> {
            throw PyExc.notImplemented("the " + alg + " hash (Java has no " + alg + ")");
        });
    }

    private static MessageDigest newDigest(Algorithm a) {
        try {
            return MessageDigest.getInstance(a.java);
        } catch (NoSuchAlgorithmException e) {
            throw PyExc.notImplemented("the " + a.name + " hash (this Java has no " + a.java + ")");
        }
    }

    /** A hash object: its algorithm and running digest (guarded by this object's monitor). */
    static final class PyHash extends PyObject implements DataAttributes {
        private final Algorithm algorithm;
        private final MessageDigest md;

        PyHash(Algorithm algorithm, MessageDigest md) {
            this.algorithm = algorithm;
            this.md = md;
        }

        @Override
        public PyType type() {
            return algorithm.type;
        }

        synchronized void update(byte[] b) {
            md.update(b);
        }

        synchronized byte[] digest() {
            try {
                return ((MessageDigest) md.clone()).digest();
            } catch (CloneNotSupportedException e) {
                throw PyExc.notImplemented("digest() of a " + algorithm.name + " hash (its Java digest cannot be copied)");
            }
        }

        synchronized PyHash copy() {
            try {
                return new PyHash(algorithm, (MessageDigest) md.clone());
            } catch (CloneNotSupportedException e) {
                throw PyExc.notImplemented("copy() of a " + algorithm.name + " hash (its Java digest cannot be copied)");
            }
        }

        @Override
        public PyObject getAttribute(String name) {
            return switch (name) {
                case "name" -> PyStr.of(algorithm.name);
                case "digest_size" -> PyInt.of(md.getDigestLength());
                case "block_size" -> PyInt.of(algorithm.blockSize);
                default -> null;
            };
        }
    }
}
