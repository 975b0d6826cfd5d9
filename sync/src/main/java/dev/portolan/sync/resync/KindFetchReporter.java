package dev.portolan.sync.resync;

import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.spi.FetchReporter;

/** A fetcher's notes and figures for one resource: notes to the event log and the kind's report, figures to the report. */
final class KindFetchReporter implements FetchReporter {

    private final KindReport report;
    private final SyncEvents events;

    KindFetchReporter(KindReport report, SyncEvents events) {
        this.report = report;
        this.events = events;
    }

    @Override
    public void note(String message) {
        report.fetchNote(message);
        events.warn(report.kindIdentifier(), message);
    }

    @Override
    public void add(String name, long delta) {
        report.addFetchFigure(name, delta);
    }

    @Override
    public void set(String name, long value) {
        report.setFetchFigure(name, value);
    }
}
