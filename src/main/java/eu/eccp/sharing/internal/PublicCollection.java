package eu.eccp.sharing.internal;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;

/**
 * The public TLP:CLEAR collection, served without an account at {@code /taxii2/public/} when the operator enables it
 * ({@code eccp.sharing.public-collection}): the TLP:CLEAR indicators, of types that are not personal data, of the
 * agreements in force that publish there ({@code publicClear}), each once, with its sighting summary. It names no
 * organisation (no source identity), carries no personal data at all (not even as pseudonyms, which everyone would
 * share), and its objects are marked TLP:CLEAR and PAP:CLEAR. Its rows live with the agreements' collections under
 * {@link #ID}; as its content is public, serving it records no disclosure.
 */
final class PublicCollection {

	/** The collection's id (name-based, stable across installations). */
	static final UUID ID = StixIds.v5("collection|public-clear");

	/** The reader of the public collection: no organisation, never a public authority (so nothing personal in clear). */
	static final StixObjects.Recipient READER = new StixObjects.Recipient(new OrganisationId(ID), false);

	/** Types the public collection may carry: every shareable type that is not always personal data. */
	static final Set<String> TYPES = Agreement.SHAREABLE_TYPES.stream().filter(t -> !Agreement.ALWAYS_PERSONAL.contains(t))
		.collect(Collectors.toUnmodifiableSet());

	/** The collection as an agreement with no parties, so the one way of building STIX objects serves it. */
	static final Agreement AGREEMENT = new Agreement(ID, "ECCP public TLP:CLEAR collection",
			"TLP:CLEAR indicators the platform's sharing agreements publish for everyone", Set.of(), Set.of(), TYPES,
			Set.of(), Set.of(), null, true, Tlp.CLEAR, Pap.CLEAR,
			new Iep(Iep.EncryptInTransit.MAY, Iep.PermittedActions.EXTERNALLY_VISIBLE_DIRECT_ACTIONS, Iep.Permission.MAY,
					Iep.Attribution.MAY, Iep.Permission.MAY, Iep.Permission.MAY, null),
			LocalDate.of(2026, 1, 1), null, false, false, ID, StixObjects.PUBLISHED, StixObjects.PUBLISHED, null);

	private PublicCollection() {
	}
}
