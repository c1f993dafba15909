package eu.eccp.blocklist;

import eu.eccp.shared.CallerContext;

/**
 * Proposing block-list entries: what takedown calls for an assessed item that was not removed (hosted
 * outside the EU, or past its deadline), and what the block list's own API and pages call for hotline
 * analysts, coordinators and block-list officers. A proposal is published only once another person with
 * the {@code BLOCKLIST_OFFICER} role approves it.
 */
public interface BlockListProposals {

	/**
	 * Records the proposal (audited). Fails with {@link eu.eccp.shared.InvalidRequestException} for an
	 * unacceptable field, {@link eu.eccp.shared.ConflictException} when the same expression is already live.
	 */
	EntryReference propose(CallerContext proposer, ProposedEntry entry);
}
