package eu.eccp.sharing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import eu.eccp.indicators.IndicatorType;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;

/**
 * A sharing agreement: the organisations whose records are shared ({@code sharing}), the partners that receive them
 * ({@code receiving}), the indicator types covered, the highest marking ({@code tlpCeiling}: CLEAR, GREEN or AMBER;
 * AMBER+STRICT and RED never leave their owner), PAP, the IEP statements and the validity dates.
 *
 * @param personalTypes types this agreement treats as personal data on top of those that always are (e-mail
 *        addresses, phone numbers, IBANs)
 * @param clearValueTypes personal types that recipients get in clear anyway, for {@code clearValuePurpose}
 *        (e.g. a bank blocking IBANs)
 * @param pseudonymousSources whether the sharing organisations appear under a pseudonym instead of their name
 * @param writable whether receiving partners may add objects to the agreement's collection
 * @param publicClear whether its TLP:CLEAR indicators of types that are not personal data also go to the public
 *        collection (served without an account when the operator enables it, {@link PublicCollection})
 */
public record Agreement(UUID id, String name, String description, Set<OrganisationId> sharing,
		Set<OrganisationId> receiving, Set<String> indicatorTypes, Set<String> personalTypes, Set<String> clearValueTypes,
		@Nullable String clearValuePurpose, boolean pseudonymousSources, Tlp tlpCeiling, Pap pap, Iep iep,
		LocalDate validFrom, @Nullable LocalDate validUntil, boolean writable, boolean publicClear, UUID createdBy,
		Instant createdAt,
		Instant updatedAt, @Nullable Instant endedAt) {

	/** Payment cards never leave the platform (not even their keyed hash); every other indicator type may. */
	public static final Set<String> SHAREABLE_TYPES = Arrays.stream(IndicatorType.values())
		.filter(t -> t != IndicatorType.PAYMENT_CARD).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));

	/** Types that identify a person whatever an agreement says (README, "Who sees counts for personal data"). */
	public static final Set<String> ALWAYS_PERSONAL = EnumSet.allOf(IndicatorType.class).stream()
		.filter(IndicatorType::identifiesPerson).filter(t -> t != IndicatorType.PAYMENT_CARD).map(Enum::name)
		.collect(Collectors.toCollection(TreeSet::new));

	/** The markings an agreement's ceiling may be: AMBER+STRICT and RED never leave their owner. */
	public static final Set<Tlp> CEILINGS = EnumSet.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER);

	public Agreement {
		sharing = Set.copyOf(sharing);
		receiving = Set.copyOf(receiving);
		indicatorTypes = Set.copyOf(indicatorTypes);
		personalTypes = Set.copyOf(personalTypes);
		clearValueTypes = Set.copyOf(clearValueTypes);
		if (!CEILINGS.contains(tlpCeiling)) {
			throw new IllegalArgumentException("an agreement's ceiling is CLEAR, GREEN or AMBER");
		}
	}

	/** In force on that day: not ended, and the day within its validity dates. */
	public boolean activeOn(LocalDate day) {
		return endedAt == null && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
	}

	public boolean isParty(OrganisationId organisation) {
		return sharing.contains(organisation) || receiving.contains(organisation);
	}

	/** Whether values of this type are personal data under this agreement. */
	public boolean isPersonal(String type) {
		return ALWAYS_PERSONAL.contains(type) || personalTypes.contains(type);
	}

	/**
	 * Whether values of this type reach this recipient as keyed pseudonyms: personal types do, for every recipient
	 * that is not a public authority (national units, 24/7 points and EU bodies get them in clear), unless the
	 * agreement names the type among those given in clear for its stated purpose.
	 */
	public boolean pseudonymisedFor(String type, boolean recipientIsPublicAuthority) {
		return isPersonal(type) && !recipientIsPublicAuthority && !clearValueTypes.contains(type);
	}
}
