package eu.eccp.correlation;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorType;

/** An indicator in canonical form, as the indicators module gives it, with its warning list if benign. */
public record ObservedIndicator(String type, String value, @Nullable String benign) {

	/** Payment cards correlate on the keyed hash of their number, never on the masked number. */
	public static final String PAYMENT_CARD_HASH = "PAYMENT_CARD_HASH";

	/**
	 * What an extracted indicator is correlated on: the indicator itself, or for a payment card the keyed hash
	 * of its number (nothing when the platform has no card key configured).
	 */
	public static Optional<ObservedIndicator> of(Indicator indicator) {
		if (indicator.type() == IndicatorType.PAYMENT_CARD) {
			Object keyed = indicator.details().get(Indicator.KEYED_HASH);
			return keyed == null ? Optional.empty()
					: Optional.of(new ObservedIndicator(PAYMENT_CARD_HASH, keyed.toString(), indicator.benign()));
		}
		return Optional.of(new ObservedIndicator(indicator.type().name(), indicator.value(), indicator.benign()));
	}
}
