package eu.eccp.correlation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What is known of an indicator's carriers before the current one joins: how many, the non-RED
 * countries (with counts), one cluster they all share, and, only when a fan-out of hits may be due,
 * the carriers themselves.
 */
final class Carriers {

	int count;
	@Nullable Long cluster;
	final Map<String, Integer> nonRedCountries = new HashMap<>();
	final List<IngestRecord> records = new ArrayList<>();

	void add(IngestRecord record) {
		count++;
		if (record.tlp().mayLeaveOwner()) {
			nonRedCountries.merge(record.country(), 1, Integer::sum);
		}
		records.add(record);
	}
}
