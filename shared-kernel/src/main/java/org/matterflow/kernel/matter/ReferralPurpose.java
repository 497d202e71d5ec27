package org.matterflow.kernel.matter;

/** Why a matter is sent to another body. */
public enum ReferralPurpose {

	FOR_DECISION, FOR_PREPARATION, FOR_INFORMATION, FOR_ANCHORING

}
