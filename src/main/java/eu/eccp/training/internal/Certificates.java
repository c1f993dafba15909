package eu.eccp.training.internal;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Certificates of completion as PDF (OpenPDF), in the reader's language: who completed which course of which
 * organiser, when, and the verification code with the address of the public page that checks it.
 */
@Component
public class Certificates {

	private final MessageSource messages;
	private final String publicUrl;
	private final eu.eccp.shared.GeneratedTexts texts;

	Certificates(MessageSource messages, @Value("${eccp.public-url:http://localhost:8080}") String publicUrl,
			eu.eccp.shared.GeneratedTexts texts) {
		this.messages = messages;
		this.texts = texts;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/** The address where anyone checks the code. */
	public String verificationUrl(String code) {
		return publicUrl + "/training/public/verify?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
	}

	public byte[] pdf(Enrolment enrolment, Course course, Locale reader) {
		if (enrolment.certificateCode() == null || enrolment.completedAt() == null) {
			throw new IllegalStateException("no certificate for an enrolment not completed");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4.rotate(), 72, 72, 72, 72);
		PdfWriter.getInstance(document, out);
		document.addTitle(message("training.certificate.title", reader));
		document.addCreator("ECCP");
		document.open();
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(reader);
		ZoneId zone = course.details().zone();
		document.add(centred(message("training.certificate.title", reader), CertificateFonts.bold(28), 24));
		document.add(centred(message("training.certificate.certifies", reader), CertificateFonts.regular(14), 12));
		document.add(centred(enrolment.personName(), CertificateFonts.bold(22), 12));
		document.add(centred(message("training.certificate.completed", reader), CertificateFonts.regular(14), 12));
		document.add(centred(course.title(reader.getLanguage()), CertificateFonts.bold(20), 12));
		document.add(centred(message("training.certificate.organisedBy", reader, texts.in(course.organiserName(), reader),
				dates.format(course.details().startsAt().atZone(zone)), dates.format(course.details().endsAt().atZone(zone))),
				CertificateFonts.regular(12), 36));
		document.add(centred(message("training.certificate.code", reader, enrolment.certificateCode()),
				CertificateFonts.code(14), 6));
		document.add(centred(message("training.certificate.verifyAt", reader, verificationUrl(enrolment.certificateCode())),
				CertificateFonts.regular(10), 0));
		document.close();
		return out.toByteArray();
	}

	private static Paragraph centred(String text, Font font, float after) {
		Paragraph paragraph = new Paragraph(text, font);
		paragraph.setAlignment(Element.ALIGN_CENTER);
		paragraph.setSpacingAfter(after);
		return paragraph;
	}

	private String message(String key, Locale reader, Object... arguments) {
		return messages.getMessage(key, arguments, reader);
	}
}
