package org.matterflow.query.bodies;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.common.Listing;
import org.matterflow.query.common.NotFound;
import org.matterflow.query.common.ReadYourWrites;
import org.matterflow.query.common.Sql;
import org.matterflow.query.common.SwedishOrder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.matterflow.query.common.Rows.text;

@RestController
@Tag(name = "Bodies")
public class BodyController {

	private final JdbcClient jdbc;

	private final ReadYourWrites consistency;

	BodyController(JdbcClient jdbc, ReadYourWrites consistency) {
		this.jdbc = jdbc;
		this.consistency = consistency;
	}

	@GetMapping("/api/bodies")
	@Operation(summary = "All bodies of the collaboration structure")
	List<Map<String, Object>> bodies(@RequestParam(required = false) Long position) {
		Sql sql = new Sql(this.consistency.schemaAfter(BodiesReadModel.NAME, position));
		return Listing.of(
				SwedishOrder.byName(
						this.jdbc.sql(sql.of("SELECT * FROM {s}.body ORDER BY body_id")).query().listOfRows(), "name"),
				BodyController::body);
	}

	@GetMapping("/api/bodies/{bodyId}")
	@Operation(summary = "A body with its members and officers on a date (today unless given); "
			+ "none after the day it was dissolved")
	Map<String, Object> body(@PathVariable String bodyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) Long position) {
		Sql sql = new Sql(this.consistency.schemaAfter(BodiesReadModel.NAME, position));
		LocalDate day = (on != null) ? on : LocalDate.now(MeetingTime.ZONE);
		Map<String, Object> view = body(this.jdbc.sql(sql.of("SELECT * FROM {s}.body WHERE body_id = ?"))
			.param(bodyId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFound("body", bodyId)));
		view.put("on", day.toString());
		Object dissolvedOn = view.get("dissolvedOn");
		if (dissolvedOn != null && day.isAfter(LocalDate.parse((String) dissolvedOn))) {
			// a dissolved body seats no one, whatever end its memberships were given
			view.put("members", List.of());
			view.put("officers", Map.of());
			return view;
		}
		view.put("members", this.jdbc.sql(sql
			.of("SELECT * FROM {s}.membership WHERE body_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date >= ?) "
					+ "ORDER BY membership_id"))
			.params(bodyId, day, day)
			.query()
			.listOfRows()
			.stream()
			.sorted(Comparator.comparing((Map<String, Object> row) -> String.valueOf(row.get("role")))
				.thenComparing((row) -> (String) row.get("name"), SwedishOrder.NAMES))
			.map((row) -> {
				Map<String, Object> member = new LinkedHashMap<>();
				member.put("membershipId", row.get("membership_id"));
				member.put("personId", row.get("person_id"));
				member.put("name", row.get("name"));
				member.put("organisation", row.get("organisation"));
				member.put("title", row.get("title"));
				member.put("role", row.get("role"));
				member.put("from", text(row.get("from_date")));
				member.put("to", text(row.get("to_date")));
				return member;
			})
			.toList());
		Map<String, Object> officers = new LinkedHashMap<>();
		this.jdbc.sql(sql.of("SELECT DISTINCT ON (role) role, person_id, name, from_date FROM ("
				+ " SELECT role, person_id, name, from_date FROM {s}.officer WHERE body_id = ? AND from_date <= ?"
				+ " UNION ALL SELECT role, person_id, name, from_date FROM {s}.membership WHERE body_id = ? AND role IN ('CHAIR', 'VICE_CHAIR', 'SECRETARY')"
				+ " AND from_date <= ? AND (to_date IS NULL OR to_date >= ?)) o ORDER BY role, from_date DESC"))
			.params(bodyId, day, bodyId, day, day)
			.query()
			.listOfRows()
			.forEach((row) -> officers.put(String.valueOf(row.get("role")), Map.of("personId", row.get("person_id"),
					"name", row.get("name"), "since", text(row.get("from_date")))));
		view.put("officers", officers);
		return view;
	}

	private static Map<String, Object> body(Map<String, Object> row) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("bodyId", row.get("body_id"));
		body.put("name", row.get("name"));
		body.put("kind", row.get("kind"));
		body.put("parentBody", row.get("parent_body"));
		body.put("mission", row.get("mission"));
		body.put("establishedOn", text(row.get("established_on")));
		body.put("dissolvedOn", text(row.get("dissolved_on")));
		return body;
	}

}
