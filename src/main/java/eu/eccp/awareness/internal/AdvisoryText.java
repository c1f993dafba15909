package eu.eccp.awareness.internal;

/**
 * An advisory in one language: what the public reads.
 *
 * @param happening what is happening
 * @param recognise how to recognise it
 * @param advice what to do
 * @param reportHow how to report it (the page adds the link to the report form)
 */
public record AdvisoryText(AdvisoryLanguage language, String title, String summary, String happening, String recognise,
		String advice, String reportHow) {
}
