package eu.eccp.takedown;

import java.util.List;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;

/**
 * Which organisation handles illegal content reported from a country: the hotline of the first country that
 * has one on the platform, else that country's national unit, else the EU-level hotline
 * ({@code eccp.takedown.eu-hotline}); empty when none of them exists (the caller falls back as it does for
 * other reports).
 */
public interface ContentRouting {

	/** Where it went and why ({@code hotline:FR}, {@code national-unit:FR}, {@code eu-hotline:NAME}). */
	record Route(OrganisationId handler, String reason) {
	}

	java.util.Optional<Route> handlerFor(List<CountryCode> countries);
}
