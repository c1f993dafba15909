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

	private static final String[] TLDS = { "com", "net", "org", "ru", "cn", "io", "xyz", "top", "de", "fr", "co.uk",
			"com.br", "info", "online", "eu", "nl" };

	private static final String[] LABELS = ("secure login account verify update paypal bank support mail cdn static "
			+ "portal service online web app cloud my billing invoice track parcel delivery wallet crypto").split(" ");

	private static final List<String> FIXED = List.of("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
			"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
			"2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion", "пример.рф", "AS15169");
	private BenchmarkInputs() {
	}

	/** Prose of about {@code size} characters with an indicator roughly every 200 bytes. */
	static String prose(int size, long seed) {
		Random random = new Random(seed);
		StringBuilder out = new StringBuilder(size + 256);
		int sinceIndicator = 0;
		while (out.length() < size) {
			if (sinceIndicator >= 160 + random.nextInt(80)) {
				out.append(indicator(random));
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

	/** One random indicator, so that the corpus holds thousands of distinct values, a fifth of them defanged. */
	static String indicator(Random random) {
		boolean defang = random.nextInt(5) == 0;
		String dot = defang ? "[.]" : ".";
		return switch (random.nextInt(16)) {
			case 0, 1 -> (defang ? "hxxps://" : random.nextBoolean() ? "https://" : "http://") + domain(random, dot)
					+ "/" + LABELS[random.nextInt(LABELS.length)] + "/" + random.nextInt(10000) + ".php?id=" + random.nextInt(1000);
			case 2, 3 -> domain(random, dot);
			case 4 -> (1 + random.nextInt(222)) + dot + random.nextInt(256) + dot + random.nextInt(256) + dot
					+ random.nextInt(256) + (random.nextInt(4) == 0 ? "/" + (8 + random.nextInt(25)) : "");
			case 5 -> String.format("2a0%x:%x:%x::%x", random.nextInt(16), random.nextInt(65536), random.nextInt(65536),
					random.nextInt(65536));
			case 6 -> LABELS[random.nextInt(LABELS.length)] + "." + random.nextInt(100) + (defang ? "[at]" : "@")
					+ domain(random, dot);
			case 7 -> random.nextBoolean() ? String.format("06 %02d %02d %02d %02d", random.nextInt(100),
					random.nextInt(100), random.nextInt(100), random.nextInt(100))
					: String.format("+33 7 %02d %02d %02d %02d", random.nextInt(100), random.nextInt(100),
							random.nextInt(100), random.nextInt(100));
			case 8 -> iban(random);
			case 9 -> hex(random, 32);
			case 10 -> hex(random, 64);
			case 11 -> "0x" + hex(random, 40);
			case 12 -> card(random);
			case 13 -> "AS" + (1 + random.nextInt(400000));
			case 14 -> hex(random, 40);
			default -> FIXED.get(random.nextInt(FIXED.size()));
		};
	}

	private static String domain(Random random, String dot) {
		String name = LABELS[random.nextInt(LABELS.length)] + "-" + LABELS[random.nextInt(LABELS.length)]
				+ random.nextInt(1000) + dot + TLDS[random.nextInt(TLDS.length)].replace(".", dot);
		return random.nextInt(3) == 0 ? LABELS[random.nextInt(LABELS.length)] + dot + name : name;
	}

	private static String hex(Random random, int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(Character.forDigit(random.nextInt(16), 16));
		}
		return out.toString();
	}

	/** A German IBAN with a valid checksum, written in groups of four. */
	private static String iban(Random random) {
		StringBuilder bban = new StringBuilder(18);
		for (int i = 0; i < 18; i++) {
			bban.append(random.nextInt(10));
		}
		java.math.BigInteger n = new java.math.BigInteger(bban + "131400");
		int check = 98 - n.mod(java.math.BigInteger.valueOf(97)).intValue();
		String iban = String.format("DE%02d%s", check, bban);
		return random.nextBoolean() ? iban : iban.replaceAll("(.{4})", "$1 ").strip();
	}

	/** A Luhn-valid Visa number in groups of four. */
	private static String card(Random random) {
		int[] digits = new int[16];
		digits[0] = 4;
		for (int i = 1; i < 15; i++) {
			digits[i] = random.nextInt(10);
		}
		int sum = 0;
		for (int i = 14; i >= 0; i--) {
			int d = digits[i];
			if ((14 - i) % 2 == 0) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
		}
		digits[15] = (10 - sum % 10) % 10;
		StringBuilder out = new StringBuilder(19);
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				out.append(' ');
			}
			out.append(digits[i]);
		}
		return out.toString();
	}

	private static final String[] OTHER_SCRIPTS = ("мошенничество банк перевод жертва счёт полиция сервер атака "
			+ "злоумышленник пароль 詐欺 銀行 振込 被害者 警察 サーバー 口座 パスワード").split(" ");

	/**
	 * Prose in Cyrillic and Japanese of about {@code size} characters (not bytes), with an indicator about every
	 * 40 words and sentences ended by ideographic full stops: text whose characters are nearly all outside Latin-1.
	 */
	static String otherScripts(int size, long seed) {
		Random random = new Random(seed);
		StringBuilder out = new StringBuilder(size + 256);
		while (out.length() < size) {
			out.append(OTHER_SCRIPTS[random.nextInt(OTHER_SCRIPTS.length)]).append(random.nextInt(12) == 0 ? "。\n" : " ");
			if (random.nextInt(40) == 0) {
				out.append(indicator(random)).append(' ');
			}
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

	/** A multipart boundary as mail programs make them (a short one would slow Jakarta Mail's search). */
	private static final String BOUNDARY = "----=_Part_1842_1975253395.1763280718000";

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
				+ "Content-Type: multipart/mixed; boundary=\"" + BOUNDARY + "\"\r\n\r\n--" + BOUNDARY + "\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text.replace("\n", "\r\n")
				+ "\r\n--" + BOUNDARY + "\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
				+ html.replace("\n", "\r\n") + "\r\n--" + BOUNDARY + "\r\nContent-Type: application/octet-stream; name=\"a.bin\"\r\n"
				+ "Content-Disposition: attachment; filename=\"a.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				+ Base64.getMimeEncoder().encodeToString(attachment) + "\r\n--" + BOUNDARY + "--\r\n";
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
