package org.gilectomy.bench.harness;

/** A child ended with a non-zero status, timed out, or wrote no usable timing file. */
public final class ChildFailedException extends Exception {
    private final transient ScheduledRun run;
    private final transient ChildOutcome outcome;

    public ChildFailedException(String message, ScheduledRun run, ChildOutcome outcome) {
        super(message);
        this.run = run;
        this.outcome = outcome;
    }

    public ScheduledRun run() {
        return run;
    }

    public ChildOutcome outcome() {
        return outcome;
    }
}
