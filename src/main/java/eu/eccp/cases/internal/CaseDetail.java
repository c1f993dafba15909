package eu.eccp.cases.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A case as one caller may see it: every list already filtered (other organisations' TLP:RED entries are
 * not there), with what the caller may do.
 */
public record CaseDetail(CaseFile file, Membership.@Nullable Status callerStatus, List<Membership> members,
		List<CaseLink> links, List<CaseTask> tasks, List<CaseEntry> notes, List<CaseEntry> messages,
		List<Evidence> evidence, List<CaseTimeline.Event> timeline, boolean canContribute, boolean isOwner) {

	/** Evidence files kept on their own (not attached to a message). */
	public List<Evidence> files() {
		return evidence.stream().filter(e -> e.entryId() == null).toList();
	}

	public long openTasks() {
		return tasks.stream().filter(t -> t.status() == CaseTask.Status.OPEN).count();
	}
}
