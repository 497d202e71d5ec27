package org.matterflow.query.common;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A parameter sent empty ({@code ?body=&assignee=}), as a form sends a field left blank,
 * counts as not sent: it filters nothing, rather than matching the rows whose body is the
 * empty text, which are none, and answering an empty list a reader would take as a fact.
 * Text around a value is trimmed for the same reason.
 */
@ControllerAdvice
class BlankParameters {

	@InitBinder
	void blankIsAbsent(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

}
