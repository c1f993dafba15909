package eu.eccp.correlation;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How a module that owns correlated records names them to people: the reference its users know a record by
 * ({@code ECCP-2026-000123} for a report, the case file's reference). Correlation asks only for records the
 * reader may open and shows the reference in the cluster graph; records of other organisations are never named.
 * A module implements it as a bean for its {@link SourceRef#kind()}; a kind nobody names is shown by kind.
 */
public interface RecordReferences {

	/** The {@link SourceRef#kind()} this names. */
	String kind();

	/** The references of the given records of that kind (ids it does not know are left out). */
	Map<UUID, String> referencesOf(Collection<UUID> ids);
}
