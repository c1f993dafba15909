package eu.eccp.correlation;

import org.jspecify.annotations.Nullable;

/** An indicator in canonical form, as the indicators module gives it, with its warning list if benign. */
public record ObservedIndicator(String type, String value, @Nullable String benign) {
}
