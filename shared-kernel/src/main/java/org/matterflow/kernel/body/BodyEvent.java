package org.matterflow.kernel.body;

/**
 * The events recorded by the body aggregate.
 */
public sealed interface BodyEvent
		permits BodyEstablished, BodyRenamed, BodyDissolved, MemberAppointed, MembershipEnded, OfficerElected {

	/** The body this is about. */
	BodyId bodyId();

}
