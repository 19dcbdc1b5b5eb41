package org.gilectomy.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A str indexes, measures and orders by code point whether or not it has surrogate pairs. */
class PyStrCodePointTest {
    @Test
    void bmpAndWideStringsIndexByCodePoint() {
        PyStr bmp = PyStr.of("h\u00e9llo\uffff");
        assertTrue(bmp.isBmp());
        assertEquals(6, bmp.length());
        assertEquals(0xffff, bmp.codePointAt(5));
        PyStr wide = PyStr.of("\uD83D\uDE00 ok\uD800\uDF48");
        assertFalse(wide.isBmp());
        assertEquals(5, wide.length());
        assertEquals(0x1F600, wide.codePointAt(0));
        assertEquals('k', wide.codePointAt(3));
        assertEquals(0x10348, wide.codePointAt(4));
        assertEquals(" ok", wide.substring(1, 4));
        assertEquals(2, wide.charIndex(1));
        assertEquals(3, wide.codePointIndex(4));
    }

    @Test
    void orderIsCodePointOrderAgainstARandomSort() {
        Random r = new Random(14);
        List<int[]> texts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int[] cps = new int[r.nextInt(4)];
            for (int k = 0; k < cps.length; k++) {
                int kind = r.nextInt(3); // ASCII, high BMP (U+E000..FFFF), astral
                cps[k] = kind == 0 ? 'a' + r.nextInt(3) : kind == 1 ? 0xE000 + r.nextInt(0x2000) : 0x10000 + r.nextInt(0x100);
            }
            texts.add(cps);
        }
        for (int[] x : texts) {
            for (int[] y : texts.subList(0, 50)) {
                int expected = Integer.signum(java.util.Arrays.compare(x, y));
                int got = Integer.signum(PyStr.compare(PyStr.of(new String(x, 0, x.length)), PyStr.of(new String(y, 0, y.length))));
                assertEquals(expected, got, java.util.Arrays.toString(x) + " vs " + java.util.Arrays.toString(y));
            }
        }
        List<String> sorted = new ArrayList<>();
        texts.forEach(t -> sorted.add(new String(t, 0, t.length)));
        Collections.sort(sorted); // UTF-16 order: differs, or the check above would prove nothing
        boolean differs = false;
        for (int i = 1; i < sorted.size(); i++) {
            differs |= PyStr.compare(PyStr.of(sorted.get(i - 1)), PyStr.of(sorted.get(i))) > 0;
        }
        assertTrue(differs, "the sample has no pair that UTF-16 order gets wrong");
    }

    @Test
    void reprEscapesWhatIsNotPrintable() {
        assertEquals("'\\x85\\u200b\\ue000\\U000e0001a\u00e9\u20ac\uD83D\uDE00'",
                PyStr.repr("\u0085\u200b\ue000\uDB40\uDC01a\u00e9\u20ac\uD83D\uDE00"));
    }
}
