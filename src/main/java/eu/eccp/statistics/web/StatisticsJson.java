package eu.eccp.statistics.web;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a chart's figures as JSON for a {@code <script type="application/json">} element: {@code <}, {@code >} and
 * {@code &} are escaped so that no text of a figure can close the element.
 */
@Component("statisticsJson")
public class StatisticsJson {

	private final JsonMapper json = JsonMapper.builder().build();

	public String write(Object value) {
		return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}
}
