package org.matterflow.command.body;

import java.time.LocalDate;
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
import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.body.AppointMember;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.body.DissolveBody;
import org.matterflow.kernel.body.ElectOfficer;
import org.matterflow.kernel.body.EndMembership;
import org.matterflow.kernel.body.EstablishBody;
import org.matterflow.kernel.body.MembershipId;
import org.matterflow.kernel.body.RenameBody;
import org.matterflow.kernel.body.Role;
import org.matterflow.kernel.meeting.MeetingId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/bodies")
@Tag(name = "Bodies", description = "Councils, management groups, county-part groups, working groups and their members")
public class BodyController {

	private final CommandDispatcher dispatcher;

	BodyController(CommandDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	record EstablishRequest(String bodyId, @NotBlank String name, @NotNull BodyKind kind, String parentBody,
			String mission, LocalDate establishedOn) {
	}

	record RenameRequest(@NotBlank String name, String reason) {
	}

	record DissolveRequest(@NotNull LocalDate dissolvedOn, String reason) {
	}

	record AppointRequest(String membershipId, @NotBlank String personId, @NotBlank String name, String organisation,
			String title, @NotNull Role role, @NotNull LocalDate from) {
	}

	record EndMembershipRequest(@NotNull LocalDate to, String reason) {
	}

	record ElectRequest(@NotBlank String personId, @NotBlank String name, @NotNull Role role, @NotNull LocalDate from,
			String atMeeting) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Establish a body; sending the same body again changes nothing")
	Accepted establish(@Valid @RequestBody EstablishRequest request, Headers headers) {
		BodyId id = BodyId.of(Ids.orNew(request.bodyId()));
		return send(new EstablishBody(id, request.name(), request.kind(),
				(request.parentBody() != null) ? BodyId.of(request.parentBody()) : null, request.mission(),
				request.establishedOn()), id, headers);
	}

	@PostMapping("/{bodyId}/rename")
	Accepted rename(@PathVariable String bodyId, @Valid @RequestBody RenameRequest request, Headers headers) {
		BodyId id = BodyId.of(bodyId);
		return send(new RenameBody(id, request.name(), request.reason()), id, headers);
	}

	@PostMapping("/{bodyId}/dissolve")
	@Operation(summary = "Record that a body was dissolved, on that day or later: until then it still meets")
	Accepted dissolve(@PathVariable String bodyId, @Valid @RequestBody DissolveRequest request, Headers headers) {
		BodyId id = BodyId.of(bodyId);
		return send(new DissolveBody(id, request.dissolvedOn(), request.reason()), id, headers);
	}

	@PostMapping("/{bodyId}/members")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Appoint a person to the body in a role from a date")
	Accepted appoint(@PathVariable String bodyId, @Valid @RequestBody AppointRequest request, Headers headers) {
		BodyId id = BodyId.of(bodyId);
		MembershipId membership = MembershipId.of(Ids.orNew(request.membershipId()));
		return this.dispatcher.send(
				new AppointMember(id, membership, PersonId.of(request.personId()), request.name(),
						request.organisation(), request.title(), request.role(), request.from()),
				id, headers, Map.of("bodyId", id.value(), "membershipId", membership.value()));
	}

	@PostMapping("/{bodyId}/members/{membershipId}/end")
	@Operation(
			summary = "Record that a membership ended on a day: not before it began, nor after the body's dissolution")
	Accepted endMembership(@PathVariable String bodyId, @PathVariable String membershipId,
			@Valid @RequestBody EndMembershipRequest request, Headers headers) {
		BodyId id = BodyId.of(bodyId);
		return send(new EndMembership(id, MembershipId.of(membershipId), request.to(), request.reason()), id, headers);
	}

	@PostMapping("/{bodyId}/officers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record that a person was elected chair, vice chair or secretary")
	Accepted elect(@PathVariable String bodyId, @Valid @RequestBody ElectRequest request, Headers headers) {
		BodyId id = BodyId.of(bodyId);
		return send(new ElectOfficer(id, PersonId.of(request.personId()), request.name(), request.role(),
				request.from(), (request.atMeeting() != null) ? MeetingId.of(request.atMeeting()) : null), id, headers);
	}

	private Accepted send(Object command, BodyId id, Headers headers) {
		return this.dispatcher.send(command, id, headers, Map.of("bodyId", id.value()));
	}

}
