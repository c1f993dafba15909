package eu.eccp.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an indicator yields besides itself, and which of those values are too common to link anything. */
class RelatedValuesTests {

	final RelatedValues related = RelatedValues.builtIn();

	static RelatedValue value(IndicatorType type, String value, Relation relation) {
		return new RelatedValue(type, value, relation, null);
	}

	@Test
	void aUrlYieldsItsHostAndItsRegistrableDomain() {
		assertThat(related.of("URL", "https://secure-login-parcel.xyz/fr/track?id=1"))
			.containsExactly(value(IndicatorType.DOMAIN, "secure-login-parcel.xyz", Relation.HOST));
		assertThat(related.of("URL", "https://user@login.secure-login-parcel.co.uk:8443/de/verfolgen"))
			.containsExactly(value(IndicatorType.DOMAIN, "login.secure-login-parcel.co.uk", Relation.HOST),
					value(IndicatorType.DOMAIN, "secure-login-parcel.co.uk", Relation.REGISTRABLE_DOMAIN));
	}

	@Test
	void thePrivateSectionOfThePublicSuffixListMakesEachBlogItsOwnDomain() {
		assertThat(related.of("URL", "https://parcel-fr.blogspot.com/suivi"))
			.containsExactly(value(IndicatorType.DOMAIN, "parcel-fr.blogspot.com", Relation.HOST));
		assertThat(related.of("URL", "https://www.parcel-fr.github.io/"))
			.containsExactly(value(IndicatorType.DOMAIN, "www.parcel-fr.github.io", Relation.HOST),
					value(IndicatorType.DOMAIN, "parcel-fr.github.io", Relation.REGISTRABLE_DOMAIN));
		assertThat(related.of("URL", "https://github.io/")).as("a public suffix is nobody's domain").isEmpty();
	}

	@Test
	void aUrlOnAnIpAddressYieldsTheAddress() {
		assertThat(related.of("URL", "http://185.220.101.4:8080/panel"))
			.containsExactly(value(IndicatorType.IPV4, "185.220.101.4", Relation.HOST));
		assertThat(related.of("URL", "http://[2a00:1450:4001:82b::200e]/x"))
			.containsExactly(value(IndicatorType.IPV6, "2a00:1450:4001:82b::200e", Relation.HOST));
	}

	@Test
	void anEmailAddressYieldsItsDomainAndASubDomainItsRegistrableDomain() {
		assertThat(related.of("EMAIL", "Jean.Dupont@mail.colis-suivi.fr"))
			.containsExactly(value(IndicatorType.DOMAIN, "mail.colis-suivi.fr", Relation.EMAIL_DOMAIN),
					value(IndicatorType.DOMAIN, "colis-suivi.fr", Relation.REGISTRABLE_DOMAIN));
		assertThat(related.of("DOMAIN", "cdn.colis-suivi.fr"))
			.containsExactly(value(IndicatorType.DOMAIN, "colis-suivi.fr", Relation.REGISTRABLE_DOMAIN));
		assertThat(related.of("DOMAIN", "colis-suivi.fr")).isEmpty();
		assertThat(related.of("IPV4", "185.220.101.4")).isEmpty();
		assertThat(related.of("PAYMENT_CARD_HASH", "ab12")).isEmpty();
	}

	@Test
	void freeMailShortenersPlatformsAndSharedHostingAreTooCommonToLink() {
		assertThat(related.of("EMAIL", "scammer@gmx.de")).singleElement()
			.satisfies(v -> assertThat(v.benign()).isEqualTo("free-mail"));
		assertThat(related.of("EMAIL", "a.person@gmail.com")).singleElement()
			.satisfies(v -> assertThat(v.benign()).isNotNull());
		assertThat(related.of("URL", "https://bit.ly/3xYz")).singleElement()
			.satisfies(v -> assertThat(v.benign()).isEqualTo("url-shorteners"));
		assertThat(related.of("URL", "https://cdn.discordapp.com/attachments/1/2/invoice.exe"))
			.allSatisfy(v -> assertThat(v.benign()).isEqualTo("big-platforms"));
		List<RelatedValue> weebly = related.of("URL", "https://parcel-track.weebly.com/");
		assertThat(weebly).extracting(RelatedValue::value, RelatedValue::benign)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("parcel-track.weebly.com", null),
					org.assertj.core.groups.Tuple.tuple("weebly.com", "shared-hosting"));
		assertThat(related.of("URL", "https://x.example.com/a")).allSatisfy(v -> assertThat(v.benign()).isEqualTo("documentation"));
	}

	@Test
	void anAdministratorAddsTooCommonLists(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("regional-isps.txt"), "# our ISPs\n*.example-isp.eu\n");
		RelatedValues withList = RelatedValues.load(null, dir);
		assertThat(withList.of("EMAIL", "x@mx.isp-mail.example-isp.eu")).allSatisfy(v -> assertThat(v.benign()).isEqualTo("regional-isps"));
		assertThat(related.of("EMAIL", "x@mx.isp-mail.example-isp.eu")).allSatisfy(v -> assertThat(v.benign()).isNull());
	}
}
