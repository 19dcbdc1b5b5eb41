package org.gilectomy.runtime.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A batch of snippets as one Python program, and the way back from its output to each
 * snippet's. Each snippet is preceded by a marker line and wrapped in {@code try}: an exception
 * prints {@code !} and its type (and, for NotImplementedError, its message, so that "not
 * supported by this runtime" can be told apart from a wrong answer), and the next snippet runs.
 *
 * @param snippets the snippets, each a list of top-level statements
 * @param avoid    the known differences the snippets avoid (the preamble depends on it)
 */
public record FuzzProgram(List<List<String>> snippets, Set<KnownDifference> avoid) {
    /** Starts the line before snippet i's output; generated strings never contain it. */
    static final String MARKER = "@@fz ";
    /** What the runtime says about a construct it refuses (see the README's Python subset). */
    static final String UNSUPPORTED = "not supported by this runtime";

    /**
     * Prints values without what the avoided known differences would change: floats with 12
     * significant digits (no repr) when FZ_FLOAT, a set's items sorted when FZ_SET; everything
     * else, and any value holding neither, with repr.
     */
    private static final String SHOW = """
            def fz_plain(v):
                if type(v) is float:
                    return not FZ_FLOAT
                if type(v) in (set, frozenset):
                    return not FZ_SET and all(fz_plain(e) for e in v)
                if type(v) in (list, tuple):
                    return all(fz_plain(e) for e in v)
                if type(v) is dict:
                    return all(fz_plain(k) and fz_plain(e) for k, e in v.items())
                return True
            def fz_show(v):
                if fz_plain(v):
                    return repr(v)
                if type(v) is float:
                    return format(v, '.12g')
                if type(v) is list:
                    return '[' + ', '.join(fz_show(e) for e in v) + ']'
                if type(v) is tuple:
                    return '(' + ', '.join(fz_show(e) for e in v) + (',)' if len(v) == 1 else ')')
                if type(v) is dict:
                    return '{' + ', '.join(fz_show(k) + ': ' + fz_show(e) for k, e in v.items()) + '}'
                items = [fz_show(e) for e in v]
                if FZ_SET:
                    items.sort()
                return '{' + ', '.join(items) + '}' if items else 'set()'
            """;
    private static final String HANDLER = """
            def fz_exc(e):
                if type(e) is NotImplementedError:
                    print('!', type(e).__name__, e)
                else:
                    print('!', type(e).__name__)
            """;

    public FuzzProgram {
        snippets = List.copyOf(snippets);
        avoid = Set.copyOf(avoid);
    }

    /** The program text. */
    public String text() {
        StringBuilder sb = new StringBuilder("import math\n").append(HANDLER);
        boolean floats = avoid.contains(KnownDifference.FLOAT_REPR);
        boolean sets = avoid.contains(KnownDifference.SET_ORDER);
        if (floats || sets) {
            sb.append("FZ_FLOAT = ").append(floats ? "True" : "False").append('\n')
              .append("FZ_SET = ").append(sets ? "True" : "False").append('\n')
              .append(SHOW);
        }
        for (int i = 0; i < snippets.size(); i++) {
            sb.append("print('").append(MARKER).append(i).append("')\ntry:\n");
            for (String statement : snippets.get(i)) {
                sb.append("    ").append(statement.replace("\n", "\n    ")).append('\n');
            }
            sb.append("except Exception as e:\n    fz_exc(e)\n");
        }
        return sb.toString();
    }

    /** The same program with only snippet i, or with snippet i's statements replaced. */
    public FuzzProgram only(List<String> statements) {
        return new FuzzProgram(List.of(statements), avoid);
    }

    /**
     * Splits a program's stdout into each snippet's output; a snippet the program never reached
     * (it crashed or hung first) gets null.
     */
    public static List<String> split(String stdout, int count) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(null);
        }
        int current = -1;
        StringBuilder before = new StringBuilder();
        StringBuilder sb = before;
        for (String line : stdout.split("\n", -1)) {
            if (line.startsWith(MARKER)) {
                if (current >= 0) {
                    parts.set(current, sb.toString());
                }
                try {
                    current = Integer.parseInt(line.substring(MARKER.length()).strip());
                } catch (NumberFormatException e) {
                    current = -1;
                }
                sb = new StringBuilder();
                if (current < 0 || current >= count) {
                    current = -1;
                    sb = before;
                }
            } else {
                sb.append(line).append('\n');
            }
        }
        if (current >= 0) {
            parts.set(current, sb.toString());
        }
        return parts;
    }
}
