package eu.eccp.takedown.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import eu.eccp.takedown.internal.LegalityMatrix.Verdict;

/**
 * Demo mode only: a legality matrix for a few countries, every row marked as demo data. The legal bases are
 * given to make the demo readable; they are not legal advice and must be reviewed by coordinators before use.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "eccp.demo", havingValue = "true")
class TakedownDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TakedownDemoData.class);

	static final String NOTE = "Demo data, not legal advice.";

	private final LegalityMatrix matrix;

	TakedownDemoData(LegalityMatrix matrix) {
		this.matrix = matrix;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String country : new String[] { "FR", "DE", "NL", "IE", "BE" }) {
			matrix.seedDemo(ContentCategory.CSAM_BASELINE, country, Verdict.ILLEGAL,
					"Directive 2011/93/EU as transposed", NOTE);
			matrix.seedDemo(ContentCategory.TERRORIST_CONTENT, country, Verdict.ILLEGAL,
					"Regulation (EU) 2021/784; Directive (EU) 2017/541 as transposed", NOTE);
			matrix.seedDemo(ContentCategory.OTHER_ILLEGAL, country, Verdict.DEPENDS, "national law", NOTE);
		}
		matrix.seedDemo(ContentCategory.CSAM_NATIONAL, "FR", Verdict.ILLEGAL, "Code pénal, art. 227-23", NOTE);
		matrix.seedDemo(ContentCategory.CSAM_NATIONAL, "DE", Verdict.ILLEGAL, "StGB § 184b, § 184c", NOTE);
		matrix.seedDemo(ContentCategory.CSAM_NATIONAL, "NL", Verdict.DEPENDS, "Wetboek van Strafrecht, art. 240b", NOTE);
		matrix.seedDemo(ContentCategory.CSAM_NATIONAL, "IE", Verdict.DEPENDS, "Child Trafficking and Pornography Act 1998",
				NOTE);
		matrix.seedDemo(ContentCategory.RACIST_XENOPHOBIC_INCITEMENT, "FR", Verdict.ILLEGAL, "Loi du 29 juillet 1881, art. 24",
				NOTE);
		matrix.seedDemo(ContentCategory.RACIST_XENOPHOBIC_INCITEMENT, "DE", Verdict.ILLEGAL, "StGB § 130", NOTE);
		matrix.seedDemo(ContentCategory.RACIST_XENOPHOBIC_INCITEMENT, "NL", Verdict.ILLEGAL,
				"Wetboek van Strafrecht, art. 137d", NOTE);
		matrix.seedDemo(ContentCategory.RACIST_XENOPHOBIC_INCITEMENT, "IE", Verdict.DEPENDS,
				"Prohibition of Incitement to Hatred Act 1989", NOTE);
		log.warn("DEMO MODE: demo legality matrix created (marked as demo data, not legal advice)");
	}
}
