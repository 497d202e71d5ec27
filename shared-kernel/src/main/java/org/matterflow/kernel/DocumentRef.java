package org.matterflow.kernel;

/**
 * A reference to a document or attachment kept elsewhere (a presentation, a plan, an
 * attachment to the minutes): the record keeps where it is, not the file.
 */
public record DocumentRef(String title, String uri) {

	public DocumentRef {
		title = Check.text(title, "document title", 300);
		uri = Check.text(uri, "document uri", 2000);
	}

}
