package eu.eccp.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.indicators.IndicatorType;

/**
 * Checking a chunk's values together accepts and rejects exactly what checking each value on its own does (the
 * extractor asked for the value's type finds one indicator, written as the value), and gives the same canonical form.
 */
class CanonicalValuesTests {

	static final IndicatorExtractor EXTRACTOR = IndicatorExtractor.builder().build();

	static StixPatternReader.Observable o(String type, String value) {
		return new StixPatternReader.Observable(type, value);
	}

	/** The rule applied to one value on its own, as imports always did. */
	static ObservedIndicator alone(StixPatternReader.Observable o) {
		String value = o.value().strip();
		if (value.isEmpty() || value.length() > 2048) {
			return null;
		}
		if (o.type().equals("ASN") && !value.toUpperCase(java.util.Locale.ROOT).startsWith("AS")) {
			value = "AS" + value;
		}
		List<Indicator> found = EXTRACTOR.extract(value,
				ExtractionOptions.defaults().withTypes(EnumSet.of(IndicatorType.valueOf(o.type()))));
		if (found.size() != 1 || !found.get(0).original().strip().equalsIgnoreCase(value)) {
			return null;
		}
		return ObservedIndicator.of(found.get(0)).orElse(null);
	}

	@Test
	void acceptsAndRejectsWhatCheckingEachValueAloneDoes() {
		List<StixPatternReader.Observable> values = new ArrayList<>(List.of(
				o("URL", "https://bad-site.net/login"), o("URL", "not a url"), o("URL", "https://a.bad-site.net/ https://b.bad-site.net/"),
				o("URL", "hxxps://defanged[.]bad-site.net/x"), o("URL", "https://bad-site.net/line\nbreak"),
				o("URL", "  https://Padded.bad-site.net/  "), o("URL", ""), o("URL", "https://"),
				o("DOMAIN", "Bad-Site.NET"), o("DOMAIN", "bad-site"), o("DOMAIN", "two.bad-site.net three.bad-site.net"),
				o("IPV4", "192.0.2.7"), o("IPV4", "999.1.1.1"), o("IPV4", "192.0.2.7.5"), o("IPV6", "2001:DB8:0:0:0:0:0:1"),
				o("CIDR", "192.0.2.0/24"), o("EMAIL", "Mule.Account@Mail-Provider.NET"), o("EMAIL", "not-an-address"),
				o("EMAIL", "a@mail-provider.net,b@mail-provider.net"), o("SHA256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
				o("MD5", "d41d8cd98f00b204e9800998ecf8427"), o("BITCOIN", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
				o("PHONE", "+33612345678"), o("PHONE", "12"), o("IBAN", "FR7630006000011234567890189"), o("ASN", "64500")));
		for (int i = 0; i < 3_000; i++) {
			values.add(o("URL", i % 50 == 7 ? "https://broken " + i : "https://host-" + i + ".bad-site.net/p/" + i));
		}

		List<ObservedIndicator> checked = new CanonicalValues(EXTRACTOR).check(values);

		assertThat(checked).hasSize(values.size());
		for (int i = 0; i < values.size(); i++) {
			assertThat(checked.get(i)).as(values.get(i).toString()).isEqualTo(alone(values.get(i)));
		}
		assertThat(checked.get(0)).isNotNull();
		assertThat(checked.get(1)).isNull();
		assertThat(checked.get(2)).as("two addresses are not one value").isNull();
		assertThat(checked.get(16)).as("an e-mail address in canonical form")
			.satisfies(e -> assertThat(e.value()).isEqualTo("Mule.Account@mail-provider.net"));
		assertThat(checked.stream().filter(java.util.Objects::nonNull).count()).isGreaterThan(2_900);
	}
}
