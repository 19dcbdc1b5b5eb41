package org.gilectomy.runtime.parse;

import java.util.Set;

/** Python 3.11's reserved words. Soft keywords ({@code match}, {@code case}, {@code _}) are ordinary names. */
final class Keywords {
    private static final Set<String> KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
            "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
            "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    private static final Set<String> SOFT_KEYWORDS = Set.of("match", "case", "_");

    private Keywords() {
    }

    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word);
    }

    static boolean isSoftKeyword(String word) {
        return SOFT_KEYWORDS.contains(word);
    }

    /**
     * CPython 3.11's test for a soft-keyword token compares only the token's length of characters,
     * so any prefix of one ("c", "ma", ...) passes; a diagnostic depends on that.
     */
    static boolean passesCPythonSoftKeywordTest(String word) {
        for (String soft : SOFT_KEYWORDS) {
            if (soft.startsWith(word)) {
                return true;
            }
        }
        return false;
    }
}
