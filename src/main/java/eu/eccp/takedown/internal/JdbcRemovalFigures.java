package eu.eccp.takedown.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.takedown.RemovalFigures;

/** The same measure as {@link TimeToRemoval}, over all assessed illegal items, grouped by country and category. */
@Component
class JdbcRemovalFigures implements RemovalFigures {

	private final RemovalTimeRepository removalTimes;

	JdbcRemovalFigures(RemovalTimeRepository removalTimes) {
		this.removalTimes = removalTimes;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Group> byHostingCountryAndCategory() {
		return removalTimes.byHostingCountryAndCategory();
	}
}
