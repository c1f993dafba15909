package eu.eccp.reporting;

import java.util.Objects;
import java.util.UUID;

public record ReportId(UUID value) {

	public ReportId {
		Objects.requireNonNull(value, "value");
	}

	public static ReportId random() {
		return new ReportId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
