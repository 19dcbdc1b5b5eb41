package org.gilectomy.bench.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header line, a rule, the rows; text columns left-aligned, the others
 * right-aligned; trailing blanks stripped. Shared by {@code compare} and the experiments.
 */
public final class TextTable {
    private final List<String> headers;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * @param headers the column titles
     * @param right   per column, whether it is right-aligned (numbers)
     */
    public TextTable(List<String> headers, boolean... right) {
        if (right.length != headers.size()) {
            throw new IllegalArgumentException(headers.size() + " headers but " + right.length + " alignments");
        }
        this.headers = List.copyOf(headers);
        this.right = right.clone();
    }

    public TextTable add(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + headers.size());
        }
        rows.add(cells.toArray(new String[0]));
        return this;
    }

    public String format() {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = headers.get(i).length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, headers.toArray(new String[0]), width, new boolean[width.length]);
        String[] rule = new String[width.length];
        for (int i = 0; i < width.length; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        appendRow(sb, rule, width, new boolean[width.length]);
        for (String[] row : rows) {
            appendRow(sb, row, width, right);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, String[] cells, int[] width, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(width[i] - cells[i].length());
            line.append(right[i] ? pad + cells[i] : cells[i] + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
