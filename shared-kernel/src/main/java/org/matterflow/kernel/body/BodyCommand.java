package org.matterflow.kernel.body;

/**
 * The commands to the body aggregate.
 */
public sealed interface BodyCommand
		permits EstablishBody, RenameBody, DissolveBody, AppointMember, EndMembership, ElectOfficer {

	/** The body this is about. */
	BodyId bodyId();

}
