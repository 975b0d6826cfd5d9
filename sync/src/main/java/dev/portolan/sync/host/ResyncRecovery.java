package dev.portolan.sync.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.ResyncLease;
import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.sync.report.SyncState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds resyncs that show {@code syncing} but run nowhere: their process died (a crash, a kill)
 * before it could finish their report. Such a resync runs neither in this process nor under a
 * live lease; its report is marked {@code aborted} with the reason. A resync is never resumed: the
 * scheduler starts a new one for an installation that has a schedule.
 */
final class ResyncRecovery {

    static final String REASON = "interrupted: the process running this resync stopped before it finished (a crash or a kill)";

    private static final Logger LOG = LoggerFactory.getLogger(ResyncRecovery.class);

    private final InstallationRepository repository;
    private final ResyncLauncher launcher;
    private final Clock clock;

    ResyncRecovery(InstallationRepository repository, ResyncLauncher launcher, Clock clock) {
        this.repository = repository;
        this.launcher = launcher;
        this.clock = clock;
    }

    /** Marks every interrupted resync aborted; returns their installations. */
    List<Installation> abortInterrupted() {
        List<Installation> interrupted = new ArrayList<>();
        for (SyncRecord record : repository.runningReports()) {
            Installation installation = repository.find(record.integration()).orElse(null);
            if (installation == null || installation.remote() || runsSomewhere(record)) continue;
            Instant now = clock.instant();
            ObjectNode report = record.report().deepCopy();
            report.put("state", SyncState.ABORTED.wire()).put("finishedAt", now.toString()).put("failure", REASON);
            if (repository.replaceRunningReport(new SyncRecord(record.integration(), record.resyncId(), SyncState.ABORTED.wire(),
                    record.startedAt(), now, report))) {
                LOG.warn("Resync {} of {} was {}; marked aborted", record.resyncId(), record.integration(), REASON);
                repository.appendEvents(List.of(new SyncEvent(record.integration(), record.resyncId(), now, "ERROR", null,
                        "resync " + record.resyncId() + " " + REASON + "; marked aborted")));
                interrupted.add(installation);
            }
        }
        return interrupted;
    }

    /** Whether the resync runs in this process, or in another one whose lease on it is still live. */
    private boolean runsSomewhere(SyncRecord record) {
        if (launcher.running(record.integration()).filter(r -> r.resyncId().equals(record.resyncId())).isPresent()) return true;
        Optional<ResyncLease> lease = launcher.leases().find(record.integration());
        return lease.isPresent() && lease.get().resyncId().equals(record.resyncId()) && !lease.get().expired(clock.instant());
    }
}
