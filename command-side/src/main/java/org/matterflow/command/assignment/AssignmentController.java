package org.matterflow.command.assignment;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.matterflow.command.common.Accepted;
import org.matterflow.command.common.CommandDispatcher;
import org.matterflow.command.common.CommandDispatcher.Headers;
import org.matterflow.command.common.Ids;
import org.matterflow.kernel.assignment.Assignee;
import org.matterflow.kernel.assignment.AssignmentId;
import org.matterflow.kernel.assignment.AssignmentKind;
import org.matterflow.kernel.assignment.ChangeAssignmentDueDate;
import org.matterflow.kernel.assignment.CompleteAssignment;
import org.matterflow.kernel.assignment.Due;
import org.matterflow.kernel.assignment.HandOutAssignment;
import org.matterflow.kernel.assignment.ReassignAssignment;
import org.matterflow.kernel.assignment.ReportBackAssignment;
import org.matterflow.kernel.assignment.ReviseAssignment;
import org.matterflow.kernel.assignment.WithdrawAssignment;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.MatterId;
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
@RequestMapping("/api/assignments")
@Tag(name = "Assignments", description = "Assignments (uppdrag) handed out at meetings and reported back")
public class AssignmentController {

	private final CommandDispatcher dispatcher;

	AssignmentController(CommandDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	record AssigneeRequest(@NotNull Assignee.Kind kind, @NotBlank String id, String name) {

		Assignee toAssignee() {
			return new Assignee(this.kind, this.id, this.name);
		}

	}

	record DueRequest(java.time.LocalDate date, String atMeetingOf, String atMeeting) {

		Due toDue() {
			return new Due(this.date, (this.atMeetingOf != null) ? BodyId.of(this.atMeetingOf) : null,
					(this.atMeeting != null) ? MeetingId.of(this.atMeeting) : null);
		}

	}

	record HandOutRequest(String assignmentId, @NotBlank String meetingId, @NotBlank String itemId, String matterId,
			@NotEmpty List<@NotNull @Valid AssigneeRequest> assignees, @NotBlank String description,
			@NotNull @Valid DueRequest due, AssignmentKind kind) {
	}

	record DueChangeRequest(@NotNull @Valid DueRequest due, String reason) {
	}

	record RevisionRequest(@NotBlank String description, String reason) {
	}

	record ReassignRequest(@NotEmpty List<@NotNull @Valid AssigneeRequest> assignees, String reason) {
	}

	record ReportBackRequest(@NotBlank String meetingId, String itemId, @NotBlank String summary) {
	}

	record CompleteRequest(String note) {
	}

	record WithdrawRequest(@NotBlank String reason) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Hand out an assignment under an item of an opened meeting")
	Accepted handOut(@Valid @RequestBody HandOutRequest request, Headers headers) {
		AssignmentId id = AssignmentId.of(Ids.orNew(request.assignmentId()));
		return send(new HandOutAssignment(id, MeetingId.of(request.meetingId()), AgendaItemId.of(request.itemId()),
				(request.matterId() != null) ? MatterId.of(request.matterId()) : null, assignees(request.assignees()),
				request.description(), request.due().toDue(),
				(request.kind() != null) ? request.kind() : AssignmentKind.TASK), id, headers);
	}

	@PostMapping("/{assignmentId}/due-date")
	Accepted changeDue(@PathVariable String assignmentId, @Valid @RequestBody DueChangeRequest request,
			Headers headers) {
		AssignmentId id = AssignmentId.of(assignmentId);
		return send(new ChangeAssignmentDueDate(id, request.due().toDue(), request.reason()), id, headers);
	}

	@PostMapping("/{assignmentId}/revise")
	@Operation(summary = "Revise the description until the minutes of the meeting that handed it out are adjusted; "
			+ "adjusted minutes are corrected instead, with a reason")
	Accepted revise(@PathVariable String assignmentId, @Valid @RequestBody RevisionRequest request, Headers headers) {
		AssignmentId id = AssignmentId.of(assignmentId);
		return send(new ReviseAssignment(id, request.description(), request.reason()), id, headers);
	}

	@PostMapping("/{assignmentId}/reassign")
	Accepted reassign(@PathVariable String assignmentId, @Valid @RequestBody ReassignRequest request, Headers headers) {
		AssignmentId id = AssignmentId.of(assignmentId);
		return send(new ReassignAssignment(id, assignees(request.assignees()), request.reason()), id, headers);
	}

	@PostMapping("/{assignmentId}/report-back")
	@Operation(summary = "Record that the assignees reported back at a meeting")
	Accepted reportBack(@PathVariable String assignmentId, @Valid @RequestBody ReportBackRequest request,
			Headers headers) {
		AssignmentId id = AssignmentId.of(assignmentId);
		return send(
				new ReportBackAssignment(id, MeetingId.of(request.meetingId()),
						(request.itemId() != null) ? AgendaItemId.of(request.itemId()) : null, request.summary()),
				id, headers);
	}

	@PostMapping("/{assignmentId}/complete")
	Accepted complete(@PathVariable String assignmentId, @RequestBody(required = false) CompleteRequest request,
			Headers headers) {
		AssignmentId id = AssignmentId.of(assignmentId);
		return send(new CompleteAssignment(id, (request != null) ? request.note() : null), id, headers);
	}

	@PostMapping("/{assignmentId}/withdraw")
	Accepted withdraw(@PathVariable String assignmentId, @Valid @RequestBody WithdrawRequest request, Headers headers) {
		AssignmentId id = AssignmentId.of(assignmentId);
		return send(new WithdrawAssignment(id, request.reason()), id, headers);
	}

	private static List<Assignee> assignees(List<AssigneeRequest> requests) {
		return requests.stream().map(AssigneeRequest::toAssignee).toList();
	}

	private Accepted send(Object command, AssignmentId id, Headers headers) {
		return this.dispatcher.send(command, id, headers, Map.of("assignmentId", id.value()));
	}

}
