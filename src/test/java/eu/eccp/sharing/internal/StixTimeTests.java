package eu.eccp.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** STIX timestamps read directly in their usual form give what the general RFC 3339 parser gives, and fail alike. */
class StixTimeTests {

	@Test
	void readsTheUsualFormAsTheGeneralParserDoes() {
		for (String text : List.of("2026-03-01T10:00:00Z", "2026-03-01T10:00:00.1Z", "2026-03-01T10:00:00.123Z",
				"2026-03-01T10:00:00.123456Z", "2026-03-01T10:00:00.123456789Z", "2024-02-29T23:59:59.999Z",
				"1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z")) {
			assertThat(StixTime.utc(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
			assertThat(StixTime.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
		}
	}

	@Test
	void leavesOtherFormsToTheGeneralParser() {
		assertThat(StixTime.utc("2026-03-01T12:00:00+02:00")).isNull();
		assertThat(StixTime.parse("2026-03-01T12:00:00+02:00")).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
		assertThat(StixTime.utc("2026-03-01t10:00:00z")).isNull();
		assertThat(StixTime.parse("2026-03-01t10:00:00z")).isEqualTo(OffsetDateTime.parse("2026-03-01t10:00:00z").toInstant());
		assertThat(StixTime.utc("2026-03-01T10:00:00.1234567890Z")).isNull();
		assertThat(StixTime.utc("2026-03-01T10:00:0xZ")).isNull();
	}

	@Test
	void refusesImpossibleAndMalformedTimestamps() {
		for (String text : List.of("2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-03-01T24:00:00Z",
				"2026-03-01T10:60:00Z", "2026-03-01T10:00:60Z", "yesterday", "2026-03-01")) {
			assertThatThrownBy(() -> StixTime.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
		}
	}
}
