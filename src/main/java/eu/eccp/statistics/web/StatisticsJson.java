package eu.eccp.statistics.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a chart's figures as JSON for a {@code <script type="application/json">} element: {@code <}, {@code >} and
 * {@code &} are escaped so that no text of a figure can close the element. Also writes minutes as days, hours and
 * minutes in the reader's language.
 */
@Component("statisticsJson")
public class StatisticsJson {

	private final JsonMapper json = JsonMapper.builder().build();
	private final MessageSource messages;

	StatisticsJson(MessageSource messages) {
		this.messages = messages;
	}

	public String minutes(@Nullable Double minutes) {
		if (minutes == null) {
			return "–";
		}
		long m = Math.max(0, Math.round(minutes));
		return messages.getMessage("statistics.duration", new Object[] { m / (24 * 60), m / 60 % 24, m % 60 },
				LocaleContextHolder.getLocale());
	}

	public String write(Object value) {
		return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}
}
