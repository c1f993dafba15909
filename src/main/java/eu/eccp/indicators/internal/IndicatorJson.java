package eu.eccp.indicators.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import eu.eccp.indicators.Indicator;

/**
 * The one JSON shape of an indicator, shared by the API and the command line so that both print the same:
 * {@code type}, {@code value}, {@code original}, {@code offset}, {@code defanged}, {@code benign} (when on a
 * warning list), then the type-specific details as further fields.
 */
public final class IndicatorJson {

	private IndicatorJson() {
	}

	public static Map<String, Object> toMap(Indicator indicator) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", indicator.type().name());
		json.put("value", indicator.value());
		json.put("original", indicator.original());
		json.put("offset", indicator.offset());
		json.put("defanged", indicator.defanged());
		if (indicator.benign() != null) {
			json.put("benign", indicator.benign());
		}
		indicator.details().forEach(json::putIfAbsent);
		return json;
	}
}
