package org.gilectomy.runtime.compile;

/**
 * The instruction set. An instruction is one int: {@code opcode | arg << 8} (arg unsigned, 24
 * bits). Stack effects are given as (before -- after), top of stack on the right.
 */
public final class Opcode {
    private Opcode() {
    }

    public static final int NOP = 0;
    public static final int LOAD_CONST = 1;        // arg: const index          ( -- v)
    public static final int LOAD_FAST = 2;         // arg: local index          ( -- v)
    public static final int STORE_FAST = 3;        // arg: local index          (v -- )
    public static final int LOAD_GLOBAL = 4;       // arg: name index           ( -- v) globals, then builtins
    public static final int STORE_GLOBAL = 5;      // arg: name index           (v -- )
    public static final int LOAD_ATTR = 6;         // arg: name index           (o -- o.name)
    public static final int LOAD_METHOD = 7;       // arg: name index           (o -- meth self|null)
    public static final int CALL_METHOD = 8;       // arg: argc                 (meth self|null a1..an -- r)
    public static final int CALL = 9;              // arg: argc                 (f a1..an -- r)
    public static final int CALL_KW = 10;          // arg: argc incl. keywords  (f a1..an kwnames -- r)
    public static final int BINARY = 11;           // arg: BinaryOp ordinal     (a b -- a op b)
                                                   //   | BinaryOp.IN_PLACE for a op= b
    public static final int COMPARE = 12;          // arg: CompareOp ordinal    (a b -- bool)
    public static final int UNARY_NEGATIVE = 13;   //                           (a -- -a)
    public static final int UNARY_POSITIVE = 14;
    public static final int UNARY_INVERT = 15;
    public static final int UNARY_NOT = 16;
    public static final int POP_TOP = 17;
    public static final int DUP_TOP = 18;          // (a -- a a)
    public static final int DUP_TOP_TWO = 19;      // (a b -- a b a b)
    public static final int ROT_TWO = 20;          // (a b -- b a)
    public static final int ROT_THREE = 21;        // (a b c -- c a b)
    public static final int JUMP = 22;             // arg: target (forward)
    public static final int JUMP_BACKWARD = 23;    // arg: target; checks the eval breaker
    public static final int POP_JUMP_IF_FALSE = 24;
    public static final int POP_JUMP_IF_TRUE = 25;
    public static final int JUMP_IF_FALSE_OR_POP = 26;
    public static final int JUMP_IF_TRUE_OR_POP = 27;
    public static final int GET_ITER = 28;         // (o -- it)
    public static final int FOR_ITER = 29;         // arg: exit target          (it -- it v) or (it -- ) and jump
    public static final int RETURN_VALUE = 30;     // (v -- )
    public static final int BUILD_LIST = 31;       // arg: n
    public static final int BUILD_TUPLE = 32;      // arg: n
    public static final int BUILD_MAP = 33;        // arg: n pairs              (k1 v1 .. kn vn -- d)
    public static final int BUILD_SLICE = 34;      // arg: 3                    (lo hi step -- slice)
    public static final int BINARY_SUBSCR = 35;    // (o k -- o[k])
    public static final int STORE_SUBSCR = 36;     // (v o k -- )
    public static final int UNPACK_SEQUENCE = 37;  // arg: n                    (seq -- vn .. v1)
    public static final int MAKE_FUNCTION = 38;    // arg: const index of code  ( -- f)
    public static final int IMPORT_NAME = 39;      // arg: name index           (level fromlist -- module)
    public static final int IMPORT_FROM = 40;      // arg: name index           (m -- m m.name)
    public static final int STORE_ATTR = 41;       // arg: name index           (v o -- )

    // lang-a: exceptions, classes, with, generators, del, assert (42..69). A handler is entered
    // with (prev exc) pushed: the exception being handled before, or None, and the new one.
    public static final int RAISE_VARARGS = 42;    // arg: 0 re-raise, 1 (exc -- ), 2 (exc cause -- )
    public static final int CHECK_EXC_MATCH = 43;  // (exc type -- exc bool)
    public static final int POP_EXCEPT = 44;       // (prev -- ) the handled exception becomes prev again
    public static final int RERAISE = 45;          // (prev exc -- ) restores prev, throws exc again
    public static final int CLEANUP_RERAISE = 46;  // (prev x exc -- ) for exceptions inside a handler
    public static final int BEFORE_WITH = 47;      // (mgr -- exit entered)
    public static final int WITH_EXCEPT_START = 48; // (exit prev exc -- exit prev exc suppress)
    public static final int BUILD_CLASS = 49;      // arg: const index of body  (cell bases -- cls)
    public static final int LOAD_NAME = 50;        // arg: name index           ( -- v) class namespace, globals, builtins
    public static final int STORE_NAME = 51;       // arg: name index           (v -- )
    public static final int DELETE_NAME = 52;      // arg: name index
    public static final int DELETE_FAST = 53;      // arg: local index
    public static final int DELETE_GLOBAL = 54;    // arg: name index
    public static final int DELETE_SUBSCR = 55;    // (o k -- )
    public static final int DELETE_ATTR = 56;      // arg: name index           (o -- )
    public static final int LOAD_ASSERTION_ERROR = 57; // ( -- AssertionError)
    public static final int YIELD_VALUE = 58;      // (v -- sent)
    public static final int LOAD_SUPER = 59;       // (cell self -- super)

    /** The names of opcodes 42..69, apart so that other ranges can be added independently. */
    static final String[] NAMES_42 = {
        "RAISE_VARARGS", "CHECK_EXC_MATCH", "POP_EXCEPT", "RERAISE", "CLEANUP_RERAISE", "BEFORE_WITH",
        "WITH_EXCEPT_START", "BUILD_CLASS", "LOAD_NAME", "STORE_NAME", "DELETE_NAME", "DELETE_FAST",
        "DELETE_GLOBAL", "DELETE_SUBSCR", "DELETE_ATTR", "LOAD_ASSERTION_ERROR", "YIELD_VALUE", "LOAD_SUPER",
    };

    // 70..99: closures, argument unpacking, comprehensions, unpacking, f-strings (lang-b).
    // "depth" args count the stack items between the container and the popped operands.
    public static final int LOAD_DEREF = 70;       // arg: cell/free slot       ( -- v)
    public static final int STORE_DEREF = 71;      // arg: cell/free slot       (v -- )
    public static final int LOAD_CLOSURE = 72;     // arg: cell/free slot       ( -- cell)
    public static final int MAKE_FUNCTION_EX = 73; // arg: code const | flags<<16 (1 defaults, 2 kwdefaults, 4 closure)
                                                   //                           ([defaults] [kwdefaults] [closure] -- f)
    public static final int CALL_FUNCTION_EX = 74; // arg: 1 if a kwargs dict   (f argtuple [kwargs] -- r)
    public static final int LIST_APPEND = 75;      // arg: depth                (list .. v -- list ..)
    public static final int LIST_EXTEND = 76;      // arg: depth                (list .. iterable -- list ..)
    public static final int LIST_TO_TUPLE = 77;    //                           (list -- tuple)
    public static final int DICT_MERGE = 78;       // arg: depth; call kwargs   (f a d .. m -- f a d ..)
    public static final int DICT_UPDATE = 79;      // arg: depth; dict display  (d .. m -- d ..)
    public static final int MAP_ADD = 80;          // arg: depth                (d .. k v -- d ..)
    public static final int BUILD_SET = 81;        // arg: n
    public static final int SET_ADD = 82;          // arg: depth                (s .. v -- s ..)
    public static final int UNPACK_EX = 83;        // arg: before | after<<8    (seq -- v_last .. list .. v1)
    public static final int FORMAT_VALUE = 84;     // arg: conversion char | 0x100 if spec  (v [spec] -- str)
    public static final int BUILD_STRING = 85;     // arg: n                    (s1 .. sn -- s)

    // Added when lang-a and lang-b were merged: kept at the top of the range, away from both.
    public static final int SET_UPDATE = 98;       // arg: depth; {*a} display  (s .. iterable -- s ..)
    public static final int DELETE_DEREF = 99;     // arg: cell/free slot       ( -- ) empties the cell

    // 100..119: lang (yield from). SEND leaves the delegate below the value YIELD_VALUE yields,
    // which is how a suspended generator knows that throw() and close() go to the delegate.
    public static final int SEND = 100;            // arg: exit target          (it v -- it r), or (it v -- result) and jump
    public static final int GET_YIELD_FROM_ITER = 101; //                       (o -- it) iter(o), unwrapped for SEND
    public static final int GET_AWAITABLE = 102;   // (o -- it) o itself if a coroutine, else o.__await__()
    // 150..159: imports. IMPORT_NAME (above) pops CPython's operands: (level fromlist -- module).
    public static final int IMPORT_STAR = 150;     // (module -- ) binds its public names in the globals
    public static final int CALL_WITH_FRAME = 151; // arg: argc  (f a1..an -- r) CALL, giving globals()/eval() this frame

    /** Names of the opcodes in 100..119. */
    private static final String[] NAMES_100 = {"SEND", "GET_YIELD_FROM_ITER", "GET_AWAITABLE"};

    static final String[] NAMES = {
        "NOP", "LOAD_CONST", "LOAD_FAST", "STORE_FAST", "LOAD_GLOBAL", "STORE_GLOBAL", "LOAD_ATTR",
        "LOAD_METHOD", "CALL_METHOD", "CALL", "CALL_KW", "BINARY", "COMPARE", "UNARY_NEGATIVE",
        "UNARY_POSITIVE", "UNARY_INVERT", "UNARY_NOT", "POP_TOP", "DUP_TOP", "DUP_TOP_TWO", "ROT_TWO",
        "ROT_THREE", "JUMP", "JUMP_BACKWARD", "POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE",
        "JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP", "GET_ITER", "FOR_ITER", "RETURN_VALUE",
        "BUILD_LIST", "BUILD_TUPLE", "BUILD_MAP", "BUILD_SLICE", "BINARY_SUBSCR", "STORE_SUBSCR",
        "UNPACK_SEQUENCE", "MAKE_FUNCTION", "IMPORT_NAME", "IMPORT_FROM", "STORE_ATTR",
    };

    /** Names of the opcodes in 70..99. */
    private static final String[] NAMES_70 = {
        "LOAD_DEREF", "STORE_DEREF", "LOAD_CLOSURE", "MAKE_FUNCTION_EX", "CALL_FUNCTION_EX", "LIST_APPEND",
        "LIST_EXTEND", "LIST_TO_TUPLE", "DICT_MERGE", "DICT_UPDATE", "MAP_ADD", "BUILD_SET", "SET_ADD",
        "UNPACK_EX", "FORMAT_VALUE", "BUILD_STRING",
    };

    static String name(int op) {
        if (op < NAMES.length) {
            return NAMES[op];
        }
        if (op >= 42 && op - 42 < NAMES_42.length) {
            return NAMES_42[op - 42];
        }
        if (op >= 70 && op - 70 < NAMES_70.length) {
            return NAMES_70[op - 70];
        }
        if (op >= 100 && op - 100 < NAMES_100.length) {
            return NAMES_100[op - 100];
        }
        if (op == IMPORT_STAR || op == CALL_WITH_FRAME) {
            return op == IMPORT_STAR ? "IMPORT_STAR" : "CALL_WITH_FRAME";
        }
        if (op == SET_UPDATE || op == DELETE_DEREF) {
            return op == SET_UPDATE ? "SET_UPDATE" : "DELETE_DEREF";
        }
        return "OP_" + op;
    }

    public static int op(int insn) {
        return insn & 0xff;
    }

    public static int arg(int insn) {
        return insn >>> 8;
    }

    /** A readable listing, for tests and debugging. */
    public static String disassemble(int[] code) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < code.length; i++) {
            sb.append(String.format("%4d %-20s %d%n", i, name(op(code[i])), arg(code[i])));
        }
        return sb.toString();
    }
}
