package org.gilectomy.runtime.modules.sre;

/**
 * Character classes and case mappings of the regular-expression engine, by code point: the
 * ASCII ones (the default for bytes patterns and with {@code re.ASCII}), the Unicode ones
 * (str patterns) and the locale ones, which here are the C locale's (ASCII letters only), the
 * locale CPython's {@code re.LOCALE} sees under the {@code C}/{@code C.UTF-8} locales.
 */
public final class SreChars {
    private SreChars() {
    }

    // category codes, in re/_constants.py's CHCODES order
    static final int DIGIT = 0, NOT_DIGIT = 1, SPACE = 2, NOT_SPACE = 3, WORD = 4, NOT_WORD = 5,
            LINEBREAK = 6, NOT_LINEBREAK = 7, LOC_WORD = 8, LOC_NOT_WORD = 9, UNI_DIGIT = 10,
            UNI_NOT_DIGIT = 11, UNI_SPACE = 12, UNI_NOT_SPACE = 13, UNI_WORD = 14, UNI_NOT_WORD = 15,
            UNI_LINEBREAK = 16, UNI_NOT_LINEBREAK = 17;

    static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static boolean isAsciiAlnum(int c) {
        return isAsciiDigit(c) || (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    static boolean isAsciiWord(int c) {
        return isAsciiAlnum(c) || c == '_';
    }

    /** Python's {@code str.isdecimal} for one code point. */
    static boolean isUniDigit(int c) {
        return c < 128 ? isAsciiDigit(c) : Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /** Python's {@code str.isspace}: bidirectional whitespace, separators, and the C0 separators. */
    static boolean isUniSpace(int c) {
        if (c < 128) {
            return isAsciiSpace(c) || (c >= 0x1c && c <= 0x1f);
        }
        return c == 0x85 || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Python's {@code str.isalnum} for one code point, or the underscore. */
    static boolean isUniWord(int c) {
        if (c < 128) {
            return isAsciiWord(c);
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    static boolean isUniLinebreak(int c) {
        return (c >= '\n' && c <= '\r') || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    public static int lowerAscii(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    static int upperAscii(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    public static int lowerUnicode(int c) {
        return c < 128 ? lowerAscii(c) : Character.toLowerCase(c);
    }

    static int upperUnicode(int c) {
        return c < 128 ? upperAscii(c) : Character.toUpperCase(c);
    }

    public static boolean asciiIsCased(int c) {
        return c < 128 && (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    public static boolean unicodeIsCased(int c) {
        return c != lowerUnicode(c) || c != upperUnicode(c);
    }

    static boolean category(int code, int c) {
        switch (code) {
            case DIGIT: return isAsciiDigit(c);
            case NOT_DIGIT: return !isAsciiDigit(c);
            case SPACE: return isAsciiSpace(c);
            case NOT_SPACE: return !isAsciiSpace(c);
            case WORD: case LOC_WORD: return isAsciiWord(c);
            case NOT_WORD: case LOC_NOT_WORD: return !isAsciiWord(c);
            case LINEBREAK: return c == '\n';
            case NOT_LINEBREAK: return c != '\n';
            case UNI_DIGIT: return isUniDigit(c);
            case UNI_NOT_DIGIT: return !isUniDigit(c);
            case UNI_SPACE: return isUniSpace(c);
            case UNI_NOT_SPACE: return !isUniSpace(c);
            case UNI_WORD: return isUniWord(c);
            case UNI_NOT_WORD: return !isUniWord(c);
            case UNI_LINEBREAK: return isUniLinebreak(c);
            case UNI_NOT_LINEBREAK: return !isUniLinebreak(c);
            default: throw new SreEngine.InternalError();
        }
    }
}
