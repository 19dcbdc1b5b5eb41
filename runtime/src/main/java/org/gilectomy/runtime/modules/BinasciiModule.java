package org.gilectomy.runtime.modules;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.gilectomy.objects.Args;
import org.gilectomy.objects.BytesLike;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyException;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyInt;
import org.gilectomy.objects.PyModule;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyType;
import org.gilectomy.runtime.interp.Params;

/**
 * CPython's {@code binascii} (what base64.py is built on): hex and base64 in both directions and
 * CRC-32, with CPython's lenient base64 decoding (characters outside the alphabet skipped, data
 * ending at complete padding) and its error messages. Stateless, so thread-safe.
 */
public final class BinasciiModule {
    static final PyType ERROR = PyType.ofModule("binascii", "Error", PyExc.VALUE_ERROR);
    static final PyType INCOMPLETE = PyType.ofModule("binascii", "Incomplete", PyExc.EXCEPTION);
    private static final String HEX = "0123456789abcdef";
    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            CRC_TABLE[n] = c;
        }
    }

    private BinasciiModule() {
    }

    public static PyModule module() {
        PyModule m = new PyModule("binascii");
        Defs.constant(m, "__doc__", PyStr.of("Conversion between binary data and ASCII"));
        m.set("Error", ERROR);
        m.set("Incomplete", INCOMPLETE);
        for (String name : new String[] {"hexlify", "b2a_hex"}) {
            Defs.def(m, name, (a, off, n, kw) -> {
                PyObject[] p = Params.bind(name, a, off, n, kw, 1, "data", "sep", "bytes_per_sep");
                return PyBytes.wrap(hexlify(BytesLike.content(p[0]), p[1], Params.optLong(p[2], 1)));
            });
        }
        for (String name : new String[] {"unhexlify", "a2b_hex"}) {
            Defs.def(m, name, (a, off, n, kw) -> {
                PyObject[] p = Params.bind(name, a, off, n, kw, 1, "hexstr");
                return PyBytes.wrap(unhexlify(ascii(p[0])));
            });
        }
        Defs.def(m, "b2a_base64", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("b2a_base64", a, off, n, kw, 1, "data", "newline");
            byte[] enc = Base64.getEncoder().encode(BytesLike.content(p[0]));
            boolean newline = p[1] == null || Ops.isTrue(p[1]);
            byte[] out = java.util.Arrays.copyOf(enc, enc.length + (newline ? 1 : 0));
            if (newline) {
                out[enc.length] = '\n';
            }
            return PyBytes.wrap(out);
        });
        Defs.def(m, "a2b_base64", (a, off, n, kw) -> {
            PyObject[] p = Params.bind("a2b_base64", a, off, n, kw, 1, "data", "strict_mode");
            if (p[1] != null && Ops.isTrue(p[1])) {
                throw PyExc.notImplemented("binascii.a2b_base64(strict_mode=True)");
            }
            return PyBytes.wrap(a2bBase64(ascii(p[0])));
        });
        Defs.def(m, "crc32", (a, off, n, kw) -> {
            Args.between("crc32", n, 1, 2, kw);
            long start = n == 2 ? Args.asLong(a[off + 1]) : 0;
            return PyInt.of(crc32(BytesLike.content(a[off]), (int) start) & 0xffffffffL);
        });
        return m;
    }

    private static PyException error(String message) {
        return new PyException(ERROR, message);
    }

    /** A bytes-like or ASCII-only str argument of the a2b functions. */
    private static byte[] ascii(PyObject o) {
        if (o instanceof PyStr s) {
            for (int i = 0; i < s.value.length(); i++) {
                if (s.value.charAt(i) > 127) {
                    throw PyExc.valueError("string argument should contain only ASCII characters");
                }
            }
            return s.value.getBytes(StandardCharsets.US_ASCII);
        }
        byte[] b = BytesLike.contentOrNull(o);
        if (b == null) {
            throw PyExc.typeError("argument should be bytes, buffer or ASCII string, not '" + o.type().name() + "'");
        }
        return b;
    }

    static int crc32(byte[] data, int start) {
        int c = ~start;
        for (byte b : data) {
            c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
        }
        return ~c;
    }

    private static byte[] hexlify(byte[] data, PyObject sepArg, long perSep) {
        byte sep = 0;
        if (sepArg != null) {
            byte[] s = sepArg instanceof PyStr str ? str.value.getBytes(StandardCharsets.UTF_8) : BytesLike.content(sepArg);
            if (s.length != 1) {
                throw PyExc.valueError("sep must be length 1.");
            }
            sep = s[0];
        }
        long group = Math.abs(perSep);
        boolean grouping = sepArg != null && group > 0 && data.length > 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 3);
        for (int i = 0; i < data.length; i++) {
            if (grouping && i > 0) {
                // groups are counted from the right for a positive bytes_per_sep, from the left for a negative one
                long fromStart = perSep < 0 ? i : data.length - i;
                if (fromStart % group == 0) {
                    out.write(sep);
                }
            }
            out.write(HEX.charAt(data[i] >> 4 & 0xf));
            out.write(HEX.charAt(data[i] & 0xf));
        }
        return out.toByteArray();
    }

    private static byte[] unhexlify(byte[] s) {
        if (s.length % 2 != 0) {
            throw error("Odd-length string");
        }
        byte[] out = new byte[s.length / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s[2 * i] & 0xff, 16);
            int lo = Character.digit(s[2 * i + 1] & 0xff, 16);
            if (hi < 0 || lo < 0 || (s[2 * i] & 0xff) > 127 || (s[2 * i + 1] & 0xff) > 127) {
                throw error("Non-hexadecimal digit found");
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    private static int base64Value(int c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    /** CPython's lenient decoding: characters outside the alphabet skipped; complete padding ends the data. */
    private static byte[] a2bBase64(byte[] s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length * 3 / 4);
        int quad = 0;
        int left = 0;
        int pads = 0;
        long dataChars = 0;
        for (byte raw : s) {
            int c = raw & 0xff;
            if (c == '=') {
                if (quad >= 2 && quad + ++pads >= 4) {
                    return out.toByteArray();
                }
                continue;
            }
            int v = base64Value(c);
            if (v < 0) {
                continue;
            }
            pads = 0;
            dataChars++;
            switch (quad) {
                case 0 -> {
                    left = v;
                    quad = 1;
                }
                case 1 -> {
                    out.write(left << 2 | v >> 4);
                    left = v & 0xf;
                    quad = 2;
                }
                case 2 -> {
                    out.write(left << 4 | v >> 2);
                    left = v & 3;
                    quad = 3;
                }
                default -> {
                    out.write(left << 6 | v);
                    quad = 0;
                }
            }
        }
        if (quad == 1) {
            throw error("Invalid base64-encoded string: number of data characters (" + dataChars
                    + ") cannot be 1 more than a multiple of 4");
        }
        if (quad != 0) {
            throw error("Incorrect padding");
        }
        return out.toByteArray();
    }
}
