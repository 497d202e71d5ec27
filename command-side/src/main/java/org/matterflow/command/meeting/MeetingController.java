package org.matterflow.command.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
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
import org.matterflow.kernel.DocumentRef;
import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.meeting.*;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/meetings")
@Tag(name = "Meetings", description = "Scheduling, agendas, attendance, decisions, deferrals and minutes")
public class MeetingController {

	private final CommandDispatcher dispatcher;

	MeetingController(CommandDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	record ScheduleRequest(String meetingId, @NotBlank String bodyId, @NotNull LocalDate date, LocalTime start,
			LocalTime end, String location, MeetingMode mode, Boolean tentative, String title) {
	}

	record RescheduleRequest(@NotNull LocalDate date, LocalTime start, LocalTime end, String location,
			Boolean tentative, String reason) {
	}

	record ReasonRequest(String reason) {
	}

	record AgendaItemRequest(String itemId, Integer position, @NotBlank String title, @NotNull ItemKind kind,
			String matterId, List<@NotBlank String> presenters, List<@NotBlank String> guests,
			List<@NotNull @Valid DocumentRequest> documents, String description) {
	}

	record DocumentRequest(@NotBlank String title, @NotBlank String uri) {

		DocumentRef toRef() {
			return new DocumentRef(this.title, this.uri);
		}

	}

	record OrderRequest(@NotEmpty List<@NotBlank String> order) {
	}

	record AttendanceRequest(@NotBlank String personId, @NotBlank String name, String organisation,
			@NotNull AttendanceStatus status, List<@NotBlank String> items) {
	}

	record AdjusterRequest(@NotBlank String personId, @NotBlank String name) {
	}

	record DiscussionRequest(@NotBlank String summary) {
	}

	record RemoveDocumentRequest(@NotBlank String uri, String reason) {
	}

	record DiscussionRevisionRequest(@NotBlank String summary, String reason) {
	}

	record DecisionRequest(String decisionId, @NotBlank String itemId, String matterId, @NotNull DecisionKind kind,
			@NotBlank String text) {
	}

	record RenameItemRequest(@NotBlank String title, String reason) {
	}

	record RevisionRequest(@NotBlank String text, String reason) {
	}

	record DeferRequest(String toMeeting, String toBacklogOf, String reason) {
	}

	record AdjustRequest(@NotNull LocalDate adjustedOn, List<@NotBlank String> adjustedBy) {
	}

	record CorrectionRequest(String correctionId, String itemId, String decisionId, @NotBlank String what,
			@NotBlank String correction, @NotBlank String reason) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Schedule a meeting of a body; sending the same meeting again changes nothing")
	Accepted schedule(@Valid @RequestBody ScheduleRequest request, Headers headers) {
		MeetingId id = MeetingId.of(Ids.orNew(request.meetingId()));
		return send(new ScheduleMeeting(id, BodyId.of(request.bodyId()),
				new MeetingTime(request.date(), request.start(), request.end()), request.location(),
				(request.mode() != null) ? request.mode() : MeetingMode.IN_PERSON,
				Boolean.TRUE.equals(request.tentative()), request.title()), id, headers);
	}

	@PostMapping("/{meetingId}/reschedule")
	Accepted reschedule(@PathVariable String meetingId, @Valid @RequestBody RescheduleRequest request,
			Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new RescheduleMeeting(id, new MeetingTime(request.date(), request.start(), request.end()),
				request.location(), Boolean.TRUE.equals(request.tentative()), request.reason()), id, headers);
	}

	@PostMapping("/{meetingId}/cancel")
	Accepted cancel(@PathVariable String meetingId, @RequestBody(required = false) ReasonRequest request,
			Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new CancelMeeting(id, (request != null) ? request.reason() : null), id, headers);
	}

	@PostMapping("/{meetingId}/agenda-items")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Put an item on the agenda, last unless a position is given")
	Accepted addItem(@PathVariable String meetingId, @Valid @RequestBody AgendaItemRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		AgendaItemId item = AgendaItemId.of(Ids.orNew(request.itemId()));
		List<DocumentRef> documents = (request.documents() != null)
				? request.documents().stream().map(DocumentRequest::toRef).toList() : List.of();
		return this.dispatcher.send(new AddAgendaItem(id, item, request.position(), request.title(), request.kind(),
				matter(request.matterId()), request.presenters(), request.guests(), documents, request.description()),
				id, headers, Map.of("meetingId", id.value(), "itemId", item.value()));
	}

	@PostMapping("/{meetingId}/agenda-items/{itemId}/rename")
	@Operation(summary = "Give an agenda item a new title until the minutes are adjusted; "
			+ "adjusted minutes are corrected instead, with a reason")
	Accepted renameItem(@PathVariable String meetingId, @PathVariable String itemId,
			@Valid @RequestBody RenameItemRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new RenameAgendaItem(id, AgendaItemId.of(itemId), request.title(), request.reason()), id, headers);
	}

	@PostMapping("/{meetingId}/agenda-items/{itemId}/withdraw")
	Accepted withdrawItem(@PathVariable String meetingId, @PathVariable String itemId,
			@RequestBody(required = false) ReasonRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new WithdrawAgendaItem(id, AgendaItemId.of(itemId), (request != null) ? request.reason() : null),
				id, headers);
	}

	@PostMapping("/{meetingId}/agenda/order")
	Accepted reorder(@PathVariable String meetingId, @Valid @RequestBody OrderRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new ReorderAgenda(id, request.order().stream().map(AgendaItemId::of).toList()), id, headers);
	}

	@PostMapping("/{meetingId}/agenda/adopt")
	Accepted adoptAgenda(@PathVariable String meetingId, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new AdoptAgenda(id), id, headers);
	}

	@PostMapping("/{meetingId}/open")
	@Operation(summary = "Open the meeting's record for attendance, discussions and decisions, on the meeting's day "
			+ "or later; a meeting held earlier than planned is rescheduled first. Refused (BODY_DISSOLVED) for a "
			+ "meeting after the day its body was dissolved")
	Accepted open(@PathVariable String meetingId, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new OpenMeeting(id), id, headers);
	}

	@PostMapping("/{meetingId}/attendance")
	Accepted attendance(@PathVariable String meetingId, @Valid @RequestBody AttendanceRequest request,
			Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		List<AgendaItemId> items = (request.items() != null) ? request.items().stream().map(AgendaItemId::of).toList()
				: List.of();
		return send(new RecordAttendance(id, PersonId.of(request.personId()), request.name(), request.organisation(),
				request.status(), items), id, headers);
	}

	@PostMapping("/{meetingId}/attendance/{personId}/remove")
	@Operation(summary = "Take out of the attendance a person recorded by mistake, until the minutes are adjusted")
	Accepted removeAttendance(@PathVariable String meetingId, @PathVariable String personId,
			@RequestBody(required = false) ReasonRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new RemoveAttendance(id, PersonId.of(personId), (request != null) ? request.reason() : null), id,
				headers);
	}

	@PostMapping("/{meetingId}/minutes-adjuster")
	Accepted appointAdjuster(@PathVariable String meetingId, @Valid @RequestBody AdjusterRequest request,
			Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new AppointMinutesAdjuster(id, PersonId.of(request.personId()), request.name()), id, headers);
	}

	@PostMapping("/{meetingId}/agenda-items/{itemId}/discussion")
	Accepted discussion(@PathVariable String meetingId, @PathVariable String itemId,
			@Valid @RequestBody DiscussionRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new RecordDiscussion(id, AgendaItemId.of(itemId), request.summary()), id, headers);
	}

	@PostMapping("/{meetingId}/agenda-items/{itemId}/discussion/revise")
	@Operation(summary = "Rewrite what the item's discussion reads until the minutes are adjusted; "
			+ "adjusted minutes are corrected instead, with a reason")
	Accepted reviseDiscussion(@PathVariable String meetingId, @PathVariable String itemId,
			@Valid @RequestBody DiscussionRevisionRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new ReviseDiscussion(id, AgendaItemId.of(itemId), request.summary(), request.reason()), id,
				headers);
	}

	@PostMapping("/{meetingId}/agenda-items/{itemId}/documents")
	Accepted attachDocument(@PathVariable String meetingId, @PathVariable String itemId,
			@Valid @RequestBody DocumentRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new AttachDocument(id, AgendaItemId.of(itemId), request.toRef()), id, headers);
	}

	@PostMapping("/{meetingId}/agenda-items/{itemId}/documents/remove")
	@Operation(summary = "Take a document off the item (every reference to its uri) until the minutes are adjusted")
	Accepted removeDocument(@PathVariable String meetingId, @PathVariable String itemId,
			@Valid @RequestBody RemoveDocumentRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new RemoveDocument(id, AgendaItemId.of(itemId), request.uri(), request.reason()), id, headers);
	}

	@PostMapping("/{meetingId}/decisions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a decision taken under an agenda item")
	Accepted decide(@PathVariable String meetingId, @Valid @RequestBody DecisionRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		DecisionId decision = DecisionId.of(Ids.orNew(request.decisionId()));
		return this.dispatcher.send(
				new TakeDecision(id, decision, AgendaItemId.of(request.itemId()), matter(request.matterId()),
						request.kind(), request.text()),
				id, headers, Map.of("meetingId", id.value(), "decisionId", decision.value()));
	}

	@PostMapping("/{meetingId}/decisions/{decisionId}/revise")
	@Operation(summary = "Revise the text of a decision until the minutes are adjusted; "
			+ "adjusted minutes are corrected instead, with a reason")
	Accepted revise(@PathVariable String meetingId, @PathVariable String decisionId,
			@Valid @RequestBody RevisionRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new ReviseDecision(id, DecisionId.of(decisionId), request.text(), request.reason()), id, headers);
	}

	@PostMapping("/{meetingId}/decisions/{decisionId}/withdraw")
	@Operation(summary = "Take back a decision recorded by mistake until the minutes are adjusted")
	Accepted withdrawDecision(@PathVariable String meetingId, @PathVariable String decisionId,
			@RequestBody(required = false) ReasonRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new WithdrawDecision(id, DecisionId.of(decisionId), (request != null) ? request.reason() : null),
				id, headers);
	}

	@PostMapping("/{meetingId}/agenda-items/{itemId}/defer")
	@Operation(summary = "Defer an item to a coming meeting, to a body's backlog, or to an unnamed coming meeting")
	Accepted defer(@PathVariable String meetingId, @PathVariable String itemId,
			@RequestBody(required = false) DeferRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		DeferRequest body = (request != null) ? request : new DeferRequest(null, null, null);
		return send(
				new DeferItem(id, AgendaItemId.of(itemId),
						(body.toMeeting() != null) ? MeetingId.of(body.toMeeting()) : null,
						(body.toBacklogOf() != null) ? BodyId.of(body.toBacklogOf()) : null, body.reason()),
				id, headers);
	}

	@PostMapping("/{meetingId}/agenda-items/{itemId}/deferral/withdraw")
	@Operation(summary = "Take back the item's deferral until the minutes are adjusted; it may then be deferred anew")
	Accepted withdrawDeferral(@PathVariable String meetingId, @PathVariable String itemId,
			@RequestBody(required = false) ReasonRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new WithdrawDeferral(id, AgendaItemId.of(itemId), (request != null) ? request.reason() : null), id,
				headers);
	}

	@PostMapping("/{meetingId}/close")
	Accepted close(@PathVariable String meetingId, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new CloseMeeting(id), id, headers);
	}

	@PostMapping("/{meetingId}/minutes/adjust")
	@Operation(summary = "Adjust (sign) the minutes, on the meeting's day or later and not on a day still to come; "
			+ "after this only corrections with a reason are taken")
	Accepted adjust(@PathVariable String meetingId, @Valid @RequestBody AdjustRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		return send(new AdjustMinutes(id, request.adjustedOn(), request.adjustedBy()), id, headers);
	}

	@PostMapping("/{meetingId}/minutes/corrections")
	@ResponseStatus(HttpStatus.CREATED)
	Accepted correct(@PathVariable String meetingId, @Valid @RequestBody CorrectionRequest request, Headers headers) {
		MeetingId id = MeetingId.of(meetingId);
		CorrectionId correction = CorrectionId.of(Ids.orNew(request.correctionId()));
		return this.dispatcher.send(
				new CorrectMinutes(id, correction,
						(request.itemId() != null) ? AgendaItemId.of(request.itemId()) : null,
						(request.decisionId() != null) ? DecisionId.of(request.decisionId()) : null, request.what(),
						request.correction(), request.reason()),
				id, headers, Map.of("meetingId", id.value(), "correctionId", correction.value()));
	}

	private static MatterId matter(String matterId) {
		return (matterId != null) ? MatterId.of(matterId) : null;
	}

	private Accepted send(Object command, MeetingId id, Headers headers) {
		return this.dispatcher.send(command, id, headers, Map.of("meetingId", id.value()));
	}

}
