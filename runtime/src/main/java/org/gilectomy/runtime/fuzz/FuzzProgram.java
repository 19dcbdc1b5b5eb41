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
     * Formats floats with 12 significant digits (no repr) and everything else with repr, so
     * that the shortest-repr difference does not hide everything else that involves a float.
     */
    private static final String SHOW = """
            def fz_has_float(v):
                if type(v) is float:
                    return True
                if type(v) in (list, tuple, set, frozenset):
                    return any(fz_has_float(e) for e in v)
                if type(v) is dict:
                    return any(fz_has_float(k) or fz_has_float(e) for k, e in v.items())
                return False
            def fz_show(v):
                if not fz_has_float(v):
                    return repr(v)
                if type(v) is float:
                    return format(v, '.12g')
                if type(v) is list:
                    return '[' + ', '.join(fz_show(e) for e in v) + ']'
                if type(v) is tuple:
                    return '(' + ', '.join(fz_show(e) for e in v) + (',)' if len(v) == 1 else ')')
                if type(v) is dict:
                    return '{' + ', '.join(fz_show(k) + ': ' + fz_show(e) for k, e in v.items()) + '}'
                return '{' + ', '.join(fz_show(e) for e in v) + '}'
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
        if (avoid.contains(KnownDifference.FLOAT_REPR)) {
            sb.append(SHOW);
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
