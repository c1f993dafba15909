package eu.eccp.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Saved e-mails: sender headers, Received hops, plain and HTML bodies, attachment hashes. */
class IndicatorEmlTests {

	final IndicatorExtractor extractor = IndicatorExtractor.builder().build();

	List<Indicator> phishing() throws IOException {
		try (InputStream eml = getClass().getResourceAsStream("/indicators/eml/phishing.eml")) {
			return extractor.extractFromEml(eml, ExtractionOptions.forRegion("FR"));
		}
	}

	@Test
	void readsSendersHopsBodiesAndAttachmentsOfASavedEmail() throws IOException {
		assertThat(phishing()).extracting(i -> i.details().get(Indicator.SOURCE) + " " + i.type() + " " + i.value())
			.containsExactly("header:From EMAIL service@secure-victim-bank.com",
					"header:Reply-To EMAIL support@collect-payments.ru",
					"header:Return-Path EMAIL bounce-7731@mailer.phish-sender.com",
					"header:Subject DOMAIN verify-account.top",
					"header:Received#1 IPV4 185.220.101.4",
					"header:Received#2 IPV4 10.0.0.7",
					"header:Received#2 IPV6 2a03:2880:f12f:83:face:b00c:0:25de",
					"body:text/plain URL https://secure-victim-bank.com/login?id=42",
					"body:text/plain IBAN FR7630006000011234567890189",
					"body:text/plain PHONE +33612345678",
					"body:text/html URL https://secure-victim-bank.com/login?id=42&src=mail",
					"body:text/html URL http://tracker.phish-sender.com/pixel.gif",
					"body:text/html EMAIL support@collect-payments.ru",
					"attachment SHA256 de95cc9484a67d25490fbc7456d589b325d176098ab39b1aa00bab8818980a08");
	}

	@Test
	void describesTheAttachmentItHashed() throws IOException {
		Indicator attachment = phishing().get(13);
		assertThat(attachment.details()).containsEntry(Indicator.FILE_NAME, "facture.pdf.exe")
			.containsEntry(Indicator.CONTENT_TYPE, "application/octet-stream")
			.containsEntry(Indicator.SIZE, 114L);
	}

	@Test
	void keepsTheOriginalTextOfDefangedAndEncodedForms() throws IOException {
		List<Indicator> found = phishing();
		assertThat(found.get(1).original()).isEqualTo("support[at]collect-payments[.]ru");
		assertThat(found.get(1).defanged()).isTrue();
		assertThat(found.get(12).original()).isEqualTo("support&#64;collect-payments&#46;ru");
		assertThat(found.get(5).benign()).isEqualTo("reserved-ip-ranges");
	}

	@Test
	void recognisesASavedEmailByItsContentWhenTheFileHasNoName() throws IOException {
		byte[] bytes;
		try (InputStream eml = getClass().getResourceAsStream("/indicators/eml/phishing.eml")) {
			bytes = eml.readAllBytes();
		}
		assertThat(extractor.extractFromFile(bytes, null, ExtractionOptions.forRegion("FR"))).isEqualTo(phishing());
	}

	@Test
	void onlyReadsTheIpAddressesOfReceivedHops() throws IOException {
		String eml = "From: a@sender-domain.com\r\nReceived: from relay.other-domain.com (relay.other-domain.com "
				+ "[91.198.174.192]) by mx.sender-domain.com\r\nSubject: hi\r\n\r\nbody\r\n";
		List<Indicator> found = extractor.extractFromEml(
				new java.io.ByteArrayInputStream(eml.getBytes(StandardCharsets.US_ASCII)), ExtractionOptions.defaults());
		assertThat(found).extracting(i -> i.type() + " " + i.value())
			.containsExactly("EMAIL a@sender-domain.com", "IPV4 91.198.174.192");
	}

	@Test
	void readsAForwardedMessageInsideAMessage() throws IOException {
		String eml = "From: analyst@police-unit.eu\r\nSubject: Fwd: scam\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=\"outer-boundary-0001\"\r\n\r\n"
				+ "--outer-boundary-0001\r\nContent-Type: text/plain\r\n\r\nSee the attached mail.\r\n"
				+ "--outer-boundary-0001\r\nContent-Type: message/rfc822\r\n\r\n"
				+ "From: scammer@lottery-winner.biz\r\nReceived: from x ([91.198.174.192]) by y\r\nSubject: You won\r\n"
				+ "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\nClaim at hxxp://lottery-winner[.]biz/claim \u00e9\r\n"
				+ "--outer-boundary-0001--\r\n";
		List<Indicator> found = extractor.extractFromEml(
				new java.io.ByteArrayInputStream(eml.getBytes(StandardCharsets.ISO_8859_1)), ExtractionOptions.defaults());
		assertThat(found).extracting(i -> i.details().get(Indicator.SOURCE) + " " + i.type() + " " + i.value())
			.containsExactly("header:From EMAIL analyst@police-unit.eu", "message#1:header:From EMAIL scammer@lottery-winner.biz",
					"message#1:header:Received#1 IPV4 91.198.174.192", "message#1:body:text/plain URL http://lottery-winner.biz/claim");
	}

	@Test
	void aTextThatIsNotAnEmailIsReadAsText() {
		byte[] text = "From the logs: evil-domain.com contacted 91.198.174.192".getBytes(StandardCharsets.UTF_8);
		assertThat(extractor.extractFromFile(text, "notes.txt", ExtractionOptions.defaults()))
			.extracting(Indicator::value).containsExactly("evil-domain.com", "91.198.174.192");
	}

	@Test
	void aFileNamedEmlThatIsNoMessageStillYieldsItsText() {
		byte[] garbage = "no headers at all, see evil-domain.com".getBytes(StandardCharsets.UTF_8);
		assertThat(extractor.extractFromFile(garbage, "x.eml", ExtractionOptions.defaults()))
			.extracting(Indicator::value).containsExactly("evil-domain.com");
	}

	@Test
	void anUnknownRegionIsRejected() {
		assertThatThrownBy(() -> extractor.extract("x", ExtractionOptions.forRegion("ZZ")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void readsAMessageLargerThanWhatIsKeptInMemoryFromAStreamAndFromItsFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
			throws IOException {
		StringBuilder message = new StringBuilder("From: Fraud <boss@ceo-fraud.ru>\r\nSubject: urgent\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPay to FR7630006000011234567890189\r\n");
		while (message.length() < 6 << 20) {
			message.append("nothing but words of filler in a very long message body, line after line\r\n");
		}
		message.append("and call +33 6 12 34 56 78 or see hxxp://ceo-fraud[.]ru/pay\r\n");
		byte[] bytes = message.toString().getBytes(StandardCharsets.UTF_8);
		java.nio.file.Path file = directory.resolve("big.eml");
		java.nio.file.Files.write(file, bytes);
		List<String> expected = List.of("header:From EMAIL boss@ceo-fraud.ru", "body:text/plain IBAN FR7630006000011234567890189",
				"body:text/plain PHONE +33612345678", "body:text/plain URL http://ceo-fraud.ru/pay");
		long spooledBefore = spooled();

		List<Indicator> streamed = extractor.extractFromEml(new java.io.ByteArrayInputStream(bytes), ExtractionOptions.defaults());
		List<Indicator> fromFile = new java.util.ArrayList<>();
		extractor.extractFromFile(file, "big.eml", ExtractionOptions.defaults(), fromFile::add);

		assertThat(streamed).extracting(i -> i.details().get(Indicator.SOURCE) + " " + i.type() + " " + i.value())
			.containsExactlyElementsOf(expected);
		assertThat(fromFile).isEqualTo(streamed);
		assertThat(streamed.get(3).offset()).as("offset within the body").isGreaterThan(6_000_000);
		assertThat(spooled()).as("temporary copies left behind").isEqualTo(spooledBefore);
	}


	@Test
	void findsJakartaMailsStreamProviderWithoutSearchingTheClassPathAtEachPart() throws IOException {
		String service = "META-INF/services/jakarta.mail.util.StreamProvider";
		java.util.concurrent.atomic.AtomicInteger searches = new java.util.concurrent.atomic.AtomicInteger();
		ClassLoader counting = new ClassLoader(getClass().getClassLoader()) {

			@Override
			public java.util.Enumeration<java.net.URL> getResources(String name) throws IOException {
				if (name.equals(service)) {
					searches.incrementAndGet();
				}
				return super.getResources(name);
			}
		};
		Thread thread = Thread.currentThread();
		ClassLoader before = thread.getContextClassLoader();
		thread.setContextClassLoader(counting);
		List<Indicator> found;
		try {
			found = phishing();
			assertThat(thread.getContextClassLoader()).as("the thread's class loader after the parse").isSameAs(counting);
		}
		finally {
			thread.setContextClassLoader(before);
		}
		assertThat(found).hasSize(14);
		assertThat(searches).as("class-path searches for the provider").hasValue(0);
	}

	@Test
	void aDetailAddedToAnIndicatorLeavesTheOriginalAsItWasAndTheCopyReadOnly() {
		Indicator plain = new Indicator(IndicatorType.DOMAIN, "evil.example", "evil.example", 0, false, null,
				new java.util.LinkedHashMap<>(java.util.Map.of(Indicator.REGISTERED_DOMAIN, "evil.example")));
		Indicator sourced = plain.withDetail(Indicator.SOURCE, "header:Subject");

		assertThat(plain.details()).containsOnlyKeys(Indicator.REGISTERED_DOMAIN);
		assertThat(sourced.details()).containsExactly(java.util.Map.entry(Indicator.REGISTERED_DOMAIN, "evil.example"),
				java.util.Map.entry(Indicator.SOURCE, "header:Subject"));
		assertThat(sourced).isEqualTo(new Indicator(IndicatorType.DOMAIN, "evil.example", "evil.example", 0, false, null,
				java.util.Map.of(Indicator.REGISTERED_DOMAIN, "evil.example", Indicator.SOURCE, "header:Subject")));
		assertThatThrownBy(() -> sourced.details().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> sourced.details().entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
	}
	private static long spooled() throws IOException {
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter(p -> p.getFileName().toString().startsWith("eccp-eml-")).count();
		}
	}
}
