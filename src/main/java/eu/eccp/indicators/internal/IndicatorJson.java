package eu.eccp.indicators.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import eu.eccp.indicators.Indicator;

/**
 * The one JSON shape of an indicator, shared by the API and the command line so that both print the same:
 * {@code type}, {@code value}, {@code original}, {@code offset}, {@code defanged}, {@code benign} (when on a
 * warning list), then the type-specific details as further fields.
 *
 * <p>{@link #appendLine} writes the same object as one line of JSON (RFC 8259) for the command line, which
 * prints hundreds of thousands of them: written directly rather than through Jackson's object mapper, whose
 * set-up alone (some 500 classes) cost the command a third of a second of CPU time on every run and whose
 * map serialisation was a tenth of its work per indicator. The API keeps serialising {@link #toMap}.
 */
public final class IndicatorJson {

	private static final String HEX = "0123456789ABCDEF";

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

	/** The JSON of {@link #toMap}, with a last field {@code file} when given, and a newline. */
	public static void appendLine(Indicator indicator, @Nullable String file, StringBuilder out) {
		out.append('{');
		boolean first = true;
		for (Map.Entry<String, Object> field : toMap(indicator).entrySet()) {
			first = field(out, first, field.getKey(), field.getValue());
		}
		if (file != null) {
			field(out, first, "file", file);
		}
		out.append("}\n");
	}

	private static boolean field(StringBuilder out, boolean first, String name, @Nullable Object value) {
		if (!first) {
			out.append(',');
		}
		string(out, name);
		out.append(':');
		value(out, value);
		return false;
	}

	private static void value(StringBuilder out, @Nullable Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Short) {
			out.append(value);
		}
		else if (value instanceof Number number) {
			double d = number.doubleValue();
			out.append(Double.isFinite(d) ? number.toString() : "null");
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				first = field(out, first, String.valueOf(entry.getKey()), entry.getValue());
			}
			out.append('}');
		}
		else if (value instanceof Collection<?> collection) {
			out.append('[');
			boolean first = true;
			for (Object element : collection) {
				if (!first) {
					out.append(',');
				}
				first = false;
				value(out, element);
			}
			out.append(']');
		}
		else {
			string(out, value.toString());
		}
	}

	/** A JSON string: quote, backslash and control characters escaped, as Jackson writes them. */
	private static void string(StringBuilder out, String s) {
		out.append('"');
		int length = s.length();
		for (int i = 0; i < length; i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20) {
						out.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}
}
