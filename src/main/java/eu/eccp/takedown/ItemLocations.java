package eu.eccp.takedown;

/**
 * Stores where an item is hosted as a lookup found it (the hosting module's resolver), replacing what an analyst
 * recorded; the item's timeline shows it. Joins the caller's transaction.
 */
public interface ItemLocations {

	void recordLookup(ItemId item, LookedUpLocation location);
}
