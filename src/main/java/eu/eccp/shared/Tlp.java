package eu.eccp.shared;

import java.util.Locale;

/** Traffic Light Protocol 2.0 markings, from most to least restricted. */
@Labelled("tlp")
public enum Tlp {
	RED, AMBER_STRICT, AMBER, GREEN, CLEAR;

	/** The marking as written in TLP 2.0, e.g. {@code TLP:AMBER+STRICT}. */
	public String label() {
		return "TLP:" + name().replace("_STRICT", "+STRICT");
	}

	public static Tlp parse(String text) {
		String t = text.strip().toUpperCase(Locale.ROOT);
		if (t.startsWith("TLP:")) {
			t = t.substring(4);
		}
		if (t.equals("WHITE")) {
			return CLEAR;
		}
		return valueOf(t.replace("+", "_").replace('-', '_'));
	}

	/** Whether a record with this marking may be shown outside its owning organisation at all. */
	public boolean mayLeaveOwner() {
		return this != RED;
	}
}
