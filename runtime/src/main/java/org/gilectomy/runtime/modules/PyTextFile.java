package org.gilectomy.runtime.modules;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.gilectomy.objects.Ops;
import org.gilectomy.objects.PyBytes;
import org.gilectomy.objects.PyExc;
import org.gilectomy.objects.PyObject;
import org.gilectomy.objects.PyStr;
import org.gilectomy.objects.PyType;

/**
 * A file opened in text mode: CPython's {@code TextIOWrapper}. Bytes are decoded as they are read
 * (a chunk at a time, a character split across chunks carried over), kept undecorated in
 * {@code pending}, and translated ({@code newline=None}) as they are handed out, so that
 * {@code tell()} can count the bytes of what was handed out: it is the byte offset, as CPython's
 * cookie is for a decoder without state (UTF-8, ASCII, Latin-1).
 */
final class PyTextFile extends FileObject {
    static final PyType TYPE = PyType.ofModule("_io", "TextIOWrapper", IoBase.TYPE);

    private final String encoding;
    private final Charset charset;
    private final String newline;
    private final CharsetDecoder decoder;
    /** Decoded text not handed out yet starts at pos; offset is the byte offset of pending[pos]. */
    private final StringBuilder pending = new StringBuilder();
    private int pos;
    private long offset;
    private byte[] undecoded = new byte[0];
    private boolean eof;

    PyTextFile(FileStream stream, PyObject ownedName, String mode, boolean readable, boolean writable,
            String encoding, String newline) {
        super(stream, ownedName, mode, readable, writable);
        this.encoding = encoding;
        this.charset = PyBytes.charset(encoding);
        this.newline = newline;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    private boolean holdsReadAhead() {
        return pos < pending.length() || undecoded.length > 0 || eof;
    }

    private void dropReadAhead() {
        pending.setLength(0);
        pos = 0;
        undecoded = new byte[0];
        eof = false;
        decoder.reset();
    }

    /** Decodes one more chunk of the file into pending; sets eof at the end. */
    private void fill() {
        if (!holdsReadAhead()) {
            pending.setLength(0);
            pos = 0;
            offset = stream.tell();
        }
        byte[] chunk = stream.readChunk();
        boolean end = chunk.length == 0;
        byte[] in = undecoded.length == 0 ? chunk : concat(undecoded, chunk);
        ByteBuffer bb = ByteBuffer.wrap(in);
        CharBuffer cb = CharBuffer.allocate(in.length + 1);
        CoderResult r = decoder.decode(bb, cb, end);
        if (r.isError()) {
            int at = bb.position();
            throw new org.gilectomy.objects.PyException(PyExc.UNICODE_DECODE_ERROR, "'" + codecName()
                    + "' codec can't decode byte 0x" + String.format("%02x", in[at] & 0xff) + " in position " + at
                    + (codecName().equals("ascii") ? ": ordinal not in range(128)" : ": invalid start byte"));
        }
        if (end) {
            decoder.flush(cb);
            eof = true;
        }
        cb.flip();
        pending.append(cb);
        undecoded = java.util.Arrays.copyOfRange(in, bb.position(), in.length);
    }

    private String codecName() {
        return charset == StandardCharsets.US_ASCII ? "ascii" : charset == StandardCharsets.ISO_8859_1 ? "latin-1" : "utf-8";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Hands out pending[pos, end): counts its bytes, translates it. */
    private PyStr take(int end) {
        String raw = pending.substring(pos, end);
        pos = end;
        offset += byteLength(raw);
        if (pos > FileStream.BUFFER_SIZE) {
            pending.delete(0, pos);
            pos = 0;
        }
        return PyStr.of(newline == null ? Newlines.translateRead(raw) : raw);
    }

    private long byteLength(String s) {
        if (charset != StandardCharsets.UTF_8) {
            return s.length();
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 2 : 3; // a pair: 4 in all
        }
        return n;
    }

    private void checkReadable() {
        checkClosed();
        if (!readable()) {
            throw IoModule.unsupported("not readable");
        }
    }

    @Override
    PyObject readLocked(long n) {
        checkReadable();
        if (n < 0) {
            while (!eof) {
                fill();
            }
            return take(pending.length());
        }
        // n code points, a \r\n counting as one when translated: 4n+1 chars are always enough
        while (!eof && pending.length() - pos < 4 * n + 1) {
            fill();
        }
        int i = pos;
        for (long count = 0; count < n && i < pending.length(); count++) {
            char c = pending.charAt(i);
            i += (newline == null && c == '\r' && i + 1 < pending.length() && pending.charAt(i + 1) == '\n')
                    || Character.isHighSurrogate(c) ? 2 : 1;
        }
        return take(Math.min(i, pending.length()));
    }

    @Override
    PyObject readlineLocked(long limit) {
        checkReadable();
        while (true) {
            int end = Newlines.lineEnd(pending, pos, pending.length(), newline, eof);
            if (end >= 0 || eof) {
                if (limit >= 0 && pending.codePointCount(pos, end) > limit) {
                    end = pending.offsetByCodePoints(pos, (int) limit);
                }
                return take(end);
            }
            if (limit >= 0 && pending.length() - pos >= 2 * limit + 1) {
                return readLocked(limit);
            }
            fill();
        }
    }

    @Override
    long writeLocked(PyObject data) {
        checkClosed();
        if (!writable()) {
            throw IoModule.unsupported("not writable");
        }
        if (!(data instanceof PyStr s)) {
            throw PyExc.typeError("write() argument must be str, not " + data.type().name());
        }
        if (holdsReadAhead()) {
            long at = offset;
            dropReadAhead();
            stream.seek(at, 0);
        }
        PyBytes b = PyBytes.encode(Newlines.translateWrite(s.value, newline), encoding);
        try {
            stream.write(b.toByteArray());
        } finally {
            org.gilectomy.refcount.RefCount.decref(b);
        }
        return s.length();
    }

    @Override
    long seekLocked(long cookie, int whence) {
        checkClosed();
        switch (whence) {
            case 0:
                if (cookie < 0) {
                    throw PyExc.valueError("negative seek position " + cookie);
                }
                break;
            case 1:
                if (cookie != 0) {
                    throw IoModule.unsupported("can't do nonzero cur-relative seeks");
                }
                return tellLocked();
            case 2:
                if (cookie != 0) {
                    throw IoModule.unsupported("can't do nonzero end-relative seeks");
                }
                break;
            default:
                throw PyExc.valueError("invalid whence (" + whence + ", should be 0, 1 or 2)");
        }
        dropReadAhead();
        return stream.seek(cookie, whence);
    }

    @Override
    long tellLocked() {
        checkClosed();
        return holdsReadAhead() ? offset : stream.tell();
    }

    @Override
    void flushLocked() {
        checkClosed();
        stream.flush();
    }

    @Override
    public PyObject getAttribute(String attr) {
        return attr.equals("encoding") ? PyStr.of(encoding) : super.getAttribute(attr);
    }

    @Override
    public String toString() {
        return "<_io.TextIOWrapper name=" + Ops.repr(name) + " mode=" + PyStr.repr(mode) + " encoding="
                + PyStr.repr(encoding) + ">";
    }
}
