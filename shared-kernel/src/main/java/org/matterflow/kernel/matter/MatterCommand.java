package org.matterflow.kernel.matter;

/**
 * The commands to the matter aggregate.
 */
public sealed interface MatterCommand permits RaiseMatter, RenameMatter, DescribeMatter, RegisterMatter, ReferMatter,
		WithdrawReferral, QueueMatter, RemoveMatterFromBacklog, CloseMatter, ReopenMatter {

	/** The matter this is about. */
	MatterId matterId();

}
