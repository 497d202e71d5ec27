package org.matterflow.kernel.assignment;

import org.matterflow.kernel.Check;
import org.matterflow.kernel.Identifier;

/**
 * Who holds an assignment: a named person, or a whole body ("the working group was given
 * the assignment"). The id is a person id or a body id, as the kind says.
 */
public record Assignee(Kind kind, String id, String name) {

	public enum Kind {

		PERSON, BODY

	}

	public Assignee {
		Check.required(kind, "assignee kind");
		Identifier.check(id, "assignee id");
		name = Check.optionalText(name, "assignee name", 200);
	}

	public static Assignee person(String id, String name) {
		return new Assignee(Kind.PERSON, id, name);
	}

	public static Assignee body(String id, String name) {
		return new Assignee(Kind.BODY, id, name);
	}

}
