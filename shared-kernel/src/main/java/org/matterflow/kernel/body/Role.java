package org.matterflow.kernel.body;

/** The role a person holds in a body. */
public enum Role {

	CHAIR, VICE_CHAIR, SECRETARY, MEMBER, DEPUTY, ADJUNCT;

	/** Officers are elected to their role; the others are appointed as members. */
	public boolean isOfficer() {
		return this == CHAIR || this == VICE_CHAIR || this == SECRETARY;
	}

}
