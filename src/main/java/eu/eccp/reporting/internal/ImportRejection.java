package eu.eccp.reporting.internal;

/** A row of a bulk file that was not imported: its line number and why. */
public record ImportRejection(long line, String reason) {
}
