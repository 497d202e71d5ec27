package org.matterflow.query.decisions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.matterflow.kernel.InvalidValue;
import org.matterflow.kernel.meeting.DecisionKind;
import org.matterflow.query.common.DatePrecisions;
import org.matterflow.query.common.Page;
import org.matterflow.query.common.Period;
import org.matterflow.query.common.ReadYourWrites;
import org.matterflow.query.common.Sql;
import org.matterflow.query.common.WordSearch;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.matterflow.query.common.Rows.text;

@RestController
@Tag(name = "Decision register")
public class DecisionController {

	private final JdbcClient jdbc;

	private final ReadYourWrites consistency;

	DecisionController(JdbcClient jdbc, ReadYourWrites consistency) {
		this.jdbc = jdbc;
		this.consistency = consistency;
	}

	@GetMapping("/api/decisions")
	@ApiResponse(responseCode = "200", description = "a page of the register, in its order",
			headers = @Header(name = "Link", description = Page.NEXT_LINK))
	@Operation(
			summary = "The decision register, by date; filter by body, period, kind, matter and words in the text or the item's title (every word asked for, inflected or within a compound; at most 32); a Link header with rel=next reads the page after")
	ResponseEntity<List<Map<String, Object>>> decisions(@RequestParam(required = false) String body,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) DecisionKind kind, @RequestParam(required = false) String matter,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "500") int limit,
			@RequestParam(required = false) String after, @RequestParam(required = false) Long position) {
		if (limit < 1 || limit > 5000) {
			throw new InvalidValue("limit", "limit must be between 1 and 5000");
		}
		Period.requireOrdered(from, "to", to);
		Sql sql = new Sql(this.consistency.schemaAfter(DecisionsReadModel.NAME, position));
		StringBuilder where = new StringBuilder(" WHERE true");
		List<Object> params = new ArrayList<>();
		if (body != null) {
			where.append(" AND d.body_id = ?");
			params.add(body);
		}
		if (from != null) {
			where.append(" AND d.date >= ?");
			params.add(from);
		}
		if (to != null) {
			where.append(" AND d.date <= ?");
			params.add(to);
		}
		if (kind != null) {
			where.append(" AND d.kind = ?");
			params.add(kind.name());
		}
		if (matter != null) {
			where.append(" AND d.matter_id = ?");
			params.add(matter);
		}
		if (q != null && !q.isBlank()) {
			WordSearch.append(where, params, "d", q);
		}
		if (after != null) {
			Page.Cursor cursor = Page.Cursor.parse(after);
			where.append(" AND (d.date, d.position) > (?, ?)");
			params.add(cursor.day());
			params.add(cursor.position());
		}
		params.add(limit + 1);
		List<Map<String, Object>> rows = this.jdbc.sql(sql
			.of("SELECT d.decision_id, d.body_id, d.meeting_id, d.date, d.date_precision, d.position, d.item_id, d.item_title, d.matter_id, "
					+ "d.kind, d.text, d.corrected_text, d.correction_reason, b.name AS body_name FROM {s}.decision d "
					+ "LEFT JOIN {s}.body b ON b.body_id = d.body_id" + where + " ORDER BY d.date, d.position LIMIT ?"))
			.params(params)
			.query()
			.listOfRows();
		return Page.of(rows, limit, "date", "position", DecisionController::view);
	}

	private static Map<String, Object> view(Map<String, Object> row) {
		Map<String, Object> decision = new LinkedHashMap<>();
		decision.put("decisionId", row.get("decision_id"));
		decision.put("bodyId", row.get("body_id"));
		decision.put("bodyName", row.get("body_name"));
		decision.put("meetingId", row.get("meeting_id"));
		decision.put("date", text(row.get("date")));
		// as a meeting's: DAY, or MONTH or YEAR for a meeting of an undated protocol
		decision.put("datePrecision", DatePrecisions.shown(row.get("date"), row.get("date_precision")));
		decision.put("itemId", row.get("item_id"));
		decision.put("itemTitle", row.get("item_title"));
		decision.put("matterId", row.get("matter_id"));
		decision.put("kind", row.get("kind"));
		decision.put("text", row.get("text"));
		decision.put("correctedText", row.get("corrected_text"));
		decision.put("correctionReason", row.get("correction_reason"));
		return decision;
	}

}
