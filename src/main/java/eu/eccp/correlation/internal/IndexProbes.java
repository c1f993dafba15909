package eu.eccp.correlation.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Correlation's statements look up a few keys (a batch's values, a search's values and their related ones) in
 * tables of millions of rows. Left to itself, PostgreSQL's planner sometimes merge-joined or hashed whole tables
 * for them (a relabel walked the entire cluster index; a search's related counts hashed every correlated record,
 * 100 ms at 300,000 records and 300 ms at a million), so that a statement's cost grew with the database rather
 * than with its keys. {@link #only} lets it probe indexes only, for the rest of the current transaction.
 */
final class IndexProbes {

	private IndexProbes() {
	}

	/** No sequential scans, merge or hash joins until the current transaction ends (it must be one). */
	static void only(JdbcClient jdbc) {
		jdbc.sql("""
				SELECT set_config('enable_seqscan', 'off', true), set_config('enable_mergejoin', 'off', true),
				  set_config('enable_hashjoin', 'off', true)""").query().singleRow();
	}
}
