package eu.eccp.indicators.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Generated benchmark inputs, the same on every run (fixed seed): realistic prose, e-mails and HTML with
 * about one indicator per 200 bytes, and adversarial runs built to provoke backtracking.
 */
final class BenchmarkInputs {

	private static final String[] WORDS = ("the a an of to in and for on with by from at as is was were has have been "
			+ "attacker victim server account payment bank report analyst police unit contact point campaign phishing "
			+ "malware ransomware invoice transfer customer password login update security alert blocked observed "
			+ "version 2.1 release notes e.g. i.e. etc. invoice.pdf report.docx 3.14 2026-11-16 10:32 100% €250 "
			+ "le la les de des un une et pour avec serveur compte virement banque victime der die das und mit für "
			+ "Konto Überweisung Betrug Opfer über café naïve São Paulo Zürich").split(" ");

	private static final List<String> INDICATORS = List.of("hxxps://secure-login[.]example-bank[.]com/verify?id=7",
			"http://malware-host.ru/payload.exe", "https://cdn.badsite.io/a.js?v=1.2.3", "evil-domain[.]com",
			"phish-site.co.uk", "185.220.101.4", "45.33.32.156:443", "10.0.0.0/8", "2001:db8::dead:beef",
			"fe80::1/64", "john.doe@evil-domain.com", "refund(at)example-bank(dot)co.uk", "+33 6 12 34 56 78",
			"06 12 34 56 78", "FR76 3000 6000 0112 3456 7890 189", "DE89370400440532013000",
			"d41d8cd98f00b204e9800998ecf8427e", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
			"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
			"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "AS15169", "4111 1111 1111 1111", "пример.рф",
			"2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion", "www.badsite.io/login");

	private BenchmarkInputs() {
	}

	/** Prose of about {@code size} characters with an indicator roughly every 200 bytes. */
	static String prose(int size, long seed) {
		Random random = new Random(seed);
		StringBuilder out = new StringBuilder(size + 256);
		int sinceIndicator = 0;
		while (out.length() < size) {
			if (sinceIndicator >= 160 + random.nextInt(80)) {
				out.append(INDICATORS.get(random.nextInt(INDICATORS.size())));
				sinceIndicator = 0;
			}
			else {
				String word = WORDS[random.nextInt(WORDS.length)];
				out.append(word);
				sinceIndicator += word.length() + 1;
			}
			out.append(random.nextInt(12) == 0 ? ".\n" : random.nextInt(8) == 0 ? ", " : " ");
		}
		return out.toString();
	}

	/** The same prose as an HTML page: paragraphs, links on some indicators, attributes, entities. */
	static String html(int size, long seed) {
		Random random = new Random(seed);
		StringBuilder out = new StringBuilder(size + 512);
		out.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Report</title>")
			.append("<style>p { margin: 0 }</style></head><body>\n");
		while (out.length() < size) {
			out.append("<p class=\"para\" id=\"p").append(out.length()).append("\">")
				.append(prose(300, random.nextLong()).replace("&", "&amp;").replace("<", "&lt;"))
				.append(" <a href=\"https://tracker.badsite.io/c?u=").append(random.nextInt(100000))
				.append("&amp;r=1\" target=\"_blank\">link</a></p>\n");
		}
		return out.append("</body></html>\n").toString();
	}

	/** A saved e-mail: headers with Received hops, a plain and an HTML body, and a small attachment. */
	static byte[] email(int size, long seed) {
		String text = prose(size * 2 / 5, seed);
		String html = html(size * 2 / 5, seed + 1);
		byte[] attachment = new byte[4096];
		new Random(seed).nextBytes(attachment);
		String message = "Return-Path: <bounce@mailer.phish-sender.com>\r\n"
				+ "Received: from mail.phish-sender.com (mail.phish-sender.com [185.220.101.4]) by mx.victim.eu\r\n"
				+ "Received: from [10.0.0.7] (unknown [2a03:2880:f12f:83:face:b00c:0:25de]) by mail.phish-sender.com\r\n"
				+ "From: Service <service@secure-victim-bank.com>\r\nReply-To: support@collect-payments.ru\r\n"
				+ "To: victim@victim.eu\r\nSubject: Account blocked\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text.replace("\n", "\r\n")
				+ "\r\n--b1\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
				+ html.replace("\n", "\r\n") + "\r\n--b1\r\nContent-Type: application/octet-stream; name=\"a.bin\"\r\n"
				+ "Content-Disposition: attachment; filename=\"a.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				+ Base64.getMimeEncoder().encodeToString(attachment) + "\r\n--b1--\r\n";
		return message.getBytes(StandardCharsets.UTF_8);
	}

	/** Adversarial input of {@code size} characters: the pattern repeated. */
	static String adversarial(String kind, int size) {
		String pattern = switch (kind) {
			case "dots" -> ".";
			case "digits" -> "1234567890";
			case "spaced-digits" -> "1 ";
			case "at-signs" -> "@";
			case "local-parts" -> "a@";
			case "brackets" -> "[(";
			case "defanged-dots" -> "a[.]";
			case "labels" -> "a.";
			case "schemes" -> "http://";
			case "colons" -> "a:";
			default -> throw new IllegalArgumentException(kind);
		};
		StringBuilder out = new StringBuilder(size + pattern.length());
		while (out.length() < size) {
			out.append(pattern);
		}
		out.setLength(size);
		return out.toString();
	}
}
