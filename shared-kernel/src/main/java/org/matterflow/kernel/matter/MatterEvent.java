package org.matterflow.kernel.matter;

/**
 * The events recorded by the matter aggregate.
 */
public sealed interface MatterEvent permits MatterRaised, MatterRenamed, MatterDescribed, MatterRegistered,
		MatterReferred, ReferralWithdrawn, MatterQueued, MatterRemovedFromBacklog, MatterClosed, MatterReopened {

	/** The matter this is about. */
	MatterId matterId();

}
