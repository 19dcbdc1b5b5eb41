package org.gilectomy.objects;

/**
 * The iterator types CPython names, so {@code repr(iter(()))} is {@code <tuple_iterator object
 * at 0x...>} as there. Each derives from {@link PyIterator#TYPE}, whose table holds the
 * iterator protocol's methods ({@code __iter__}, {@code __next__}) for all of them.
 */
public final class IteratorTypes {
    public static final PyType LIST = of("list_iterator");
    public static final PyType LIST_REVERSE = of("list_reverseiterator");
    public static final PyType TUPLE = of("tuple_iterator");
    public static final PyType STR_ASCII = of("str_ascii_iterator");
    public static final PyType STR = of("str_iterator");
    public static final PyType BYTES = of("bytes_iterator");
    public static final PyType BYTEARRAY = of("bytearray_iterator");
    public static final PyType RANGE = of("range_iterator");
    public static final PyType SET = of("set_iterator");
    public static final PyType DICT_KEYS = of("dict_keyiterator");
    public static final PyType DICT_VALUES = of("dict_valueiterator");
    public static final PyType DICT_ITEMS = of("dict_itemiterator");
    public static final PyType DICT_REVERSE_KEYS = of("dict_reversekeyiterator");

    private IteratorTypes() {
    }

    private static PyType of(String name) {
        return new PyType(name, PyIterator.TYPE);
    }

    /** The type of an iterator over {@code s}'s characters: CPython tells ASCII strings apart. */
    public static PyType overStr(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return STR;
            }
        }
        return STR_ASCII;
    }
}
