package org.gilectomy.runtime.compile;

/**
 * The instruction set. An instruction is one int: {@code opcode | arg << 8} (arg unsigned, 24
 * bits). Stack effects are given as (before -- after), top of stack on the right, in the
 * comments; the table at the end ({@link #info}) is what the compiler and the eval loop read.
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
    public static final int BEFORE_WITH = 47;      // arg: 1 async  (mgr -- exit entered) __enter__ / __aenter__
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
    // except* (PEP 654): the handler keeps (orig, raised list, rest) below its operands.
    public static final int CHECK_EG_MATCH = 60;   // (rest type -- rest' match bool) match/rest None if none; handled = match
    public static final int PREP_RERAISE_STAR = 61; // (orig list -- result bool) result None if nothing leaves the try


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
    public static final int GET_AWAITABLE = 102;   // arg: 0 await, 1/2 after __aenter__/__aexit__ (o -- it) o itself if a coroutine, else o.__await__()
    public static final int ASYNC_GEN_WRAP = 103;  // (v -- w) an async generator's own yielded value, told apart from its awaits'
    public static final int GET_AITER = 104;       // (o -- ait) type(o).__aiter__(o)
    public static final int GET_ANEXT = 105;       // (ait -- ait aw) the awaitable of ait.__anext__()
    // 150..159: imports. IMPORT_NAME (above) pops CPython's operands: (level fromlist -- module).
    public static final int IMPORT_STAR = 150;     // (module -- ) binds its public names in the globals
    public static final int CALL_WITH_FRAME = 151; // arg: argc  (f a1..an -- r) CALL, giving globals()/eval() this frame

    // 160..169: the match statement (PEP 634), as CPython 3.11's opcodes of the same names.
    public static final int MATCH_SEQUENCE = 160;  //                           (subj -- subj bool)
    public static final int MATCH_MAPPING = 161;   //                           (subj -- subj bool)
    public static final int GET_LEN = 162;         //                           (o -- o len)
    public static final int MATCH_KEYS = 163;      //                           (subj keys -- subj keys values|None)
    public static final int MATCH_CLASS = 164;     // arg: positional count     (subj cls names -- attrs|None)
    public static final int COPY_DICT_WITHOUT_KEYS = 165; //                    (subj keys -- subj rest)

    /** A stack effect that depends on the argument (a count): the compiler passes it with the instruction. */
    public static final int BY_ARG = Integer.MIN_VALUE;
    private static final boolean HOT = true;
    private static final boolean COLD = false;

    /**
     * What the compiler and the eval loop know of one opcode, declared once, below: its name
     * (disassembly, errors), its stack effect when it falls through (the compiler's depth; a
     * jump's other path is the compiler's to adjust), and whether {@code Eval}'s switch runs it
     * (hot) or {@code ColdOpcodes} does (cold).
     */
    public record Info(String name, int stackEffect, boolean hot) {
    }

    private static final Info[] TABLE = new Info[256];

    private static void def(int op, String name, int stackEffect, boolean hot) {
        if (TABLE[op] != null) {
            throw new ExceptionInInitializerError("opcode " + op + " declared twice: " + TABLE[op].name() + ", " + name);
        }
        TABLE[op] = new Info(name, stackEffect, hot);
    }

    static {
        def(NOP, "NOP", 0, HOT);
        def(LOAD_CONST, "LOAD_CONST", 1, HOT);
        def(LOAD_FAST, "LOAD_FAST", 1, HOT);
        def(STORE_FAST, "STORE_FAST", -1, HOT);
        def(LOAD_GLOBAL, "LOAD_GLOBAL", 1, HOT);
        def(STORE_GLOBAL, "STORE_GLOBAL", -1, HOT);
        def(LOAD_ATTR, "LOAD_ATTR", 0, HOT);
        def(LOAD_METHOD, "LOAD_METHOD", 1, HOT);
        def(CALL_METHOD, "CALL_METHOD", BY_ARG, HOT);
        def(CALL, "CALL", BY_ARG, HOT);
        def(CALL_KW, "CALL_KW", BY_ARG, HOT);
        def(BINARY, "BINARY", -1, HOT);
        def(COMPARE, "COMPARE", -1, HOT);
        def(UNARY_NEGATIVE, "UNARY_NEGATIVE", 0, COLD);
        def(UNARY_POSITIVE, "UNARY_POSITIVE", 0, COLD);
        def(UNARY_INVERT, "UNARY_INVERT", 0, COLD);
        def(UNARY_NOT, "UNARY_NOT", 0, HOT);
        def(POP_TOP, "POP_TOP", -1, HOT);
        def(DUP_TOP, "DUP_TOP", 1, HOT);
        def(DUP_TOP_TWO, "DUP_TOP_TWO", 2, HOT);
        def(ROT_TWO, "ROT_TWO", 0, HOT);
        def(ROT_THREE, "ROT_THREE", 0, HOT);
        def(JUMP, "JUMP", 0, HOT);
        def(JUMP_BACKWARD, "JUMP_BACKWARD", 0, HOT);
        def(POP_JUMP_IF_FALSE, "POP_JUMP_IF_FALSE", -1, HOT);
        def(POP_JUMP_IF_TRUE, "POP_JUMP_IF_TRUE", -1, HOT);
        def(JUMP_IF_FALSE_OR_POP, "JUMP_IF_FALSE_OR_POP", -1, HOT);
        def(JUMP_IF_TRUE_OR_POP, "JUMP_IF_TRUE_OR_POP", -1, HOT);
        def(GET_ITER, "GET_ITER", 0, COLD);
        def(FOR_ITER, "FOR_ITER", 1, HOT);
        def(RETURN_VALUE, "RETURN_VALUE", -1, HOT);
        def(BUILD_LIST, "BUILD_LIST", BY_ARG, HOT);
        def(BUILD_TUPLE, "BUILD_TUPLE", BY_ARG, HOT);
        def(BUILD_MAP, "BUILD_MAP", BY_ARG, COLD);
        def(BUILD_SLICE, "BUILD_SLICE", BY_ARG, COLD);
        def(BINARY_SUBSCR, "BINARY_SUBSCR", -1, HOT);
        def(STORE_SUBSCR, "STORE_SUBSCR", -3, HOT);
        def(UNPACK_SEQUENCE, "UNPACK_SEQUENCE", BY_ARG, HOT);
        def(MAKE_FUNCTION, "MAKE_FUNCTION", 1, COLD);
        def(IMPORT_NAME, "IMPORT_NAME", -1, COLD);
        def(IMPORT_FROM, "IMPORT_FROM", 1, COLD);
        def(STORE_ATTR, "STORE_ATTR", -2, HOT);
        def(RAISE_VARARGS, "RAISE_VARARGS", BY_ARG, HOT);
        def(CHECK_EXC_MATCH, "CHECK_EXC_MATCH", 0, COLD);
        def(POP_EXCEPT, "POP_EXCEPT", -1, COLD);
        def(RERAISE, "RERAISE", -2, HOT);
        def(CLEANUP_RERAISE, "CLEANUP_RERAISE", -3, HOT);
        def(BEFORE_WITH, "BEFORE_WITH", 1, COLD);
        def(WITH_EXCEPT_START, "WITH_EXCEPT_START", 1, COLD);
        def(BUILD_CLASS, "BUILD_CLASS", BY_ARG, COLD);
        def(LOAD_NAME, "LOAD_NAME", 1, HOT);
        def(STORE_NAME, "STORE_NAME", -1, HOT);
        def(DELETE_NAME, "DELETE_NAME", 0, COLD);
        def(DELETE_FAST, "DELETE_FAST", 0, COLD);
        def(DELETE_GLOBAL, "DELETE_GLOBAL", 0, COLD);
        def(DELETE_SUBSCR, "DELETE_SUBSCR", -2, COLD);
        def(DELETE_ATTR, "DELETE_ATTR", -1, COLD);
        def(LOAD_ASSERTION_ERROR, "LOAD_ASSERTION_ERROR", 1, COLD);
        def(YIELD_VALUE, "YIELD_VALUE", 0, HOT);
        def(LOAD_SUPER, "LOAD_SUPER", -1, COLD);
        def(CHECK_EG_MATCH, "CHECK_EG_MATCH", 1, COLD);
        def(PREP_RERAISE_STAR, "PREP_RERAISE_STAR", 0, COLD);
        def(LOAD_DEREF, "LOAD_DEREF", 1, HOT);
        def(STORE_DEREF, "STORE_DEREF", -1, HOT);
        def(LOAD_CLOSURE, "LOAD_CLOSURE", 1, HOT);
        def(MAKE_FUNCTION_EX, "MAKE_FUNCTION_EX", BY_ARG, COLD);
        def(CALL_FUNCTION_EX, "CALL_FUNCTION_EX", BY_ARG, COLD);
        def(LIST_APPEND, "LIST_APPEND", -1, COLD);
        def(LIST_EXTEND, "LIST_EXTEND", -1, COLD);
        def(LIST_TO_TUPLE, "LIST_TO_TUPLE", 0, COLD);
        def(DICT_MERGE, "DICT_MERGE", -1, COLD);
        def(DICT_UPDATE, "DICT_UPDATE", -1, COLD);
        def(MAP_ADD, "MAP_ADD", -2, COLD);
        def(BUILD_SET, "BUILD_SET", BY_ARG, COLD);
        def(SET_ADD, "SET_ADD", -1, COLD);
        def(UNPACK_EX, "UNPACK_EX", BY_ARG, COLD);
        def(FORMAT_VALUE, "FORMAT_VALUE", BY_ARG, COLD);
        def(BUILD_STRING, "BUILD_STRING", BY_ARG, COLD);
        def(SET_UPDATE, "SET_UPDATE", -1, COLD);
        def(DELETE_DEREF, "DELETE_DEREF", 0, COLD);
        def(SEND, "SEND", 0, HOT);
        def(GET_YIELD_FROM_ITER, "GET_YIELD_FROM_ITER", 0, COLD);
        def(GET_AWAITABLE, "GET_AWAITABLE", 0, COLD);
        def(ASYNC_GEN_WRAP, "ASYNC_GEN_WRAP", 0, COLD);
        def(GET_AITER, "GET_AITER", 0, COLD);
        def(GET_ANEXT, "GET_ANEXT", 1, COLD);
        def(IMPORT_STAR, "IMPORT_STAR", -1, COLD);
        def(CALL_WITH_FRAME, "CALL_WITH_FRAME", BY_ARG, COLD);
        def(MATCH_SEQUENCE, "MATCH_SEQUENCE", 1, COLD);
        def(MATCH_MAPPING, "MATCH_MAPPING", 1, COLD);
        def(GET_LEN, "GET_LEN", 1, COLD);
        def(MATCH_KEYS, "MATCH_KEYS", 1, COLD);
        def(MATCH_CLASS, "MATCH_CLASS", -2, COLD);
        def(COPY_DICT_WITHOUT_KEYS, "COPY_DICT_WITHOUT_KEYS", 0, COLD);
    }

    /** The opcode's entry, or null for a number no opcode has. */
    public static Info info(int op) {
        return op >= 0 && op < TABLE.length ? TABLE[op] : null;
    }

    public static String name(int op) {
        Info i = info(op);
        return i != null ? i.name() : "OP_" + op;
    }

    /** The fixed stack effect of {@code op}, or {@link #BY_ARG}. */
    public static int stackEffect(int op) {
        return TABLE[op].stackEffect();
    }

    /** Whether {@code Eval}'s own switch runs {@code op}; the others go to {@code ColdOpcodes}. */
    public static boolean isHot(int op) {
        return TABLE[op].hot();
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
