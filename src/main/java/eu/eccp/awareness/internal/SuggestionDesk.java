package eu.eccp.awareness.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.RecordNotFoundException;

/** The authors' view of suggestions: the open ones, one to start an advisory from, dismissing one. */
@Service
public class SuggestionDesk {

	static final int SHOWN = 50;

	private final SuggestionRepository suggestions;
	private final AdvisoryDesk desk;
	private final AuditTrail audit;

	SuggestionDesk(SuggestionRepository suggestions, AdvisoryDesk desk, AuditTrail audit) {
		this.suggestions = suggestions;
		this.desk = desk;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Suggestion> open(CallerContext caller) {
		desk.requireAuthor(caller);
		return suggestions.open(SHOWN);
	}

	@Transactional(readOnly = true)
	public Optional<Suggestion> find(CallerContext caller, UUID id) {
		desk.requireAuthor(caller);
		return suggestions.find(id);
	}

	@Transactional
	public void dismiss(CallerContext caller, UUID id) {
		desk.requireAuthor(caller);
		if (suggestions.find(id).isEmpty()) {
			throw new RecordNotFoundException("suggestion " + id);
		}
		if (suggestions.dismiss(id)) {
			audit.record(AuditEvent.of("advisory.suggestion-dismissed", "advisory-suggestion", id));
		}
	}
}
