package org.gilectomy.runtime.modules.sre;

import java.util.Arrays;

/**
 * The matcher of {@code _sre}: interprets the code list that CPython 3.11's
 * {@code re/_compiler.py} emits, over a subject of code points (a str's, or a bytes object's
 * bytes as 0..255), and gives CPython's answers, including which groups keep which spans after
 * backtracking.
 *
 * <pre>
 * Overview
 *
 * One SreEngine is made per call (match, search, each step of findall/sub/split/a scanner) or
 * reused by one thread for the steps of one call: it holds all the mutable state of a match,
 * so a compiled pattern (its int[] code) is shared by any number of threads without locks.
 *
 * Backtracking without Java recursion: where the matcher would call itself (an alternative,
 * the tail after a repeat, a repeat's body, an assertion), it pushes a frame (Frame: where to
 * resume, and what the caller's loop needs: count, saved lastmark) on an explicit stack and
 * starts on the callee's code; when the callee ends, with success or failure, the frame is
 * popped and the caller resumes at the continuation named by the frame's kind. So the depth
 * of backtracking is bounded by memory, not by the Java stack: (a|b)* over 100,000
 * characters is 100,000 frames of a few words each. Saved group marks and the
 * zero-width-repeat guards go on a second stack of ints (saved), pushed and popped in the
 * same nesting as the frames.
 *
 * Groups: marks[2g] and marks[2g+1] are group g+1's start and end (-1: not set); only marks
 * up to lastmark are valid, so dropping lastmark forgets later groups at once.
 * </pre>
 */
public final class SreEngine {
    public static final int MAGIC = 20220615;
    public static final int CODESIZE = 4;
    public static final long MAXREPEAT = 0xFFFFFFFFL;
    public static final long MAXGROUPS = 0x3FFFFFFFL;

    // opcodes, in re/_constants.py's OPCODES order
    static final int FAILURE = 0, SUCCESS = 1, ANY = 2, ANY_ALL = 3, ASSERT = 4, ASSERT_NOT = 5, AT = 6,
            BRANCH = 7, CATEGORY = 8, CHARSET = 9, BIGCHARSET = 10, GROUPREF = 11, GROUPREF_EXISTS = 12,
            IN = 13, INFO = 14, JUMP = 15, LITERAL = 16, MARK = 17, MAX_UNTIL = 18, MIN_UNTIL = 19,
            NOT_LITERAL = 20, NEGATE = 21, RANGE = 22, REPEAT = 23, REPEAT_ONE = 24, SUBPATTERN = 25,
            MIN_REPEAT_ONE = 26, ATOMIC_GROUP = 27, POSSESSIVE_REPEAT = 28, POSSESSIVE_REPEAT_ONE = 29,
            GROUPREF_IGNORE = 30, IN_IGNORE = 31, LITERAL_IGNORE = 32, NOT_LITERAL_IGNORE = 33,
            GROUPREF_LOC_IGNORE = 34, IN_LOC_IGNORE = 35, LITERAL_LOC_IGNORE = 36, NOT_LITERAL_LOC_IGNORE = 37,
            GROUPREF_UNI_IGNORE = 38, IN_UNI_IGNORE = 39, LITERAL_UNI_IGNORE = 40, NOT_LITERAL_UNI_IGNORE = 41,
            RANGE_UNI_IGNORE = 42;

    // AT codes
    static final int AT_BEGINNING = 0, AT_BEGINNING_LINE = 1, AT_BEGINNING_STRING = 2, AT_BOUNDARY = 3,
            AT_NON_BOUNDARY = 4, AT_END = 5, AT_END_LINE = 6, AT_END_STRING = 7, AT_LOC_BOUNDARY = 8,
            AT_LOC_NON_BOUNDARY = 9, AT_UNI_BOUNDARY = 10, AT_UNI_NON_BOUNDARY = 11;

    /** Code the engine cannot interpret: CPython's "internal error in regular expression engine". */
    public static final class InternalError extends RuntimeException {
        InternalError() {
            super("internal error in regular expression engine", null, false, false);
        }
    }

    // frame kinds: where a finished callee returns to
    private static final int J_NONE = 0, J_BRANCH = 1, J_REPEAT_ONE_LIT = 2, J_REPEAT_ONE = 3, J_MIN_REPEAT_ONE = 4,
            J_REPEAT = 5, J_UNTIL_1 = 6, J_MAX_UNTIL_2 = 7, J_MAX_UNTIL_3 = 8,
            J_MIN_UNTIL_2 = 10, J_MIN_UNTIL_3 = 11, J_POSS_REPEAT_1 = 12, J_POSS_REPEAT_2 = 13,
            J_ATOMIC = 14, J_ASSERT = 15, J_ASSERT_NOT = 16;

    // what the main loop does next
    private static final int ENTER = 0, DISPATCH = 1, RETURN = 2, BRANCH_NEXT = 3, REPEAT_ONE_LIT_NEXT = 4,
            REPEAT_ONE_NEXT = 5, MIN_REPEAT_ONE_NEXT = 6, POSS_REPEAT_MIN = 7, POSS_REPEAT_MORE = 8;

    /** A repeat in progress (REPEAT ... MAX_UNTIL/MIN_UNTIL). */
    private static final class Repeat {
        long count;
        final int pc; // the REPEAT's argument words: skip, min, max, body
        final Repeat prev;
        int lastPtr = -1;

        Repeat(int pc, Repeat prev) {
            this.pc = pc;
            this.prev = prev;
        }
    }

    /** One suspended caller. */
    private static final class Frame {
        int kind;
        boolean toplevel;
        int pc;
        int ptr;
        long count;
        int chr;
        int lastmark;
        int lastindex;
        Repeat rep;
    }

    private final int[] code;
    private final int[] text;
    /** The subject ends here for matching (endpos). */
    private final int end;
    /** Where the current attempt started (state->start). */
    public int start;
    /** Current position; after a successful match, its end. */
    public int ptr;
    public boolean matchAll;
    public boolean mustAdvance;
    private final int[] marks;
    public int lastmark = -1;
    public int lastindex = -1;
    private Repeat repeat;

    private Frame[] frames = new Frame[16];
    private int depth;
    private int[] saved = new int[64];
    private int savedTop;

    /** A matcher of {@code code} (with {@code groups} groups) over {@code text[0 .. end)}. */
    public SreEngine(int[] code, int groups, int[] text, int end) {
        this.code = code;
        this.text = text;
        this.end = end;
        this.marks = new int[2 * groups + 2];
    }

    /** Forget the groups of the previous attempt (state_reset). */
    public void reset() {
        lastmark = -1;
        lastindex = -1;
        repeat = null;
        depth = 0;
        savedTop = 0;
    }

    /** Start of group g (1-based; 0 is the whole match is not kept here), or -1 if it did not match. */
    public int groupStart(int g) {
        int j = 2 * (g - 1);
        return j + 1 <= lastmark && marks[j] >= 0 && marks[j + 1] >= 0 ? marks[j] : -1;
    }

    public int groupEnd(int g) {
        int j = 2 * (g - 1);
        return j + 1 <= lastmark && marks[j] >= 0 && marks[j + 1] >= 0 ? marks[j + 1] : -1;
    }

    /** Pattern.match/fullmatch from {@link #start}: on success {@link #ptr} is the match's end. */
    public boolean match() {
        ptr = start;
        return run(0, true);
    }

    /** Pattern.search from {@link #start}: on success {@link #start} and {@link #ptr} delimit the match. */
    public boolean search() {
        int p = start;
        if (p > end) {
            return false;
        }
        long min = code[0] == INFO ? u(code[3]) : 0;
        if (min > end - p) {
            return false;
        }
        ptr = p;
        boolean ok = run(0, true);
        mustAdvance = false;
        if (!ok && code[0] == INFO && code[code[1] + 1] == AT) { // anchored at the start of the string
            int at = code[code[1] + 2];
            if (at == AT_BEGINNING || at == AT_BEGINNING_STRING) {
                start = ptr = end;
                return false;
            }
        }
        while (!ok && p < end) {
            p++;
            if (min > end - p) {
                break;
            }
            lastmark = -1;
            lastindex = -1;
            start = ptr = p;
            ok = run(0, false);
        }
        return ok;
    }

    private static long u(int word) {
        return word & 0xFFFFFFFFL;
    }

    private Frame push(int kind, boolean toplevel) {
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        Frame f = frames[depth];
        if (f == null) {
            f = frames[depth] = new Frame();
        }
        depth++;
        f.kind = kind;
        f.toplevel = toplevel;
        return f;
    }

    private void saveInt(int v) {
        if (savedTop == saved.length) {
            saved = Arrays.copyOf(saved, savedTop * 2);
        }
        saved[savedTop++] = v;
    }

    private void markPush(int lm) {
        if (lm >= 0) {
            int n = lm + 1;
            while (savedTop + n > saved.length) {
                saved = Arrays.copyOf(saved, saved.length * 2);
            }
            System.arraycopy(marks, 0, saved, savedTop, n);
            savedTop += n;
        }
    }

    /** Restores the marks saved by markPush(lm); pops them unless keep. */
    private void markPop(int lm, boolean keep) {
        if (lm >= 0) {
            int n = lm + 1;
            System.arraycopy(saved, savedTop - n, marks, 0, n);
            if (!keep) {
                savedTop -= n;
            }
        }
    }

    private void markDiscard(int lm) {
        if (lm >= 0) {
            savedTop -= lm + 1;
        }
    }

    private void lastmarkSave(Frame f) {
        f.lastmark = lastmark;
        f.lastindex = lastindex;
    }

    /** Before trying an alternative: lastmark kept in the frame, and inside a repeat the marks too (restored if it fails). */
    private void saveMarks(Frame f) {
        lastmarkSave(f);
        if (repeat != null) {
            markPush(f.lastmark);
        }
    }

    private void lastmarkRestore(Frame f) {
        lastmark = f.lastmark;
        lastindex = f.lastindex;
    }

    /**
     * Runs code from {@code pc0} at {@link #ptr}; true on success with {@link #ptr} at the end of
     * what matched. The structure follows CPython's matcher, with its calls made explicit.
     */
    private boolean run(int pc0, boolean toplevel0) {
        final int[] code = this.code;
        final int[] text = this.text;
        final int end = this.end;
        int base = depth;
        Frame ctx = push(J_NONE, toplevel0);
        int pc = pc0;
        int ptr = 0;
        boolean ret = false;
        int mode = ENTER;
        for (;;) {
            switch (mode) {
                case ENTER: {
                    ptr = this.ptr;
                    if (code[pc] == INFO) {
                        long min = u(code[pc + 3]);
                        if (min != 0 && ptr <= end && end - ptr < min) {
                            ret = false;
                            mode = RETURN;
                            continue;
                        }
                        pc += code[pc + 1] + 1;
                    }
                    mode = DISPATCH;
                    continue;
                }
                case DISPATCH: {
                    int op = code[pc++];
                    switch (op) {
                        case MARK: {
                            int i = code[pc];
                            if ((i & 1) != 0) {
                                lastindex = i / 2 + 1;
                            }
                            if (i > lastmark) {
                                for (int j = lastmark + 1; j < i; j++) {
                                    marks[j] = -1;
                                }
                                lastmark = i;
                            }
                            marks[i] = ptr;
                            pc++;
                            continue;
                        }
                        case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE:
                        case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE:
                        case NOT_LITERAL_LOC_IGNORE: case CATEGORY: case ANY: case ANY_ALL: {
                            if (ptr >= end || !one(pc - 1, text[ptr])) {
                                ret = false;
                                mode = RETURN;
                                continue;
                            }
                            ptr++;
                            pc += op == ANY || op == ANY_ALL ? 0 : 1;
                            continue;
                        }
                        case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE: {
                            if (ptr >= end || !one(pc - 1, text[ptr])) {
                                ret = false;
                                mode = RETURN;
                                continue;
                            }
                            ptr++;
                            pc += code[pc];
                            continue;
                        }
                        case SUCCESS: {
                            if (ctx.toplevel && ((matchAll && ptr != end) || (mustAdvance && ptr == start))) {
                                ret = false;
                            } else {
                                this.ptr = ptr;
                                ret = true;
                            }
                            mode = RETURN;
                            continue;
                        }
                        case FAILURE:
                            ret = false;
                            mode = RETURN;
                            continue;
                        case AT: {
                            if (!at(ptr, code[pc])) {
                                ret = false;
                                mode = RETURN;
                                continue;
                            }
                            pc++;
                            continue;
                        }
                        case JUMP: case INFO:
                            pc += code[pc];
                            continue;
                        case BRANCH: {
                            saveMarks(ctx);
                            mode = BRANCH_NEXT;
                            continue;
                        }
                        case REPEAT_ONE: {
                            long min = u(code[pc + 1]);
                            if (min > end - ptr) {
                                ret = false;
                                mode = RETURN;
                                continue;
                            }
                            int n = count(pc + 3, ptr, u(code[pc + 2]));
                            ctx.count = n;
                            ptr += n;
                            if (n < min) {
                                ret = false;
                                mode = RETURN;
                                continue;
                            }
                            int tail = pc + code[pc];
                            if (code[tail] == SUCCESS && ptr == end && !(ctx.toplevel && mustAdvance && ptr == start)) {
                                this.ptr = ptr;
                                ret = true;
                                mode = RETURN;
                                continue;
                            }
                            saveMarks(ctx);
                            if (code[tail] == LITERAL) {
                                ctx.chr = code[tail + 1];
                                mode = REPEAT_ONE_LIT_NEXT;
                            } else {
                                mode = REPEAT_ONE_NEXT;
                            }
                            continue;
                        }
                        case MIN_REPEAT_ONE: {
                            long min = u(code[pc + 1]);
                            if (min > end - ptr) {
                                ret = false;
                                mode = RETURN;
                                continue;
                            }
                            if (min == 0) {
                                ctx.count = 0;
                            } else {
                                int n = count(pc + 3, ptr, min);
                                if (n < min) {
                                    ret = false;
                                    mode = RETURN;
                                    continue;
                                }
                                ctx.count = n;
                                ptr += n;
                            }
                            if (code[pc + code[pc]] == SUCCESS
                                    && !(ctx.toplevel && ((matchAll && ptr != end) || (mustAdvance && ptr == start)))) {
                                this.ptr = ptr;
                                ret = true;
                                mode = RETURN;
                                continue;
                            }
                            saveMarks(ctx);
                            mode = MIN_REPEAT_ONE_NEXT;
                            continue;
                        }
                        case POSSESSIVE_REPEAT_ONE: {
                            long min = u(code[pc + 1]);
                            if (min > end - ptr) {
                                ret = false;
                                mode = RETURN;
                                continue;
                            }
                            int n = count(pc + 3, ptr, u(code[pc + 2]));
                            ptr += n;
                            if (n < min) {
                                ret = false;
                                mode = RETURN;
                                continue;
                            }
                            pc += code[pc];
                            if (code[pc] == SUCCESS && ptr == end && !(ctx.toplevel && mustAdvance && ptr == start)) {
                                this.ptr = ptr;
                                ret = true;
                                mode = RETURN;
                                continue;
                            }
                            continue;
                        }
                        case REPEAT: {
                            ctx.rep = new Repeat(pc, repeat);
                            ctx.rep.count = -1;
                            repeat = ctx.rep;
                            this.ptr = ptr;
                            ctx.pc = pc;
                            ctx.ptr = ptr;
                            ctx = push(J_REPEAT, ctx.toplevel);
                            pc = pc + code[pc];
                            mode = ENTER;
                            continue;
                        }
                        case MAX_UNTIL: case MIN_UNTIL: {
                            Repeat rp = repeat;
                            if (rp == null) {
                                throw new InternalError();
                            }
                            ctx.rep = rp;
                            this.ptr = ptr;
                            ctx.count = rp.count + 1;
                            if (ctx.count < u(code[rp.pc + 1])) { // too few items yet: one more, whatever follows
                                rp.count = ctx.count;
                                ctx = call(ctx, J_UNTIL_1, pc, ptr, ctx.toplevel);
                                pc = rp.pc + 3;
                                mode = ENTER;
                                continue;
                            }
                            if (op == MIN_UNTIL) { // lazy: the tail first
                                repeat = rp.prev;
                                saveMarks(ctx);
                                ctx = call(ctx, J_MIN_UNTIL_2, pc, ptr, ctx.toplevel);
                                mode = ENTER;
                                continue;
                            }
                            long max = u(code[rp.pc + 2]);
                            if ((ctx.count < max || max == MAXREPEAT) && this.ptr != rp.lastPtr) {
                                rp.count = ctx.count;
                                lastmarkSave(ctx);
                                markPush(ctx.lastmark);
                                saveInt(rp.lastPtr);
                                rp.lastPtr = this.ptr;
                                ctx = call(ctx, J_MAX_UNTIL_2, pc, ptr, ctx.toplevel);
                                pc = rp.pc + 3;
                                mode = ENTER;
                                continue;
                            }
                            repeat = rp.prev;
                            ctx = call(ctx, J_MAX_UNTIL_3, pc, ptr, ctx.toplevel);
                            mode = ENTER;
                            continue;
                        }
                        case POSSESSIVE_REPEAT: {
                            this.ptr = ptr;
                            ctx.count = 0;
                            mode = POSS_REPEAT_MIN;
                            continue;
                        }
                        case ATOMIC_GROUP: {
                            this.ptr = ptr;
                            ctx = call(ctx, J_ATOMIC, pc, ptr, false);
                            pc = pc + 1;
                            mode = ENTER;
                            continue;
                        }
                        case GROUPREF: case GROUPREF_IGNORE: case GROUPREF_UNI_IGNORE: case GROUPREF_LOC_IGNORE: {
                            int g = code[pc] * 2;
                            int p = g < lastmark ? marks[g] : -1;
                            int e = g < lastmark ? marks[g + 1] : -1;
                            if (p < 0 || e < 0 || e < p) {
                                ret = false;
                                mode = RETURN;
                                continue;
                            }
                            boolean same = true;
                            for (; p < e; p++, ptr++) {
                                if (ptr >= end || fold(op, text[ptr]) != fold(op, text[p])) {
                                    same = false;
                                    break;
                                }
                            }
                            if (!same) {
                                ret = false;
                                mode = RETURN;
                                continue;
                            }
                            pc++;
                            continue;
                        }
                        case GROUPREF_EXISTS: {
                            int g = code[pc] * 2;
                            boolean exists = g < lastmark && marks[g] >= 0 && marks[g + 1] >= 0 && marks[g + 1] >= marks[g];
                            pc += exists ? 2 : code[pc + 1];
                            continue;
                        }
                        case ASSERT: {
                            int back = code[pc + 1];
                            if (back < 0 || ptr < back) {
                                ret = false;
                                mode = RETURN;
                                continue;
                            }
                            this.ptr = ptr - back;
                            ctx = call(ctx, J_ASSERT, pc, ptr, false);
                            pc = pc + 2;
                            mode = ENTER;
                            continue;
                        }
                        case ASSERT_NOT: {
                            int back = code[pc + 1];
                            if (back >= 0 && ptr >= back) {
                                this.ptr = ptr - back;
                                saveMarks(ctx);
                                ctx = call(ctx, J_ASSERT_NOT, pc, ptr, false);
                                pc = pc + 2;
                                mode = ENTER;
                                continue;
                            }
                            pc += code[pc];
                            continue;
                        }
                        default:
                            throw new InternalError();
                    }
                }
                case BRANCH_NEXT: { // pc: the skip word of the next alternative to try
                    boolean jumped = false;
                    for (; code[pc] != 0; pc += code[pc]) {
                        int first = code[pc + 1];
                        if (first == LITERAL && (ptr >= end || text[ptr] != code[pc + 2])) {
                            continue;
                        }
                        if (first == IN && (ptr >= end || !charset(pc + 3, text[ptr]))) {
                            continue;
                        }
                        this.ptr = ptr;
                        ctx = call(ctx, J_BRANCH, pc, ptr, ctx.toplevel);
                        pc = pc + 1;
                        jumped = true;
                        break;
                    }
                    if (jumped) {
                        mode = ENTER;
                        continue;
                    }
                    if (repeat != null) {
                        markDiscard(ctx.lastmark);
                    }
                    ret = false;
                    mode = RETURN;
                    continue;
                }
                case REPEAT_ONE_LIT_NEXT: { // pc: the REPEAT_ONE's arguments; ctx.count items taken
                    long min = u(code[pc + 1]);
                    while (ctx.count >= min && (ptr >= end || text[ptr] != ctx.chr)) {
                        ptr--;
                        ctx.count--;
                    }
                    if (ctx.count < min) {
                        if (repeat != null) {
                            markDiscard(ctx.lastmark);
                        }
                        ret = false;
                        mode = RETURN;
                        continue;
                    }
                    this.ptr = ptr;
                    ctx = call(ctx, J_REPEAT_ONE_LIT, pc, ptr, ctx.toplevel);
                    pc = pc + code[pc];
                    mode = ENTER;
                    continue;
                }
                case REPEAT_ONE_NEXT: {
                    if (ctx.count < u(code[pc + 1])) {
                        if (repeat != null) {
                            markDiscard(ctx.lastmark);
                        }
                        ret = false;
                        mode = RETURN;
                        continue;
                    }
                    this.ptr = ptr;
                    ctx = call(ctx, J_REPEAT_ONE, pc, ptr, ctx.toplevel);
                    pc = pc + code[pc];
                    mode = ENTER;
                    continue;
                }
                case MIN_REPEAT_ONE_NEXT: {
                    long max = u(code[pc + 2]);
                    if (max != MAXREPEAT && ctx.count > max) {
                        if (repeat != null) {
                            markDiscard(ctx.lastmark);
                        }
                        ret = false;
                        mode = RETURN;
                        continue;
                    }
                    this.ptr = ptr;
                    ctx = call(ctx, J_MIN_REPEAT_ONE, pc, ptr, ctx.toplevel);
                    pc = pc + code[pc];
                    mode = ENTER;
                    continue;
                }
                case POSS_REPEAT_MIN: { // pc: the POSSESSIVE_REPEAT's arguments
                    if (ctx.count < u(code[pc + 1])) {
                        ctx = call(ctx, J_POSS_REPEAT_1, pc, ptr, false);
                        pc = pc + 3;
                        mode = ENTER;
                        continue;
                    }
                    ptr = -1; // differs from this.ptr, so the first extra attempt is made
                    mode = POSS_REPEAT_MORE;
                    continue;
                }
                case POSS_REPEAT_MORE: {
                    long max = u(code[pc + 2]);
                    if ((ctx.count < max || max == MAXREPEAT) && this.ptr != ptr) {
                        lastmarkSave(ctx);
                        markPush(ctx.lastmark);
                        ptr = this.ptr;
                        ctx = call(ctx, J_POSS_REPEAT_2, pc, ptr, false);
                        pc = pc + 3;
                        mode = ENTER;
                        continue;
                    }
                    pc += code[pc] + 1;
                    ptr = this.ptr;
                    mode = DISPATCH;
                    continue;
                }
                case RETURN: {
                    depth--;
                    int kind = ctx.kind;
                    if (depth == base) {
                        return ret;
                    }
                    ctx = frames[depth - 1];
                    pc = ctx.pc;
                    ptr = ctx.ptr;
                    mode = resume(kind, ctx, ret);
                    if (mode == RETURN) {
                        ret = resumeResult;
                    } else if (mode == DISPATCH_TAIL) {
                        pc = resumePc;
                        ptr = resumePtr;
                        mode = DISPATCH;
                    } else if (mode == CALL) {
                        ctx = frames[depth - 1];
                        pc = resumePc;
                        mode = ENTER;
                    } else { // a loop of the caller goes on, from the place resume() left in its frame
                        pc = ctx.pc;
                        ptr = ctx.ptr;
                    }
                    continue;
                }
                default:
                    throw new InternalError();
            }
        }
    }

    // results of resume() besides a loop mode
    private static final int DISPATCH_TAIL = 100, CALL = 101;
    private boolean resumeResult;
    private int resumePc;
    private int resumePtr;

    /** Saves the caller's place in {@code ctx} and pushes the callee's frame. */
    private Frame call(Frame ctx, int kind, int pc, int ptr, boolean toplevel) {
        ctx.pc = pc;
        ctx.ptr = ptr;
        return push(kind, toplevel);
    }

    /**
     * The continuation of the caller {@code ctx} (restored pc/ptr) after a callee of kind
     * {@code kind} ended with {@code ret}: returns the next mode, RETURN with resumeResult,
     * DISPATCH_TAIL with resumePc/resumePtr, or CALL (a new frame pushed, resumePc its code).
     */
    private int resume(int kind, Frame ctx, boolean ret) {
        int pc = ctx.pc;
        int ptr = ctx.ptr;
        switch (kind) {
            case J_BRANCH:
                if (ret) {
                    if (repeat != null) {
                        markDiscard(ctx.lastmark);
                    }
                    return succeed();
                }
                if (repeat != null) {
                    markPop(ctx.lastmark, true);
                }
                lastmarkRestore(ctx);
                ctx.pc = pc + code[pc];
                return BRANCH_NEXT;
            case J_REPEAT_ONE_LIT:
            case J_REPEAT_ONE:
                if (ret) {
                    if (repeat != null) {
                        markDiscard(ctx.lastmark);
                    }
                    return succeed();
                }
                if (repeat != null) {
                    markPop(ctx.lastmark, true);
                }
                lastmarkRestore(ctx);
                ctx.ptr = ptr - 1;
                ctx.count--;
                return kind == J_REPEAT_ONE ? REPEAT_ONE_NEXT : REPEAT_ONE_LIT_NEXT;
            case J_MIN_REPEAT_ONE: {
                if (ret) {
                    if (repeat != null) {
                        markDiscard(ctx.lastmark);
                    }
                    return succeed();
                }
                if (repeat != null) {
                    markPop(ctx.lastmark, true);
                }
                lastmarkRestore(ctx);
                this.ptr = ptr;
                if (count(pc + 3, ptr, 1) == 0) {
                    if (repeat != null) {
                        markDiscard(ctx.lastmark);
                    }
                    return fail();
                }
                ctx.ptr = ptr + 1;
                ctx.count++;
                return MIN_REPEAT_ONE_NEXT;
            }
            case J_REPEAT: {
                repeat = ctx.rep.prev;
                return ret ? succeed() : fail();
            }
            case J_UNTIL_1: {
                if (ret) {
                    return succeed();
                }
                ctx.rep.count = ctx.count - 1;
                this.ptr = ptr;
                return fail();
            }
            case J_MAX_UNTIL_2: {
                Repeat rp = ctx.rep;
                rp.lastPtr = saved[--savedTop];
                if (ret) {
                    markDiscard(ctx.lastmark);
                    return succeed();
                }
                markPop(ctx.lastmark, false);
                lastmarkRestore(ctx);
                rp.count = ctx.count - 1;
                this.ptr = ptr;
                repeat = rp.prev;
                push(J_MAX_UNTIL_3, ctx.toplevel);
                resumePc = pc;
                return CALL;
            }
            case J_MAX_UNTIL_3: {
                repeat = ctx.rep;
                if (ret) {
                    return succeed();
                }
                this.ptr = ptr;
                return fail();
            }
            case J_MIN_UNTIL_2: {
                Repeat rp = ctx.rep;
                Repeat ofTail = repeat;
                repeat = rp;
                if (ret) {
                    if (ofTail != null) {
                        markDiscard(ctx.lastmark);
                    }
                    return succeed();
                }
                if (ofTail != null) {
                    markPop(ctx.lastmark, false);
                }
                lastmarkRestore(ctx);
                this.ptr = ptr;
                long max = u(code[rp.pc + 2]);
                if ((ctx.count >= max && max != MAXREPEAT) || this.ptr == rp.lastPtr) {
                    return fail();
                }
                rp.count = ctx.count;
                saveInt(rp.lastPtr);
                rp.lastPtr = this.ptr;
                push(J_MIN_UNTIL_3, ctx.toplevel);
                resumePc = rp.pc + 3;
                return CALL;
            }
            case J_MIN_UNTIL_3: {
                Repeat rp = ctx.rep;
                rp.lastPtr = saved[--savedTop];
                if (ret) {
                    return succeed();
                }
                rp.count = ctx.count - 1;
                this.ptr = ptr;
                return fail();
            }
            case J_POSS_REPEAT_1:
                if (ret) {
                    ctx.count++;
                    return POSS_REPEAT_MIN;
                }
                this.ptr = ptr;
                return fail();
            case J_POSS_REPEAT_2:
                if (ret) {
                    markDiscard(ctx.lastmark);
                    ctx.count++;
                    return POSS_REPEAT_MORE;
                }
                markPop(ctx.lastmark, false);
                lastmarkRestore(ctx);
                this.ptr = ptr;
                resumePc = pc + code[pc] + 1;
                resumePtr = this.ptr;
                return DISPATCH_TAIL;
            case J_ATOMIC:
                if (!ret) {
                    this.ptr = ptr;
                    return fail();
                }
                resumePc = pc + code[pc];
                resumePtr = this.ptr;
                return DISPATCH_TAIL;
            case J_ASSERT:
                if (!ret) {
                    return fail();
                }
                resumePc = pc + code[pc];
                resumePtr = ptr;
                return DISPATCH_TAIL;
            case J_ASSERT_NOT:
                if (ret) {
                    if (repeat != null) {
                        markDiscard(ctx.lastmark);
                    }
                    return fail();
                }
                if (repeat != null) {
                    markPop(ctx.lastmark, false);
                }
                lastmarkRestore(ctx);
                resumePc = pc + code[pc];
                resumePtr = ptr;
                return DISPATCH_TAIL;
            default:
                throw new InternalError();
        }
    }

    private int succeed() {
        resumeResult = true;
        return RETURN;
    }

    private int fail() {
        resumeResult = false;
        return RETURN;
    }

    /** How many times the one-character item at {@code pc} matches from {@code from}, at most {@code max}. */
    private int count(int pc, int from, long max) {
        int stop = end;
        if (max != MAXREPEAT && max < end - from) {
            stop = from + (int) max;
        }
        int op = code[pc];
        int p = from;
        if (op == ANY_ALL) {
            return Math.max(0, stop - from);
        }
        while (p < stop && one(pc, text[p])) {
            p++;
        }
        return p - from;
    }

    /** Whether the one-character operation at {@code pc} accepts {@code ch}. */
    private boolean one(int pc, int ch) {
        int arg = code[pc + 1];
        switch (code[pc]) {
            case LITERAL: return ch == arg;
            case NOT_LITERAL: return ch != arg;
            case LITERAL_IGNORE: return SreChars.lowerAscii(ch) == arg;
            case NOT_LITERAL_IGNORE: return SreChars.lowerAscii(ch) != arg;
            case LITERAL_UNI_IGNORE: return SreChars.lowerUnicode(ch) == arg;
            case NOT_LITERAL_UNI_IGNORE: return SreChars.lowerUnicode(ch) != arg;
            case LITERAL_LOC_IGNORE: return locIgnore(arg, ch);
            case NOT_LITERAL_LOC_IGNORE: return !locIgnore(arg, ch);
            case CATEGORY: return SreChars.category(arg, ch);
            case ANY: return ch != '\n';
            case ANY_ALL: return true;
            case IN: return charset(pc + 2, ch);
            case IN_IGNORE: return charset(pc + 2, SreChars.lowerAscii(ch));
            case IN_UNI_IGNORE: return charset(pc + 2, SreChars.lowerUnicode(ch));
            case IN_LOC_IGNORE: {
                int lo = SreChars.lowerAscii(ch);
                if (charset(pc + 2, lo)) {
                    return true;
                }
                int up = SreChars.upperAscii(ch);
                return up != lo && charset(pc + 2, up);
            }
            default: throw new InternalError();
        }
    }

    private static boolean locIgnore(int pattern, int ch) {
        return ch == pattern || SreChars.lowerAscii(ch) == pattern || SreChars.upperAscii(ch) == pattern;
    }

    /** The case folding a back reference of kind {@code op} compares with. */
    private static int fold(int op, int ch) {
        switch (op) {
            case GROUPREF_IGNORE: case GROUPREF_LOC_IGNORE: return SreChars.lowerAscii(ch);
            case GROUPREF_UNI_IGNORE: return SreChars.lowerUnicode(ch);
            default: return ch;
        }
    }

    /** Whether the set at {@code pc} (ending with FAILURE) contains {@code ch}. */
    private boolean charset(int pc, int ch) {
        boolean ok = true;
        for (;;) {
            switch (code[pc]) {
                case FAILURE:
                    return !ok;
                case LITERAL:
                    if (ch == code[pc + 1]) {
                        return ok;
                    }
                    pc += 2;
                    break;
                case CATEGORY:
                    if (SreChars.category(code[pc + 1], ch)) {
                        return ok;
                    }
                    pc += 2;
                    break;
                case CHARSET:
                    if (ch < 256 && (code[pc + 1 + (ch >> 5)] & (1 << (ch & 31))) != 0) {
                        return ok;
                    }
                    pc += 1 + 8;
                    break;
                case RANGE:
                    if (u(code[pc + 1]) <= ch && ch <= u(code[pc + 2])) {
                        return ok;
                    }
                    pc += 3;
                    break;
                case RANGE_UNI_IGNORE: {
                    if (u(code[pc + 1]) <= ch && ch <= u(code[pc + 2])) {
                        return ok;
                    }
                    int up = SreChars.upperUnicode(ch);
                    if (u(code[pc + 1]) <= up && up <= u(code[pc + 2])) {
                        return ok;
                    }
                    pc += 3;
                    break;
                }
                case NEGATE:
                    ok = !ok;
                    pc++;
                    break;
                case BIGCHARSET: {
                    int blocks = code[pc + 1];
                    if (ch < 65536) {
                        int hi = ch >> 8;
                        int block = (code[pc + 2 + (hi >> 2)] >>> ((hi & 3) * 8)) & 0xff;
                        int bits = pc + 2 + 64 + block * 8;
                        int lo = ch & 255;
                        if ((code[bits + (lo >> 5)] & (1 << (lo & 31))) != 0) {
                            return ok;
                        }
                    }
                    pc += 2 + 64 + blocks * 8;
                    break;
                }
                default:
                    throw new InternalError();
            }
        }
    }

    private boolean at(int ptr, int atcode) {
        switch (atcode) {
            case AT_BEGINNING: case AT_BEGINNING_STRING:
                return ptr == 0;
            case AT_BEGINNING_LINE:
                return ptr == 0 || text[ptr - 1] == '\n';
            case AT_END:
                return ptr == end || (ptr + 1 == end && text[ptr] == '\n');
            case AT_END_LINE:
                return ptr == end || text[ptr] == '\n';
            case AT_END_STRING:
                return ptr == end;
            case AT_BOUNDARY: case AT_LOC_BOUNDARY: case AT_UNI_BOUNDARY:
            case AT_NON_BOUNDARY: case AT_LOC_NON_BOUNDARY: case AT_UNI_NON_BOUNDARY: {
                if (end == 0) {
                    return false;
                }
                boolean uni = atcode == AT_UNI_BOUNDARY || atcode == AT_UNI_NON_BOUNDARY;
                boolean before = ptr > 0 && word(uni, text[ptr - 1]);
                boolean here = ptr < end && word(uni, text[ptr]);
                boolean boundary = atcode == AT_BOUNDARY || atcode == AT_LOC_BOUNDARY || atcode == AT_UNI_BOUNDARY;
                return boundary ? before != here : before == here;
            }
            default:
                throw new InternalError();
        }
    }

    private static boolean word(boolean uni, int ch) {
        return uni ? SreChars.isUniWord(ch) : SreChars.isAsciiWord(ch);
    }
}
