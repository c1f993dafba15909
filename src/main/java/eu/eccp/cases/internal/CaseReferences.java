package eu.eccp.cases.internal;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import eu.eccp.correlation.RecordReferences;

/** Case files by their reference, for correlation's cluster graph (only records the reader may open). */
@Component
class CaseReferences implements RecordReferences {

	private final CaseRepository cases;

	CaseReferences(CaseRepository cases) {
		this.cases = cases;
	}

	@Override
	public String kind() {
		return CaseSightings.SOURCE_KIND;
	}

	@Override
	public Map<UUID, String> referencesOf(Collection<UUID> ids) {
		return cases.references(ids);
	}
}
