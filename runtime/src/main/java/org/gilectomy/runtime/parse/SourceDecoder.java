package org.gilectomy.runtime.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of a source file from its bytes, as CPython 3.11 reads a script: UTF-8 unless a
 * PEP 263 declaration ({@code # -*- coding: latin-1 -*-}, {@code # coding=...}) on line 1, or
 * on line 2 after a comment or blank line 1, names another encoding; a UTF-8 byte-order mark is
 * dropped. Bytes that do not decode are a SyntaxError with CPython's message.
 *
 * <p>One difference: where a file declares UTF-8 and still has a bad byte, CPython reports it
 * per token (ignoring comments, counting the position inside the token); here the whole file is
 * refused and the position counts from the start of the line.
 */
public final class SourceDecoder {
    private SourceDecoder() {
    }

    /** {@code displayName}: the file as CPython names it in messages. */
    public static String decode(byte[] bytes, String displayName) throws PySyntaxError {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
        int start = bom ? 3 : 0;
        String declared = declaredEncoding(bytes, start);
        String normal = declared == null ? "utf-8" : normalName(declared);
        if (!normal.equals("utf-8")) {
            if (bom) {
                throw problem("encoding problem: " + normal + " with BOM");
            }
            Charset cs = charset(normal);
            if (cs == null) {
                throw problem("encoding problem: " + normal);
            }
            try {
                return strict(cs).decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            } catch (CharacterCodingException e) {
                throw problem("encoding problem: " + normal);
            }
        }
        CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = utf8.decode(in, out, true);
        if (!r.isError()) {
            r = utf8.flush(out);
        }
        if (r.isError()) {
            throw undecodable(bytes, in.position(), declared != null, displayName);
        }
        return out.flip().toString();
    }

    /** The name on a coding line among the first two, or null (PEP 263's rule, as CPython applies it). */
    private static String declaredEncoding(byte[] bytes, int start) {
        int lineStart = start;
        for (int line = 1; line <= 2 && lineStart < bytes.length; line++) {
            int end = lineStart;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            String text = new String(bytes, lineStart, end - lineStart, StandardCharsets.ISO_8859_1);
            String stripped = text.replaceFirst("^[ \t\f]*", "");
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return null; // code on line 1: line 2 is not looked at
            }
            int at = stripped.indexOf("coding");
            while (at >= 0) {
                int k = at + "coding".length();
                if (k < stripped.length() && (stripped.charAt(k) == ':' || stripped.charAt(k) == '=')) {
                    k++;
                    while (k < stripped.length() && (stripped.charAt(k) == ' ' || stripped.charAt(k) == '\t')) {
                        k++;
                    }
                    int nameStart = k;
                    while (k < stripped.length() && isNameChar(stripped.charAt(k))) {
                        k++;
                    }
                    if (k > nameStart) {
                        return stripped.substring(nameStart, k);
                    }
                }
                at = stripped.indexOf("coding", at + 1);
            }
            lineStart = end < bytes.length && bytes[end] == '\r' && end + 1 < bytes.length && bytes[end + 1] == '\n' ? end + 2 : end + 1;
        }
        return null;
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    }

    /** CPython's spelling of the UTF-8 and Latin-1 families; any other name as written. */
    private static String normalName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("utf-8") || n.startsWith("utf-8-")) {
            return "utf-8";
        }
        for (String latin1 : new String[] {"latin-1", "iso-8859-1", "iso-latin-1"}) {
            if (n.equals(latin1) || n.startsWith(latin1 + "-")) {
                return "iso-8859-1";
            }
        }
        return name;
    }

    /** Java's charset for a Python codec name, trying its spellings with '-' and '_'; null if none. */
    private static Charset charset(String name) {
        for (String candidate : new String[] {name, name.replace('_', '-'), name.replace('-', '_')}) {
            try {
                return Charset.forName(candidate);
            } catch (IllegalArgumentException e) {
                // not this spelling
            }
        }
        return null;
    }

    private static CharsetDecoder strict(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static PySyntaxError problem(String message) {
        return new PySyntaxError("SyntaxError", message, null, 0, 0, null);
    }

    private static PySyntaxError undecodable(byte[] bytes, int at, boolean declaredUtf8, String displayName) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int b = bytes[at] & 0xff;
        if (!declaredUtf8) {
            return problem(String.format("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                    + "but no encoding declared; see https://peps.python.org/pep-0263/ for details", b, displayName, line));
        }
        String reason = b < 0xC2 || b > 0xF4 ? "invalid start byte"
                : at + 1 >= bytes.length ? "unexpected end of data" : "invalid continuation byte";
        int end = lineStart;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        String text = new String(bytes, lineStart, end - lineStart, StandardCharsets.UTF_8);
        return new PySyntaxError("SyntaxError", String.format("(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s",
                b, at - lineStart, reason), displayName, line, 0, text);
    }
}
