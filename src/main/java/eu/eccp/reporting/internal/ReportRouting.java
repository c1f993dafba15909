package eu.eccp.reporting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.ContentRouting;
import eu.eccp.reporting.Offence;

/**
 * Routes a report to the competent unit: the national unit of the first victim country that has one on the
 * platform (or the organisation an override names for that country), else that of the reporter's country of
 * residence, else the fallback organisation (by default the first EU body, e.g. Europol). Illegal content goes
 * to a hotline instead (see {@link #route(Offence, List, CountryCode)}).
 */
@Component
class ReportRouting {

	/** Where a report went, and why (kept with the report). */
	record Route(OrganisationId owner, String reason) {
	}

	private final Organisations organisations;
	private final ReportingProperties properties;
	private final ContentRouting content;

	ReportRouting(Organisations organisations, ReportingProperties properties, ContentRouting content) {
		this.organisations = organisations;
		this.properties = properties;
		this.content = content;
	}

	/**
	 * Illegal content goes to the hotline of the reporter's country (then the victim countries'), else that
	 * country's national unit, else the EU-level hotline ({@link ContentRouting}), else the fallback; everything
	 * else as {@link #route(List, CountryCode)}.
	 */
	Route route(Offence offence, List<CountryCode> victimCountries, CountryCode residence) {
		if (!offence.isIllegalContent()) {
			return route(victimCountries, residence);
		}
		List<CountryCode> countries = new ArrayList<>();
		if (residence != null) {
			countries.add(residence);
		}
		victimCountries.stream().filter(c -> !countries.contains(c)).forEach(countries::add);
		return content.handlerFor(countries).map(r -> new Route(r.handler(), r.reason())).orElseGet(this::fallback);
	}

	Route route(List<CountryCode> victimCountries, CountryCode residence) {
		List<CountryCode> candidates = new ArrayList<>(victimCountries);
		if (residence != null) {
			candidates.add(residence);
		}
		for (int i = 0; i < candidates.size(); i++) {
			CountryCode country = candidates.get(i);
			String basis = i < victimCountries.size() ? "victim-country:" : "residence-country:";
			Optional<OrganisationView> unit = unitFor(country);
			if (unit.isPresent()) {
				return new Route(unit.get().id(), basis + country);
			}
		}
		return fallback();
	}

	private Optional<OrganisationView> unitFor(CountryCode country) {
		String override = properties.routingOverrides().get(country.value());
		if (override != null) {
			return organisations.findByShortName(override);
		}
		return organisations.find(country, OrganisationType.NATIONAL_UNIT).stream().findFirst();
	}

	private Route fallback() {
		if (properties.fallbackOrganisation() != null && !properties.fallbackOrganisation().isBlank()) {
			return organisations.findByShortName(properties.fallbackOrganisation())
				.map(org -> new Route(org.id(), "fallback:" + org.shortName()))
				.orElseThrow(() -> new IllegalStateException(
						"eccp.reporting.fallback-organisation names no organisation: " + properties.fallbackOrganisation()));
		}
		for (OrganisationType type : List.of(OrganisationType.EU_BODY, OrganisationType.PLATFORM_OPERATOR)) {
			Optional<OrganisationView> org = organisations.findByType(type).stream().findFirst();
			if (org.isPresent()) {
				return new Route(org.get().id(), "fallback:" + org.get().shortName());
			}
		}
		throw new IllegalStateException("no organisation can receive reports: register an EU body or set "
				+ "eccp.reporting.fallback-organisation");
	}
}
