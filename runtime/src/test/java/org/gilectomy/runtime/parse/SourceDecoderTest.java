package org.gilectomy.runtime.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Source bytes to text as CPython 3.11 reads a script; messages are the ones python3 printed. */
class SourceDecoderTest {
    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String refusal(String latin1Bytes) {
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> SourceDecoder.decode(latin1(latin1Bytes), "/p/x.py"));
        assertNull(e.filename(), "an undecodable file has no location");
        return e.format();
    }

    @Test
    void utf8AndItsByteOrderMark() throws PySyntaxError {
        assertEquals("print('\u00e9')\n", SourceDecoder.decode("\uFEFFprint('\u00e9')\n".getBytes(StandardCharsets.UTF_8), "x"));
    }

    @Test
    void undeclaredNonUtf8NamesTheByteAndLine() {
        assertEquals("SyntaxError: Non-UTF-8 code starting with '\\xe9' in file /p/x.py on line 2, but no encoding "
                + "declared; see https://peps.python.org/pep-0263/ for details\n", refusal("x = 1\ns = 'caf\u00e9'\n"));
    }

    @Test
    void declarationsOnLineOneOrAfterACommentOrBlankLine() throws PySyntaxError {
        assertEquals("# -*- coding: latin-1 -*-\ns = 'caf\u00e9'\n",
                SourceDecoder.decode(latin1("# -*- coding: latin-1 -*-\ns = 'caf\u00e9'\n"), "x"));
        assertEquals("#!/usr/bin/env python3\n# vim: set fileencoding=cp1252 :\n'\u20ac'\n",
                SourceDecoder.decode(latin1("#!/usr/bin/env python3\n# vim: set fileencoding=cp1252 :\n'\u0080'\n"), "x"));
        assertEquals("\n# coding=latin1\n'\u00ff'\n", SourceDecoder.decode(latin1("\n# coding=latin1\n'\u00ff'\n"), "x"));
        // code on line 1: a coding comment on line 2 declares nothing
        assertEquals("SyntaxError: Non-UTF-8 code starting with '\\xe9' in file /p/x.py on line 3, but no encoding "
                + "declared; see https://peps.python.org/pep-0263/ for details\n", refusal("x = 1\n# coding: latin-1\n'\u00e9'\n"));
    }

    @Test
    void encodingProblems() {
        assertEquals("SyntaxError: encoding problem: foo\n", refusal("# coding: foo\nx = 1\n"));
        assertEquals("SyntaxError: encoding problem: ascii\n", refusal("# coding: ascii\n'\u00e9'\n"));
        assertEquals("SyntaxError: encoding problem: iso-8859-1 with BOM\n", refusal("\u00ef\u00bb\u00bf# coding: latin-1\nx = 1\n"));
    }
}
