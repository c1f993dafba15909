package eu.eccp.sharing.internal;

/** Permissible Actions Protocol: what a recipient may do with what it receives (MISP taxonomy {@code PAP:*}). */
public enum Pap {
	CLEAR, GREEN, AMBER, RED;

	public String label() {
		return "PAP:" + name();
	}
}
