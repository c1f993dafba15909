package eu.eccp.takedown.web;

import java.io.IOException;
import java.util.Locale;

import org.springframework.http.MediaType;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Downloads;
import eu.eccp.takedown.internal.TimeToRemoval;
import jakarta.servlet.http.HttpServletResponse;

/** Time to removal as a CSV download, as the page and the API serve it. */
final class TimeToRemovalCsv {

	private TimeToRemovalCsv() {
	}

	/** @throws eu.eccp.shared.InvalidRequestException (field {@code by}) before anything is written */
	static void write(TimeToRemoval statistics, TimeToRemoval.Grouping grouping, HttpServletResponse response)
			throws IOException {
		Downloads.attachment(response, "time-to-removal-" + grouping.name().toLowerCase(Locale.ROOT) + ".csv",
				MediaType.parseMediaType("text/csv;charset=UTF-8"));
		statistics.csv(CallerContext.require(), grouping, response.getWriter());
	}
}
