package org.matterflow.command.matter;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.matterflow.command.common.Accepted;
import org.matterflow.command.common.CommandDispatcher;
import org.matterflow.command.common.CommandDispatcher.Headers;
import org.matterflow.command.common.Ids;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.CloseMatter;
import org.matterflow.kernel.matter.DescribeMatter;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.matter.QueueMatter;
import org.matterflow.kernel.matter.RaiseMatter;
import org.matterflow.kernel.matter.ReferMatter;
import org.matterflow.kernel.matter.ReferralPurpose;
import org.matterflow.kernel.matter.RegisterMatter;
import org.matterflow.kernel.matter.RemoveMatterFromBacklog;
import org.matterflow.kernel.matter.RenameMatter;
import org.matterflow.kernel.matter.ReopenMatter;
import org.matterflow.kernel.matter.WithdrawReferral;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.MeetingId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/matters")
@Tag(name = "Matters", description = "Questions (ärenden) and how they travel from body to body")
public class MatterController {

	private final CommandDispatcher dispatcher;

	MatterController(CommandDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	record RaiseRequest(String matterId, @NotBlank String bodyId, @NotBlank String title, String reference,
			String description) {
	}

	record RenameRequest(@NotBlank String title, String reason) {
	}

	record DescriptionRequest(@NotBlank String description, String reason) {
	}

	record RegistrationRequest(@NotBlank String reference, String reason) {
	}

	record ReferRequest(@NotBlank String fromBody, @NotBlank String toBody, @NotNull ReferralPurpose purpose,
			String atMeeting, String itemId, String note) {
	}

	record WithdrawReferralRequest(@NotBlank String toBody, String atMeeting, String reason) {
	}

	record RemoveFromBacklogRequest(@NotBlank String bodyId, String reason) {
	}

	record QueueRequest(@NotBlank String bodyId, Integer priority, String note) {
	}

	record CloseRequest(@NotBlank String outcome) {
	}

	record ReopenRequest(@NotBlank String reason) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Raise a matter in a body; sending the same matter again changes nothing")
	Accepted raise(@Valid @RequestBody RaiseRequest request, Headers headers) {
		MatterId id = MatterId.of(Ids.orNew(request.matterId()));
		return send(new RaiseMatter(id, BodyId.of(request.bodyId()), request.title(), request.reference(),
				request.description()), id, headers);
	}

	@PostMapping("/{matterId}/rename")
	@Operation(summary = "Give the matter a new title; the steps before keep the title it had then")
	Accepted rename(@PathVariable String matterId, @Valid @RequestBody RenameRequest request, Headers headers) {
		MatterId id = MatterId.of(matterId);
		return send(new RenameMatter(id, request.title(), request.reason()), id, headers);
	}

	@PostMapping("/{matterId}/description")
	@Operation(summary = "Give the matter a new description; the steps before keep the one it had then")
	Accepted describe(@PathVariable String matterId, @Valid @RequestBody DescriptionRequest request, Headers headers) {
		MatterId id = MatterId.of(matterId);
		return send(new DescribeMatter(id, request.description(), request.reason()), id, headers);
	}

	@PostMapping("/{matterId}/registration")
	@Operation(summary = "Record the registration number (diarienummer) the matter was given, or mend a wrong one")
	Accepted register(@PathVariable String matterId, @Valid @RequestBody RegistrationRequest request, Headers headers) {
		MatterId id = MatterId.of(matterId);
		return send(new RegisterMatter(id, request.reference(), request.reason()), id, headers);
	}

	@PostMapping("/{matterId}/referrals")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Refer the matter from a body it has been with to another body")
	Accepted refer(@PathVariable String matterId, @Valid @RequestBody ReferRequest request, Headers headers) {
		MatterId id = MatterId.of(matterId);
		return send(
				new ReferMatter(id, BodyId.of(request.fromBody()), BodyId.of(request.toBody()), request.purpose(),
						(request.atMeeting() != null) ? MeetingId.of(request.atMeeting()) : null,
						(request.itemId() != null) ? AgendaItemId.of(request.itemId()) : null, request.note()),
				id, headers);
	}

	@PostMapping("/{matterId}/referrals/withdraw")
	@Operation(summary = "Take back a referral recorded by mistake: the one to toBody made at atMeeting, "
			+ "or without atMeeting the one recorded without a meeting; until that meeting's minutes are adjusted")
	Accepted withdrawReferral(@PathVariable String matterId, @Valid @RequestBody WithdrawReferralRequest request,
			Headers headers) {
		MatterId id = MatterId.of(matterId);
		return send(
				new WithdrawReferral(id, BodyId.of(request.toBody()),
						(request.atMeeting() != null) ? MeetingId.of(request.atMeeting()) : null, request.reason()),
				id, headers);
	}

	@PostMapping("/{matterId}/backlog")
	@Operation(summary = "Queue the matter on a body's backlog for coming meetings")
	Accepted queue(@PathVariable String matterId, @Valid @RequestBody QueueRequest request, Headers headers) {
		MatterId id = MatterId.of(matterId);
		return send(new QueueMatter(id, BodyId.of(request.bodyId()), request.priority(), request.note()), id, headers);
	}

	@PostMapping("/{matterId}/backlog/remove")
	@Operation(summary = "Take the matter off a body's backlog without taking it up there")
	Accepted removeFromBacklog(@PathVariable String matterId, @Valid @RequestBody RemoveFromBacklogRequest request,
			Headers headers) {
		MatterId id = MatterId.of(matterId);
		return send(new RemoveMatterFromBacklog(id, BodyId.of(request.bodyId()), request.reason()), id, headers);
	}

	@PostMapping("/{matterId}/close")
	Accepted close(@PathVariable String matterId, @Valid @RequestBody CloseRequest request, Headers headers) {
		MatterId id = MatterId.of(matterId);
		return send(new CloseMatter(id, request.outcome()), id, headers);
	}

	@PostMapping("/{matterId}/reopen")
	Accepted reopen(@PathVariable String matterId, @Valid @RequestBody ReopenRequest request, Headers headers) {
		MatterId id = MatterId.of(matterId);
		return send(new ReopenMatter(id, request.reason()), id, headers);
	}

	private Accepted send(Object command, MatterId id, Headers headers) {
		return this.dispatcher.send(command, id, headers, Map.of("matterId", id.value()));
	}

}
