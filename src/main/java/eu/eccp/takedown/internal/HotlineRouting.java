package eu.eccp.takedown.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CountryCode;
import eu.eccp.takedown.ContentRouting;

/**
 * Illegal content goes to a hotline, not to a fraud inbox: the hotline of the first of the countries that has
 * one, else the national unit of the first that has one, else the EU-level hotline option.
 */
@Component
class HotlineRouting implements ContentRouting {

	private final Organisations organisations;
	private final TakedownProperties properties;

	HotlineRouting(Organisations organisations, TakedownProperties properties) {
		this.organisations = organisations;
		this.properties = properties;
	}

	@Override
	public Optional<Route> handlerFor(List<CountryCode> countries) {
		for (CountryCode country : countries) {
			Optional<OrganisationView> hotline = hotlineOf(country);
			if (hotline.isPresent()) {
				return Optional.of(new Route(hotline.get().id(), "hotline:" + country));
			}
		}
		for (CountryCode country : countries) {
			Optional<OrganisationView> unit = organisations.find(country, OrganisationType.NATIONAL_UNIT).stream().findFirst();
			if (unit.isPresent()) {
				return Optional.of(new Route(unit.get().id(), "national-unit:" + country));
			}
		}
		return euHotline().map(org -> new Route(org.id(), "eu-hotline:" + org.shortName()));
	}

	/** The hotline of a country on the platform (the first registered when there are several). */
	Optional<OrganisationView> hotlineOf(CountryCode country) {
		return organisations.find(country, OrganisationType.HOTLINE).stream().findFirst();
	}

	Optional<OrganisationView> euHotline() {
		if (properties.euHotline() == null || properties.euHotline().isBlank()) {
			return Optional.empty();
		}
		return Optional.of(organisations.findByShortName(properties.euHotline())
			.orElseThrow(() -> new IllegalStateException("eccp.takedown.eu-hotline names no organisation: "
					+ properties.euHotline())));
	}
}
