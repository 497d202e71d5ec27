package org.matterflow.query.calendaraddresses;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@QueryIntegrationTest
class CalendarAddressTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Autowired
	DataSource dataSource;

	Reader auditor;

	Reader anyone;

	String run;

	BodyId group;

	MeetingId meeting;

	long position;

	@BeforeEach
	void setUp() {
		this.auditor = new Reader(this.port);
		this.anyone = new Reader(this.port, null);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.group = BodyId.of("chefsgrupp-" + this.run);
		this.meeting = MeetingId.of("chefsgrupp-mote-" + this.run);
		LocalDate soon = LocalDate.now(MeetingTime.ZONE).plusMonths(1);
		this.position = this.feeder.record(LocalDate.now(MeetingTime.ZONE),
				new BodyEstablished(this.group, "Chefsgrupp folkhälsa", BodyKind.MANAGEMENT_GROUP, null, null, null),
				new MeetingScheduled(this.meeting, this.group, new MeetingTime(soon, null, null), null,
						MeetingMode.IN_PERSON, false, null));
	}

	@Test
	void a_calendar_program_reads_a_bodys_calendar_at_its_address_without_signing_in_until_it_is_removed() {
		Reader.Response made = this.auditor.post("/api/calendar-addresses?position=" + this.position,
				"{\"body\": \"" + this.group.value() + "\"}");
		assertThat(made.status()).isEqualTo(201);
		String path = made.body().get("path").asText();
		assertThat(path).matches("/calendar/[A-Za-z0-9_-]{43}\\.ics");
		assertThat(made.body().get("url").asText()).as("without a public url, the request's own address")
			.isEqualTo("http://localhost:" + this.port + path);

		HttpResponse<String> read = this.anyone.raw(path, "text/calendar");
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(this.anyone.raw(path + "?client=outlook", "text/calendar").statusCode())
			.as("a parameter a calendar program adds of its own")
			.isEqualTo(200);
		assertThat(read.headers().firstValue("Content-Type")).hasValue("text/calendar;charset=UTF-8");
		assertThat(read.body()).contains("NAME:Chefsgrupp folkhälsa", "UID:" + this.meeting.value() + "@matterflow");

		JsonNode listed = this.auditor.json("/api/calendar-addresses");
		JsonNode mine = listed.findParents("id")
			.stream()
			.filter((address) -> address.get("id").asText().equals(made.body().get("id").asText()))
			.findFirst()
			.orElseThrow();
		assertThat(mine.get("body").asText()).isEqualTo(this.group.value());
		assertThat(mine.get("lastReadAt").isNull()).as("read once").isFalse();
		assertThat(listed.toString()).as("the secret is shown once").doesNotContain(path.substring(10, 53));

		assertThat(this.auditor.delete("/api/calendar-addresses/" + mine.get("id").asText()).status()).isEqualTo(204);
		HttpResponse<String> gone = this.anyone.raw(path, "text/calendar");
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(gone.body())
			.contains("\"detail\":\"there is no calendar at this address (removed, or never made)\"");
	}

	@Test
	void only_a_hash_of_the_secret_is_kept() {
		Reader.Response made = this.auditor.post("/api/calendar-addresses", "{}");
		assertThat(made.status()).isEqualTo(201);
		String secret = made.body().get("path").asText().substring("/calendar/".length()).replace(".ics", "");

		String kept = JdbcClient.create(this.dataSource)
			.sql("SELECT secret_hash FROM projections.calendar_address WHERE id = ?")
			.param(made.body().get("id").asText())
			.query(String.class)
			.single();

		assertThat(kept).hasSize(64).doesNotContain(secret);
		assertThat(made.body().get("body").isNull()).as("every body's meetings").isTrue();
		assertThat(this.anyone.raw(made.body().get("path").asText(), "*/*").body()).contains("NAME:matterflow");
	}

	@Test
	void the_secret_stays_out_of_the_metrics() {
		String path = this.auditor.post("/api/calendar-addresses", "{}").body().get("path").asText();
		String secret = path.substring("/calendar/".length(), path.length() - ".ics".length());
		assertThat(this.anyone.raw(path, "text/calendar").statusCode()).isEqualTo(200);
		assertThat(this.anyone.raw("/calendar/" + CalendarAddresses.newSecret() + ".ics", "*/*").statusCode())
			.isEqualTo(404);

		String metrics = this.anyone.raw("/actuator/prometheus", "text/plain").body();

		assertThat(metrics).contains("uri=\"/calendar/{secret}.ics\"").doesNotContain(secret);
	}

	@Test
	void an_address_that_was_never_made_is_not_found() {
		HttpResponse<String> response = this.anyone.raw("/calendar/" + CalendarAddresses.newSecret() + ".ics",
				"text/calendar");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void an_address_for_an_unknown_body_is_refused_and_none_is_made() {
		int before = this.auditor.json("/api/calendar-addresses").size();

		Reader.Response refused = this.auditor.post("/api/calendar-addresses",
				"{\"body\": \"ingen-" + this.run + "\"}");

		assertThat(refused.status()).as("a body named in the request, not in the path").isEqualTo(422);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.body().get("code").asText()).isEqualTo("UNKNOWN_ID");
		assertThat(refused.body().get("detail").asText())
			.isEqualTo("there is no body with id 'ingen-" + this.run + "'");
		assertThat(this.auditor.json("/api/calendar-addresses")).hasSize(before);
	}

	@Test
	void a_body_that_no_id_can_name_is_refused_and_none_is_made() {
		int before = this.auditor.json("/api/calendar-addresses").size();

		for (String body : new String[] { "\"chefsgrupp folkhälsa\"", "\"a\\u0000\"", "\"\"" }) {
			Reader.Response refused = this.auditor.post("/api/calendar-addresses", "{\"body\": " + body + "}");
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.contentType()).isEqualTo("application/problem+json");
		}
		assertThat(this.auditor.json("/api/calendar-addresses")).hasSize(before);
	}

	@Test
	void malformed_json_is_refused_with_a_problem() {
		Reader.Response refused = this.auditor.post("/api/calendar-addresses", "{\"body\": ");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void a_misspelt_field_is_refused_by_name_and_yaml_is_not_read_since_it_would_drop_one_unnoticed() {
		int before = this.auditor.json("/api/calendar-addresses").size();

		Reader.Response misspelt = this.auditor.post("/api/calendar-addresses", "{\"bodi\": \"chefsgrupp-folkhalsa\"}");
		assertThat(misspelt.status()).isEqualTo(400);
		assertThat(misspelt.body().get("detail").asText())
			.isEqualTo("the field 'bodi' is not part of this request; its fields are body");
		assertThat(misspelt.body().get("errors").get(0).get("field").asText()).isEqualTo("bodi");
		Reader.Response yaml = this.auditor.post("/api/calendar-addresses", "application/yaml",
				"bodi: chefsgrupp-folkhalsa\n");
		assertThat(yaml.status()).isEqualTo(415);
		assertThat(yaml.contentType()).isEqualTo("application/problem+json");
		assertThat(yaml.body().get("detail").asText())
			.isEqualTo("this address reads application/json, not application/yaml");
		assertThat(this.auditor.json("/api/calendar-addresses")).hasSize(before);
	}

	@Test
	void a_parameter_of_a_list_that_takes_none_is_refused_rather_than_ignored() {
		Reader.Response refused = this.auditor.get("/api/calendar-addresses?body=chefsgrupp-folkhalsa");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("detail").asText())
			.isEqualTo("the parameter 'body' is not part of this query, which takes none");
		assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("body");
	}

	@Test
	void only_its_owner_lists_or_removes_an_address() {
		Reader.Response made = this.auditor.post("/api/calendar-addresses", "{}");
		String id = made.body().get("id").asText();
		Reader operator = new Reader(this.port, "operator");

		assertThat(operator.json("/api/calendar-addresses").findValuesAsText("id")).doesNotContain(id);
		assertThat(operator.delete("/api/calendar-addresses/" + id).status()).isEqualTo(404);
		assertThat(this.auditor.json("/api/calendar-addresses").findValuesAsText("id")).contains(id);
	}

	@Test
	void making_an_address_needs_a_signed_in_reader() {
		assertThat(this.anyone.post("/api/calendar-addresses", "{}").status()).isEqualTo(401);
		assertThat(this.anyone.raw("/api/calendar.ics", "text/calendar").statusCode()).isEqualTo(401);
	}

}
