package org.matterflow.query.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.matterflow.kernel.InvalidValue;
import org.matterflow.query.common.DatePrecisions;
import org.matterflow.query.common.Folded;
import org.matterflow.query.common.NotFound;
import org.matterflow.query.common.Page;
import org.matterflow.query.common.Period;
import org.matterflow.query.common.ReadYourWrites;
import org.matterflow.query.common.Sql;
import org.matterflow.query.common.WordSearch;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.matterflow.query.common.Rows.text;

/**
 * The register of matters: where an auditor finds a question by its registration number
 * or its words before following its history, and where a dashboard counts what a body
 * still has open. Served from the audit history's read model, so a matter listed here
 * always has the history it links to.
 */
@RestController
@Tag(name = "Audit history")
public class MatterRegisterController {

	private static final Set<String> STATUSES = Set.of("open", "closed", "all");

	private final JdbcClient jdbc;

	private final ReadYourWrites consistency;

	MatterRegisterController(JdbcClient jdbc, ReadYourWrites consistency) {
		this.jdbc = jdbc;
		this.consistency = consistency;
	}

	@GetMapping("/api/matters")
	@ApiResponse(responseCode = "200", description = "a page of the register, in its order",
			headers = @Header(name = "Link", description = Page.NEXT_LINK))
	@Operation(
			summary = "The register of matters, in the order they were raised; filter by status, a body they passed through, registration number, words (every word asked for, inflected or within a compound; at most 32), day raised; a Link header with rel=next reads the page after")
	ResponseEntity<List<Map<String, Object>>> matters(@RequestParam(defaultValue = "all") String status,
			@RequestParam(required = false) String body, @RequestParam(required = false) String reference,
			@RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate raisedFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate raisedTo,
			@RequestParam(defaultValue = "500") int limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) Long position) {
		String wanted = status.toLowerCase(Locale.ROOT);
		if (!STATUSES.contains(wanted)) {
			throw new InvalidValue("status", "status must be one of " + STATUSES + ", but was '" + status + "'");
		}
		if (limit < 1 || limit > 5000) {
			throw new InvalidValue("limit", "limit must be between 1 and 5000");
		}
		Period.requireOrdered(raisedFrom, "raisedTo", raisedTo);
		Sql sql = new Sql(this.consistency.schemaAfter(HistoryReadModel.NAME, position));
		StringBuilder where = new StringBuilder(" WHERE true");
		List<Object> params = new ArrayList<>();
		if (!"all".equals(wanted)) {
			where.append(" AND m.closed = ?");
			params.add("closed".equals(wanted));
		}
		if (body != null) {
			// every step names the body it happened in, the raising included; as in a
			// matter's path, what was taken back, and what took it back, count for none
			where.append(" AND EXISTS (SELECT 1 FROM {s}.step x WHERE x.body_id = ? AND x.matter_id = m.matter_id "
					+ "AND x.step NOT IN " + TakenBack.TAKING_BACK_IN_SQL + " AND NOT EXISTS (SELECT 1 FROM "
					+ "{s}.taken_back t WHERE t.matter_id = x.matter_id AND t.event_id = x.event_id))");
			params.add(body);
		}
		if (reference != null && !reference.isBlank()) {
			// found in either case: RS 2023/123 is rs 2023/123
			where.append(" AND m.reference_key = ?");
			params.add(Folded.of(reference.strip()));
		}
		if (q != null && !q.isBlank()) {
			WordSearch.append(where, params, "m", q);
		}
		if (raisedFrom != null) {
			where.append(" AND m.raised_on >= ?");
			params.add(raisedFrom);
		}
		if (raisedTo != null) {
			where.append(" AND m.raised_on <= ?");
			params.add(raisedTo);
		}
		if (after != null) {
			Page.Cursor cursor = Page.Cursor.parse(after);
			where.append(" AND (m.raised_on, m.raised_position) > (?, ?)");
			params.add(cursor.day());
			params.add(cursor.position());
		}
		params.add(limit + 1);
		List<Map<String, Object>> rows = this.jdbc.sql(sql.of(register(where.toString())))
			.params(params)
			.query()
			.listOfRows();
		return Page.of(rows, limit, "raised_on", "raised_position", MatterRegisterController::view);
	}

	/**
	 * One matter as the register lists it, for a client that holds its id: the answer to
	 * a command that raised it, a link from a decision or an assignment, a bookmark.
	 */
	@GetMapping("/api/matters/{matterId}")
	@Operation(summary = "One matter as the register lists it: title, registration number, where and when raised, "
			+ "open or closed, the last step")
	Map<String, Object> matter(@PathVariable String matterId, @RequestParam(required = false) Long position) {
		Sql sql = new Sql(this.consistency.schemaAfter(HistoryReadModel.NAME, position));
		return this.jdbc.sql(sql.of(register(" WHERE m.matter_id = ?")))
			.params(matterId, 1)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.map(MatterRegisterController::view)
			.orElseThrow(() -> new NotFound("matter", matterId));
	}

	/**
	 * The register's statement for the matters {@code where} selects, its last parameter
	 * the number of rows at most.
	 */
	private static String register(String where) {
		// a listed matter's last step is an index lookup, made after the limit
		return "SELECT m.*, rb.name AS raised_in_name, l.* FROM (SELECT m.matter_id, m.title, m.reference, "
				+ "m.raised_in, m.raised_on, m.raised_on_precision, m.raised_position, m.closed, m.closed_on, "
				+ "m.closed_on_precision FROM {s}.matter m" + where
				+ " ORDER BY m.raised_on, m.raised_position LIMIT ?) m LEFT JOIN {s}.body rb ON rb.body_id = m.raised_in "
				+ "LEFT JOIN LATERAL (SELECT s.step AS last_step, s.body_id AS last_body_id, b.name AS last_body_name, "
				+ "s.business_date AS last_business_date, s.business_date_precision AS last_business_date_precision, "
				+ "s.position AS last_position FROM {s}.step s "
				+ "LEFT JOIN {s}.body b ON b.body_id = s.body_id WHERE s.matter_id = m.matter_id "
				+ "ORDER BY s.position DESC, s.event_id DESC LIMIT 1) l ON true ORDER BY m.raised_on, m.raised_position";
	}

	private static Map<String, Object> view(Map<String, Object> row) {
		Map<String, Object> matter = new LinkedHashMap<>();
		matter.put("matterId", row.get("matter_id"));
		matter.put("title", row.get("title"));
		matter.put("reference", row.get("reference"));
		matter.put("raisedIn", row.get("raised_in"));
		matter.put("raisedInName", row.get("raised_in_name"));
		matter.put("raisedOn", text(row.get("raised_on")));
		matter.put("raisedOnPrecision", DatePrecisions.shown(row.get("raised_on"), row.get("raised_on_precision")));
		matter.put("status", Boolean.TRUE.equals(row.get("closed")) ? "CLOSED" : "OPEN");
		matter.put("closedOn", text(row.get("closed_on")));
		matter.put("closedOnPrecision", DatePrecisions.shown(row.get("closed_on"), row.get("closed_on_precision")));
		Map<String, Object> last = new LinkedHashMap<>();
		last.put("step", row.get("last_step"));
		last.put("bodyId", row.get("last_body_id"));
		last.put("bodyName", row.get("last_body_name"));
		last.put("businessDate", text(row.get("last_business_date")));
		last.put("businessDatePrecision",
				DatePrecisions.shown(row.get("last_business_date"), row.get("last_business_date_precision")));
		last.put("position", row.get("last_position"));
		matter.put("lastStep", last);
		return matter;
	}

}
