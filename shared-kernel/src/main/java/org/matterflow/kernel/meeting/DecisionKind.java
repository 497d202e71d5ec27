package org.matterflow.kernel.meeting;

/** The kinds of decision the minutes record. */
public enum DecisionKind {

	/** A plan or proposal is adopted ("planen antagen", "i enlighet med förslaget"). */
	ADOPT_PROPOSAL,
	/** Noted and placed on file ("lades till handlingarna"). */
	PLACE_ON_FILE,
	/** An assignment is handed out or continued. */
	HAND_OUT_ASSIGNMENT,
	/** A decision mandate is delegated to named people. */
	DELEGATE_MANDATE,
	/** The matter is referred to another body. */
	REFER,
	/** The matter is deferred to a coming meeting. */
	DEFER,
	/** An officer is elected ("valdes till vice ordförande"). */
	ELECT_OFFICER,
	/** A minutes adjuster is appointed ("utsågs till justerare"). */
	APPOINT_MINUTES_ADJUSTER,
	/** The agenda is adopted ("dagordningen fastställdes"). */
	ADOPT_AGENDA,
	/** The previous minutes are approved. */
	APPROVE_PREVIOUS_MINUTES,
	/** Meeting dates are set. */
	SET_MEETING_DATES,
	/** Any other decision; the text says what. */
	OTHER

}
