package io.provergateway.devnet;

import java.io.PrintStream;

/**
 * Shows a devnet run on the terminal: one line per state change per batch, or a single progress bar redrawn in
 * place when attached to a TTY. Records every event in the {@link BatchTimeline} first.
 */
public final class ProgressReporter implements BatchEvents {
    private static final int BAR_WIDTH = 30;

    private final BatchTimeline timeline;
    private final PrintStream out;
    private final boolean tty;
    private final int expected;

    public ProgressReporter(BatchTimeline timeline, PrintStream out, boolean tty, int expected) {
        this.timeline = timeline;
        this.out = out;
        this.tty = tty;
        this.expected = expected;
    }

    @Override
    public synchronized void fetched(long n, long bytes) {
        boolean again = timeline.wasFetched(n);
        timeline.fetched(n, bytes);
        show("batch " + n + (again ? " fetched again (re-issued)" : " fetched") + " (" + SummaryTable.bytes(bytes)
                + ")");
    }

    @Override
    public synchronized void proven(long n, boolean skipped, long bytes) {
        timeline.proven(n, skipped, bytes);
        show("batch " + n + (skipped ? " proven (skipped)" : " proven (" + SummaryTable.bytes(bytes) + " proof)"));
    }

    @Override
    public synchronized void acknowledged(long n, boolean skipped, long bytes) {
        timeline.acknowledged(n, skipped, bytes);
        show("batch " + n + " acknowledged");
    }

    @Override
    public synchronized void rejected(long n, String reason) {
        timeline.rejected(n, reason);
        important("batch " + n + " rejected by the core: " + reason);
    }

    @Override
    public synchronized void failed(long n, String reason) {
        timeline.failed(n, reason);
        important("batch " + n + " FAILED: " + reason);
    }

    /** Ends the progress bar line, so that what follows starts on a fresh line. */
    public synchronized void finish() {
        if (tty) {
            out.println();
        }
    }

    private void show(String line) {
        if (tty) {
            out.print("\r" + bar());
        } else {
            out.println(line);
        }
        out.flush();
    }

    private void important(String line) {
        if (tty) {
            out.print("\r\033[2K" + line + "\n" + bar());
        } else {
            out.println(line);
        }
        out.flush();
    }

    private String bar() {
        int done = expected == 0 ? 0 : Math.min(BAR_WIDTH, timeline.acknowledgedCount() * BAR_WIDTH / expected);
        return "[" + "#".repeat(done) + ".".repeat(BAR_WIDTH - done) + "] fetched " + timeline.fetchedCount() + "/"
                + expected + "  proven " + timeline.provenCount() + "/" + expected + "  acknowledged "
                + timeline.acknowledgedCount() + "/" + expected;
    }
}
