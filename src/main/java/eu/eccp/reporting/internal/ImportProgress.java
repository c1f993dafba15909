package eu.eccp.reporting.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import eu.eccp.reporting.ReportId;

/**
 * The counters of a running import and what it has seen so far in its file: organisation references, content
 * hashes of the reports it stored (duplicates within the file) and the routes it computed. Belongs to one
 * import's thread.
 */
final class ImportProgress {

	long rows;
	long accepted;
	long rejected;
	long queued;
	final Set<String> organisationReferences = new HashSet<>();
	final Map<String, ReportId> contentSeen = new HashMap<>();
	final Map<String, ReportRouting.Route> routes = new HashMap<>();

	/** Continues from what the job has committed (earlier chunks are in the database, so duplicates of them are found there). */
	ImportProgress(ImportJob job) {
		rows = job.rowsDone();
		accepted = job.accepted();
		rejected = job.rejected();
		queued = job.queued();
	}
}
