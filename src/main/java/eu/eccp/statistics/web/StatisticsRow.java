package eu.eccp.statistics.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import eu.eccp.statistics.internal.StatisticsTable;

/** One table row of a statistics page: its label, its cells (two dimensions) and its total. */
public record StatisticsRow(String label, List<StatisticsTable.Figure> cells, StatisticsTable.@Nullable Figure total) {
}
