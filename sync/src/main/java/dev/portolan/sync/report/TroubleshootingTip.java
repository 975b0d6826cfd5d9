package dev.portolan.sync.report;

/**
 * One piece of advice about a resync, placed at what it concerns: a resource's stage, or the
 * reconciliation. The Sync Status shows it next to that stage.
 *
 * @param kindIdentifier the resource ({@code "{kind}-{index}"}); null for the reconciliation
 * @param stage          {@code fetch}, {@code map}, {@code ingest} or {@code reconciliation}
 * @param message        the advice, without the resource's name
 */
public record TroubleshootingTip(String kindIdentifier, String stage, String message) {

    /** The advice as one line that names its resource (the report's {@code tips}). */
    public String text() {
        return kindIdentifier == null ? message : "'" + kindIdentifier + "': " + message;
    }
}
