package org.matterflow.kernel.matter;

import org.matterflow.kernel.Check;

/**
 * Record the registration number (diarienummer) a matter was given in the diary, usually
 * some time after it was raised, or mend one recorded wrongly.
 */
public record RegisterMatter(MatterId matterId, String reference, String reason) implements MatterCommand {

	public RegisterMatter {
		Check.required(matterId, "matterId");
		reference = Check.text(reference, "reference", 100);
		reason = Check.optionalText(reason, "reason", 1000);
	}

}
