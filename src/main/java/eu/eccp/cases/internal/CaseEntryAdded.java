package eu.eccp.cases.internal;

import java.util.UUID;

import eu.eccp.cases.CaseId;

/**
 * Something that may carry indicators was added to a case: its summary ({@code SUMMARY}, id = the case),
 * a note or message ({@code ENTRY}) or a piece of evidence ({@code EVIDENCE}). Handled after commit through
 * the event publication registry, so a crash loses no correlation work.
 */
record CaseEntryAdded(CaseId caseId, String kind, UUID id) {

	static final String SUMMARY = "SUMMARY";
	static final String ENTRY = "ENTRY";
	static final String EVIDENCE = "EVIDENCE";
}
