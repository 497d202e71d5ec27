package org.matterflow.query.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.matterflow.query.common.DatePrecisions;
import org.matterflow.query.common.Json;
import org.matterflow.query.common.Listing;
import org.matterflow.query.common.NotFound;
import org.matterflow.query.common.ReadYourWrites;
import org.matterflow.query.common.Sql;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.matterflow.query.common.Rows.text;

@RestController
@Tag(name = "Audit history")
public class HistoryController {

	/**
	 * One summary for both answers, which the OpenAPI document shows as one operation.
	 */
	private static final String SUMMARY = "How a matter travelled: every step in recorded order across all bodies, "
			+ "and the path of bodies it visited; as CSV (text/csv or format=csv) its steps, one row a step";

	private final JdbcClient jdbc;

	private final ReadYourWrites consistency;

	HistoryController(JdbcClient jdbc, ReadYourWrites consistency) {
		this.jdbc = jdbc;
		this.consistency = consistency;
	}

	@GetMapping("/api/matters/{matterId}/history")
	@Operation(summary = SUMMARY)
	Map<String, Object> history(@PathVariable String matterId, @RequestParam(required = false) Long position) {
		List<Map<String, Object>> rows = rows(matterId, position);
		Map<String, Object> matter = rows.get(0);
		List<Map<String, Object>> steps = steps(rows).stream().map(HistoryController::step).toList();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("matterId", matterId);
		view.put("title", matter.get("matter_title"));
		view.put("reference", matter.get("matter_reference"));
		view.put("raisedIn", matter.get("matter_raised_in"));
		view.put("raisedOn", text(matter.get("matter_raised_on")));
		view.put("raisedOnPrecision",
				DatePrecisions.shown(matter.get("matter_raised_on"), matter.get("matter_raised_on_precision")));
		view.put("closed", matter.get("matter_closed"));
		view.put("closedOn", text(matter.get("matter_closed_on")));
		view.put("closedOnPrecision",
				DatePrecisions.shown(matter.get("matter_closed_on"), matter.get("matter_closed_on_precision")));
		view.put("path", path(steps));
		view.put("steps", steps);
		return view;
	}

	/**
	 * The steps alone, one row each, for a spreadsheet or a statistics program: a
	 * researcher lays several matters' trails side by side, so each row names its matter,
	 * and the file is named after it.
	 */
	@GetMapping(path = "/api/matters/{matterId}/history", produces = "text/csv")
	@Operation(summary = SUMMARY)
	ResponseEntity<Listing> historyAsCsv(@PathVariable String matterId, @RequestParam(required = false) Long position) {
		Listing listing = Listing.of(steps(rows(matterId, position)), (row) -> {
			Map<String, Object> step = new LinkedHashMap<>();
			step.put("matterId", matterId);
			step.putAll(step(row));
			return step;
		});
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(matterId + "-history.csv").build().toString())
			.body(listing);
	}

	/**
	 * The matter and its steps in one statement, so in one snapshot of the read model:
	 * the matter's columns on every row, and one row without a step for a matter that has
	 * none.
	 */
	private List<Map<String, Object>> rows(String matterId, Long position) {
		Sql sql = new Sql(this.consistency.schemaAfter(HistoryReadModel.NAME, position));
		List<Map<String, Object>> rows = this.jdbc.sql(sql
			.of("SELECT m.title AS matter_title, m.reference AS matter_reference, m.raised_in AS matter_raised_in, "
					+ "m.raised_on AS matter_raised_on, m.raised_on_precision AS matter_raised_on_precision, m.closed AS matter_closed, "
					+ "m.closed_on AS matter_closed_on, m.closed_on_precision AS matter_closed_on_precision, s.*, b.name AS body_name, "
					+ "t.by_event_id AS taken_back_by FROM {s}.matter m "
					+ "LEFT JOIN {s}.step s ON s.matter_id = m.matter_id LEFT JOIN {s}.body b ON b.body_id = s.body_id "
					+ "LEFT JOIN {s}.taken_back t ON t.matter_id = s.matter_id AND t.event_id = s.event_id "
					+ "WHERE m.matter_id = ? ORDER BY s.position, s.event_id"))
			.param(matterId)
			.query()
			.listOfRows();
		if (rows.isEmpty()) {
			throw new NotFound("matter", matterId);
		}
		return rows;
	}

	/** The rows that are steps: a matter without any has one row, of the matter alone. */
	private static List<Map<String, Object>> steps(List<Map<String, Object>> rows) {
		return rows.stream().filter((row) -> row.get("event_id") != null).toList();
	}

	/**
	 * The bodies the matter visited, in order; a body is listed again when the matter
	 * comes back to it. A step taken back, and the step that took it back, visit no body:
	 * a matter referred to a body by mistake was never there.
	 */
	private static List<Map<String, Object>> path(List<Map<String, Object>> steps) {
		List<Map<String, Object>> path = new ArrayList<>();
		for (Map<String, Object> step : steps) {
			Object body = step.get("bodyId");
			if (body == null || step.get("takenBackBy") != null || TakenBack.TAKING_BACK.contains(step.get("step"))) {
				continue;
			}
			if (path.isEmpty() || !Objects.equals(path.get(path.size() - 1).get("bodyId"), body)) {
				Map<String, Object> visit = new LinkedHashMap<>();
				visit.put("bodyId", body);
				visit.put("bodyName", step.get("bodyName"));
				visit.put("from", step.get("businessDate"));
				visit.put("fromPrecision", step.get("businessDatePrecision"));
				path.add(visit);
			}
		}
		return path;
	}

	private static Map<String, Object> step(Map<String, Object> row) {
		Map<String, Object> step = new LinkedHashMap<>();
		step.put("step", row.get("step"));
		step.put("bodyId", row.get("body_id"));
		step.put("bodyName", row.get("body_name"));
		step.put("meetingId", row.get("meeting_id"));
		step.put("itemId", row.get("item_id"));
		step.put("decisionId", row.get("decision_id"));
		step.put("assignmentId", row.get("assignment_id"));
		step.put("businessDate", text(row.get("business_date")));
		step.put("businessDatePrecision",
				DatePrecisions.shown(row.get("business_date"), row.get("business_date_precision")));
		step.put("recordedAt", text(row.get("recorded_at")));
		step.put("recordedBy", row.get("recorded_by"));
		step.put("summary", row.get("summary"));
		step.put("details", Json.read(String.valueOf(row.get("details"))));
		step.put("eventId", String.valueOf(row.get("event_id")).split("/")[0]);
		step.put("position", row.get("position"));
		step.put("takenBackBy", row.get("taken_back_by"));
		return step;
	}

}
