package eu.eccp.statistics.web;

import eu.eccp.statistics.internal.StatisticsTable;

/** One line of the national figures page: the official figure with its source, and the platform's count beside it. */
public record NationalComparison(String country, String iccsCode, long recorded, String source,
		StatisticsTable.Figure platform) {
}
