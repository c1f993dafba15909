package eu.eccp.takedown.internal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import eu.eccp.takedown.ItemId;

/** Who may do what with an item: every decision of the module's services goes through here. */
@Component
class ItemAccess {

	/** Roles that assess items and send notices for their organisation (hotlines; national units as fallback). */
	static final Role[] ASSESSORS = { Role.HOTLINE_ANALYST, Role.ANALYST };

	private final ItemRepository items;

	ItemAccess(ItemRepository items) {
		this.items = items;
	}

	/** The item if the caller may see it; 404 otherwise (an outsider learns nothing, not even that it exists). */
	StoredItem visible(CallerContext caller, ItemId id) {
		return items.find(caller, id).orElseThrow(() -> new RecordNotFoundException("No such item."));
	}

	/** The item if the caller works for the organisation that handles it now and may assess. */
	StoredItem handledBy(CallerContext caller, ItemId id) {
		StoredItem item = visible(caller, id);
		caller.requireAny(ASSESSORS);
		if (!item.handler().equals(caller.organisationId())) {
			throw new AccessDeniedException("another organisation handles this item");
		}
		return item;
	}
}
