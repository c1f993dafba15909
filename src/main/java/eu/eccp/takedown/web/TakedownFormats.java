package eu.eccp.takedown.web;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** For templates, as {@code ${@takedownFormats.duration(from, to)}}: a span of time as days, hours, minutes. */
@Component("takedownFormats")
class TakedownFormats {

	private final MessageSource messages;

	TakedownFormats(MessageSource messages) {
		this.messages = messages;
	}

	public String duration(@Nullable Instant from, @Nullable Instant to) {
		if (from == null || to == null) {
			return "—";
		}
		return of(Duration.between(from, to));
	}

	public String minutes(@Nullable Double minutes) {
		return minutes == null ? "—" : of(Duration.ofSeconds(Math.round(minutes * 60)));
	}

	public String of(@Nullable Duration d) {
		if (d == null) {
			return "—";
		}
		long minutes = Math.max(0, d.toMinutes());
		return messages.getMessage("takedown.duration", new Object[] { minutes / (24 * 60), minutes / 60 % 24, minutes % 60 },
				LocaleContextHolder.getLocale());
	}
}
