package org.gilectomy.bench.harness;

import java.util.List;

/**
 * How a child ended.
 *
 * @param command    its command line, for error messages
 * @param exitStatus its exit status (meaningless if timed out)
 * @param timedOut   whether the harness killed it at its time limit
 * @param stdout     what it printed on stdout
 * @param stderr     what it printed on stderr
 */
public record ChildOutcome(List<String> command, int exitStatus, boolean timedOut, String stdout, String stderr) {
    public boolean failed() {
        return timedOut || exitStatus != 0;
    }
}
