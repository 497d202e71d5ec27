package org.matterflow.command.importing;

import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.command.common.RecordMetadata;
import org.matterflow.command.testing.Api;
import org.matterflow.command.testing.Api.Response;
import org.matterflow.command.testing.IntegrationTest;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.body.EstablishBody;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meeting records sent to {@code POST /api/imports} on a real PostgreSQL: recorded whole
 * through the command handlers, a second time not at all, and refused whole with the line
 * to fix.
 */
@IntegrationTest
class RecordImportTest {

	private static final String YAML = "application/yaml";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordImporter importer;

	@Autowired
	CommandGateway commands;

	@Autowired
	PlatformTransactionManager transactions;

	Api api;

	String run;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port).as("importer");
		this.run = UUID.randomUUID().toString().substring(0, 8);
		Response structure = this.api.post("/api/imports", YAML, text("""
				matterflow: structure/1
				bodies:
				  - {id: cg-{run}, name: Chefsgrupp folkhälsa, kind: MANAGEMENT_GROUP}
				  - {id: soder-{run}, name: Länsdelsgrupp söder, kind: COUNTY_PART_GROUP}
				"""));
		assertThat(structure.status()).as(structure.body().toString()).isEqualTo(200);
	}

	@Test
	void a_meeting_record_is_recorded_through_the_rules_and_importing_it_again_appends_nothing() {
		String record = text("""
				matterflow: meeting-record/1
				meeting: {id: m-{run}, body: cg-{run}, date: 2025-01-22, time: "13.00-16.30", location: Länsstyrelsen}
				matters:
				  - {id: fstod-{run}, title: Föräldraskapsstödsstrategin}
				attendance:
				  - {person: ingmar, name: Ingmar Ångman}
				  - {person: deepa, name: Deepa Singhru, status: GUEST, items: ["4"]}
				comingMeetings:
				  - {id: m2-{run}, date: 2025-03-19, time: "13:00-16:30"}
				agenda:
				  - item: "4"
				    title: Föräldraskapsstödsstrategin
				    kind: DISCUSSION
				    matter: fstod-{run}
				    notes: Diskuterades per länsdel.
				    decisions:
				      - {kind: HAND_OUT_ASSIGNMENT, text: Deepa får fortsatt uppdrag att återkomma med ett förslag.}
				    assignments:
				      - to: [{person: deepa, name: Deepa Singhru}]
				        description: Återkomma med ett förslag kring vilka som ska ingå i en arbetsgrupp.
				    referrals:
				      - {to: [soder-{run}], purpose: FOR_ANCHORING}
				  - item: "9"
				    title: RU:s program för hållbar utveckling
				    deferred: {reason: Flyttas till kommande möte.}
				""");

		Response first = this.api.post("/api/imports", YAML, record);
		assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
		assertThat(first.text("subject")).isEqualTo("m-" + this.run);
		assertThat(first.number("appended")).isGreaterThanOrEqualTo(12);
		assertThat(eventsOf("meeting:m-" + this.run)).contains("MeetingScheduled", "AgendaItemAdded", "MeetingOpened",
				"AttendanceRecorded", "ItemDiscussed", "DecisionTaken", "ItemDeferred", "MeetingClosed");
		assertThat(eventsOf("assignment:m-" + this.run + ".4.a1")).containsExactly("AssignmentHandedOut");
		assertThat(eventsOf("matter:fstod-" + this.run)).containsExactly("MatterRaised", "MatterReferred");
		assertThat(this.jdbc
			.sql("SELECT payload::jsonb ->> 'itemId' FROM events.domain_event_entry WHERE aggregate_identifier = ? "
					+ "AND payload_type LIKE '%.MatterReferred'")
			.param("matter:fstod-" + this.run)
			.query(String.class)
			.single()).as("the item the referral was made under").isEqualTo("4");
		assertThat(eventsOf("meeting:m2-" + this.run)).containsExactly("MeetingScheduled");
		assertThat(correlationsOf("meeting:m-" + this.run)).hasSize(1);

		Response second = this.api.post("/api/imports", YAML, record);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.number("appended")).isZero();
		assertThat(second.number("commands")).isPositive().isLessThanOrEqualTo(first.number("commands"));
	}

	/**
	 * The process manager answers the first import's events under the import's
	 * correlation id, and may commit while the same record is imported again: the second
	 * import counted those answers as its own (the seed acceptance test saw it append 3
	 * when it appended nothing).
	 */
	@Test
	void an_import_counts_only_what_its_own_transaction_appended_not_what_others_commit_meanwhile() {
		TransactionTemplate meanwhile = new TransactionTemplate(this.transactions);
		meanwhile.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		String correlation = "import:m-" + this.run + ":0123456789ab";

		Map<String, Object> appended = new TransactionTemplate(this.transactions).execute((status) -> {
			long before = this.importer.head();
			meanwhile.executeWithoutResult((inner) -> establish("answer-" + this.run, correlation));
			establish("own-" + this.run, correlation);
			return this.importer.appendedSince(before);
		});

		assertThat(appended.get("appended")).isEqualTo(1L);
		assertThat(appended.get("position")).isEqualTo(globalIndexOf("body:own-" + this.run));
		assertThat(globalIndexOf("body:answer-" + this.run)).isNotNull();
	}

	@Test
	void a_record_that_breaks_a_rule_is_refused_with_its_line_and_nothing_of_it_is_recorded() {
		Response refused = this.api.post("/api/imports", YAML, text("""
				matterflow: meeting-record/1
				meeting: {id: m-{run}, body: cg-{run}, date: 2025-05-22}
				matters:
				  - {id: plan-{run}, title: Samverkansplanen}
				agenda:
				  - item: "3"
				    title: Samverkansplanen
				    matter: plan-{run}
				    decisions:
				      - {kind: ADOPT_PROPOSAL, text: Planen antagen.}
				    reportsBack:
				      - {assignment: no-such-assignment, summary: Arbetsgrupperna har träffats.}
				"""));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.number("line")).isEqualTo(12);
		assertThat(refused.text("entry")).isEqualTo("item 3: report back on no-such-assignment");
		assertThat(refused.text("detail")).contains("line 12").contains("Nothing of the record was recorded");
		assertThat(eventsOf("meeting:m-" + this.run)).isEmpty();
		assertThat(eventsOf("matter:plan-" + this.run)).isEmpty();

		// the corrected record is recorded whole: nothing of the refused one lingers in
		// memory to make its commands look like repeats
		Response corrected = this.api.post("/api/imports", YAML, text("""
				matterflow: meeting-record/1
				meeting: {id: m-{run}, body: cg-{run}, date: 2025-05-22}
				matters:
				  - {id: plan-{run}, title: Samverkansplanen}
				agenda:
				  - item: "3"
				    title: Samverkansplanen
				    matter: plan-{run}
				    decisions:
				      - {kind: ADOPT_PROPOSAL, text: Planen antagen.}
				"""));
		assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
		assertThat(eventsOf("meeting:m-" + this.run)).contains("MeetingScheduled", "AgendaItemAdded", "DecisionTaken");
		assertThat(eventsOf("matter:plan-" + this.run)).containsExactly("MatterRaised");
	}

	@Test
	void a_record_with_the_nul_character_is_refused_and_nothing_of_it_is_recorded() {
		Response refused = this.api.post("/api/imports", YAML, text("""
				matterflow: meeting-record/1
				meeting: {id: m-{run}, body: cg-{run}, date: 2025-05-22}
				matters:
				  - {id: plan-{run}, title: Samverkansplanen}
				agenda:
				  - item: "3"
				    title: Samverkansplanen
				    matter: plan-{run}
				    decisions:
				      - {kind: ADOPT_PROPOSAL, text: "Planen\\0 antagen."}
				"""));

		// YAML's escape \0 reads as U+0000; the command made of it is refused at its line
		assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
		assertThat(refused.number("line")).isEqualTo(10);
		assertThat(refused.text("detail")).contains("must not hold the character U+0000")
			.contains("Nothing of the record was recorded");
		assertThat(eventsOf("meeting:m-" + this.run)).isEmpty();
		assertThat(eventsOf("matter:plan-" + this.run)).isEmpty();
	}

	@Test
	void the_record_of_a_meeting_whose_day_has_not_come_is_refused_whole() {
		String tomorrow = java.time.LocalDate.now(org.matterflow.kernel.meeting.MeetingTime.ZONE)
			.plusDays(1)
			.toString();
		Response refused = this.api.post("/api/imports", YAML, text("""
				matterflow: meeting-record/1
				meeting: {id: m-{run}, body: cg-{run}, date: %s}
				agenda:
				  - item: "1"
				    title: Mötets öppnande
				    decisions:
				      - {kind: OTHER, text: Mötet öppnat.}
				""".formatted(tomorrow)));

		assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
		assertThat(refused.text("code")).isEqualTo("BEFORE_MEETING_DAY");
		assertThat(refused.text("detail")).contains(tomorrow).contains("Nothing of the record was recorded");
		assertThat(eventsOf("meeting:m-" + this.run)).isEmpty();
	}

	@Test
	void a_meeting_cancelled_ahead_is_recorded_as_of_today_not_of_its_day() {
		java.time.LocalDate today = java.time.LocalDate.now(org.matterflow.kernel.meeting.MeetingTime.ZONE);
		Response imported = this.api.post("/api/imports", YAML, text("""
				matterflow: meeting-record/1
				meeting: {id: m-{run}, body: cg-{run}, date: %s, cancelled: För få anmälda.}
				agenda:
				  - {item: "1", title: Föräldraskapsstödsstrategin}
				""".formatted(today.plusMonths(1))));

		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
		assertThat(eventsOf("meeting:m-" + this.run)).containsExactly("MeetingScheduled", "AgendaItemAdded",
				"MeetingCancelled");
		assertThat(this.jdbc
			.sql("SELECT DISTINCT meta_data::jsonb ->> 'businessDate' FROM events.domain_event_entry "
					+ "WHERE aggregate_identifier = ?")
			.param("meeting:m-" + this.run)
			.query(String.class)
			.list()).containsExactly(today.toString());
	}

	@Test
	void the_record_of_a_protocol_dated_only_to_its_year_dates_every_entry_to_that_year() {
		Response imported = this.api.post("/api/imports", YAML, text("""
				matterflow: meeting-record/1
				meeting: {id: m-{run}, body: cg-{run}, date: "2024"}
				matters:
				  - {id: tema-{run}, title: Tema genus}
				agenda:
				  - item: "8"
				    title: Tema genus
				    kind: DECISION
				    matter: tema-{run}
				    decisions:
				      - {kind: HAND_OUT_ASSIGNMENT, text: Kansliet får i uppdrag att planera temat.}
				    assignments:
				      - to: [{person: johanna, name: Johanna Ek}]
				        description: Planera temat.
				"""));

		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
		for (String stream : java.util.List.of("meeting:m-" + this.run, "matter:tema-" + this.run,
				"assignment:m-" + this.run + ".8.a1")) {
			assertThat(this.jdbc
				.sql("SELECT DISTINCT (meta_data::jsonb ->> 'businessDate') || ' ' || "
						+ "(meta_data::jsonb ->> 'businessDatePrecision') FROM events.domain_event_entry "
						+ "WHERE aggregate_identifier = ?")
				.param(stream)
				.query(String.class)
				.list()).as(stream).containsExactly("2024-01-01 YEAR");
		}
	}

	@Test
	void the_notice_of_a_meeting_still_to_come_records_its_agenda_and_nothing_held() {
		java.time.LocalDate day = java.time.LocalDate.now(org.matterflow.kernel.meeting.MeetingTime.ZONE).plusDays(10);
		String notice = text("""
				matterflow: meeting-record/1
				meeting: {id: m-{run}, body: cg-{run}, date: %s, time: "09.00-12.00", tentative: true}
				closed: false
				agenda:
				  - {item: "1", title: Mötets öppnande}
				  - {item: "2", title: Föräldraskapsstödsstrategin, kind: DECISION, presenters: [Deepa Singhru]}
				""".formatted(day));

		Response imported = this.api.post("/api/imports", YAML, notice);

		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
		assertThat(eventsOf("meeting:m-" + this.run)).containsExactly("MeetingScheduled", "AgendaItemAdded",
				"AgendaItemAdded");
		assertThat(this.jdbc
			.sql("SELECT payload::jsonb ->> 'tentative' FROM events.domain_event_entry WHERE aggregate_identifier = ? "
					+ "AND sequence_number = 0")
			.param("meeting:m-" + this.run)
			.query(String.class)
			.single()).as("a notice's date may still be tentative").isEqualTo("true");
		Response again = this.api.post("/api/imports", YAML, notice);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.number("appended")).isZero();
	}

	@Test
	void the_notice_of_a_meeting_still_to_come_takes_no_attendance_and_nothing_of_it_is_recorded() {
		java.time.LocalDate day = java.time.LocalDate.now(org.matterflow.kernel.meeting.MeetingTime.ZONE).plusDays(10);
		Response refused = this.api.post("/api/imports", YAML, text("""
				matterflow: meeting-record/1
				meeting: {id: m-{run}, body: cg-{run}, date: %s}
				attendance:
				  - {person: ingmar, name: Ingmar Ångman}
				agenda:
				  - {item: "1", title: Mötets öppnande}
				""".formatted(day)));

		assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
		assertThat(refused.text("code")).isEqualTo("BEFORE_MEETING_DAY");
		assertThat(refused.text("detail")).contains(day + ", a day still to come")
			.contains("has no 'attendance' until it is held");
		assertThat(refused.number("line")).as("the first attendance entry").isEqualTo(4);
		assertThat(eventsOf("meeting:m-" + this.run)).isEmpty();
	}

	@Test
	void a_meeting_of_an_unknown_body_is_refused_naming_the_body() {
		Response refused = this.api.post("/api/imports", YAML, text("""
				matterflow: meeting-record/1
				meeting: {id: m-{run}, body: unknown-{run}, date: 2025-05-22}
				"""));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text("code")).isEqualTo("UNKNOWN_ID");
		assertThat(refused.number("line")).isEqualTo(2);
		assertThat(refused.text("detail")).contains("unknown-" + this.run);
		assertThat(eventsOf("meeting:m-" + this.run)).isEmpty();
	}

	@Test
	void a_misspelt_field_is_refused_with_its_line_before_anything_is_sent() {
		Response refused = this.api.post("/api/imports", YAML, text("""
				matterflow: meeting-record/1
				meeting: {id: m-{run}, body: cg-{run}, date: 2025-05-22}
				agenda:
				  - item: "1"
				    title: Inledning
				    desicions: []
				"""));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.number("line")).isEqualTo(6);
		assertThat(refused.text("detail")).contains("'desicions' is not part of the record format");
		assertThat(eventsOf("meeting:m-" + this.run)).isEmpty();
	}

	@Test
	void a_record_that_is_not_yaml_is_refused_with_the_line_of_the_fault() {
		Response refused = this.api.post("/api/imports", YAML, "matterflow: meeting-record/1\nmeeting: [unclosed\n");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("code")).isEqualTo("INVALID_REQUEST");
		assertThat(refused.text("detail")).contains("not valid YAML");
	}

	@Test
	void a_record_of_an_unknown_format_version_is_refused() {
		Response refused = this.api.post("/api/imports", YAML, "matterflow: meeting-record/9\n");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("detail")).contains("meeting-record/1");
	}

	@Test
	void only_those_who_record_may_import() {
		Response refused = this.api.as("auditor").post("/api/imports", YAML, "matterflow: structure/1\n");

		assertThat(refused.status()).isEqualTo(403);
	}

	private void establish(String body, String correlation) {
		this.commands.sendAndWait(GenericCommandMessage
			.asCommandMessage(new EstablishBody(BodyId.of(body), "Grupp", BodyKind.OTHER, null, null, null))
			.andMetaData(MetaData.with(RecordMetadata.CORRELATION_ID, correlation)));
	}

	private Long globalIndexOf(String stream) {
		return this.jdbc.sql("SELECT global_index FROM events.domain_event_entry WHERE aggregate_identifier = ?")
			.param(stream)
			.query(Long.class)
			.single();
	}

	private String text(String record) {
		return record.replace("{run}", this.run);
	}

	private java.util.List<String> eventsOf(String stream) {
		return this.jdbc
			.sql("SELECT payload_type FROM events.domain_event_entry WHERE aggregate_identifier = ? "
					+ "ORDER BY sequence_number")
			.param(stream)
			.query(String.class)
			.list()
			.stream()
			.map((type) -> type.substring(type.lastIndexOf('.') + 1))
			.toList();
	}

	private java.util.List<String> correlationsOf(String stream) {
		return this.jdbc
			.sql("SELECT DISTINCT meta_data::jsonb ->> 'correlationId' FROM events.domain_event_entry "
					+ "WHERE aggregate_identifier = ?")
			.param(stream)
			.query(String.class)
			.list();
	}

}
