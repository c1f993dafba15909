package eu.eccp.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** A certificate prints the names of officials from every EU language as they are written. */
class CertificateFontsTests {

	@Test
	void namesBeyondLatin1PrintAsWritten() throws Exception {
		String names = "Łukasz Żółćkiewicz, Tomáš Dvořák, Γιώργος Παπαδόπουλος, Иван Петров, Mārtiņš Bērziņš, Őrs Kővári";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document();
		PdfWriter.getInstance(document, out);
		document.open();
		document.add(new Paragraph(names, CertificateFonts.bold(22)));
		document.add(new Paragraph("ABCDE-12345-FGHIJ", CertificateFonts.code(14)));
		document.add(new Paragraph("Vérification : ß ü ä ø å", CertificateFonts.regular(12)));
		document.close();

		PdfReader reader = new PdfReader(out.toByteArray());
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		reader.close();
		assertThat(text.replaceAll("\\s+", " ")).contains(names).contains("ABCDE-12345-FGHIJ").contains("ß ü ä ø å");
	}
}
