package org.matterflow.query.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.matter.MatterId;
import org.matterflow.kernel.matter.MatterRaised;
import org.matterflow.kernel.meeting.AgendaItemAdded;
import org.matterflow.kernel.meeting.AgendaItemId;
import org.matterflow.kernel.meeting.CorrectionId;
import org.matterflow.kernel.meeting.DecisionId;
import org.matterflow.kernel.meeting.DecisionKind;
import org.matterflow.kernel.meeting.DecisionTaken;
import org.matterflow.kernel.meeting.ItemDeferred;
import org.matterflow.kernel.meeting.ItemKind;
import org.matterflow.kernel.meeting.MeetingClosed;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
import org.matterflow.kernel.meeting.MeetingOpened;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.kernel.meeting.MinutesCorrected;
import org.matterflow.query.QuerySideApplication;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.OwnDatabase;
import org.matterflow.query.testing.Reader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side on a database whose {@code LC_CTYPE} is C, where PostgreSQL's own case
 * folding knows A to Z only: searching and matching by title must not depend on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = QuerySideApplication.CONFIG_NAME)
@ActiveProfiles("local")
@ContextConfiguration(initializers = OwnDatabase.FoldingAToZOnly.class)
@Import(EventFeeder.class)
@DirtiesContext
class DatabaseLocaleTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Autowired
	JdbcClient jdbc;

	Reader reader;

	String run;

	BodyId group;

	MatterId review;

	MeetingId march;

	MeetingId april;

	long position;

	@BeforeEach
	void recordAMeetingInSwedish() {
		this.reader = new Reader(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.group = BodyId.of("grupp-" + this.run);
		this.review = MatterId.of("oversyn-" + this.run);
		this.march = MeetingId.of("grupp-2025-03-03-" + this.run);
		this.april = MeetingId.of("grupp-2025-04-07-" + this.run);
		this.position = this.feeder.record(LocalDate.of(2025, 3, 3),
				new BodyEstablished(this.group, "Länsdelsgrupp Öster", BodyKind.COUNTY_PART_GROUP, null, null, null),
				new MatterRaised(this.review, this.group, "Översyn av Östra länsdelens rutiner",
						"ÄR 2025/17-" + this.run, "Ärendet gäller ÅTGÄRDSPLANEN"),
				new MeetingScheduled(this.march, this.group, new MeetingTime(LocalDate.of(2025, 3, 3), null, null),
						null, MeetingMode.DIGITAL, false, null),
				new MeetingScheduled(this.april, this.group, new MeetingTime(LocalDate.of(2025, 4, 7), null, null),
						null, MeetingMode.DIGITAL, false, null),
				item(this.march, "1", "Årsmöte", null), item(this.march, "2", "Älvdalens åtgärder", this.review),
				new MeetingOpened(this.march),
				new DecisionTaken(this.march, DecisionId.of("d-1"), AgendaItemId.of("2"), this.review,
						DecisionKind.ADOPT_PROPOSAL, "ÖVERSYNEN FORTSÄTTER"),
				new ItemDeferred(this.march, AgendaItemId.of("1"), null, this.april, null, "hanns inte"),
				new MeetingClosed(this.march));
	}

	@Test
	void the_database_folds_only_a_to_z_as_this_test_means_it_to() {
		assertThat(this.jdbc.sql("SELECT lower('ÅÄÖ')").query(String.class).single()).isEqualTo("ÅÄÖ");
	}

	@Test
	void a_matter_is_found_by_words_and_registration_number_that_begin_with_a_swedish_capital() {
		assertThat(matters("q", "översyn")).containsExactly(this.review.value());
		assertThat(matters("q", "ÖSTRA")).as("the title's words in capitals").containsExactly(this.review.value());
		assertThat(matters("q", "åtgärdsplanen")).as("the description's, stemmed").containsExactly(this.review.value());
		assertThat(matters("q", "o\u0308versyn")).as("ö written as o and a combining diaeresis")
			.containsExactly(this.review.value());
		assertThat(matters("reference", "är 2025/17-" + this.run)).containsExactly(this.review.value());
		assertThat(matters("reference", " är\u00a02025/17-" + this.run)).as("with a no-break space, and one before")
			.containsExactly(this.review.value());
		assertThat(matters("q", "årsmöte")).isEmpty();
	}

	@Test
	void a_decision_is_found_by_the_words_of_its_text_as_corrected_and_of_its_item() {
		assertThat(decisions("översynen")).containsExactly(this.review.value());
		assertThat(decisions("älvdalen")).as("the item's title, stemmed").containsExactly(this.review.value());

		this.position = this.feeder.record(LocalDate.of(2025, 3, 20),
				new MinutesCorrected(this.march, CorrectionId.of("c-1"), AgendaItemId.of("2"), DecisionId.of("d-1"),
						"beslutet", "Översynen avslutas i ÅR", "felskrivning"));
		assertThat(decisions("avslutas")).containsExactly(this.review.value());
		assertThat(decisions("fortsätter")).as("the text before the correction").isEmpty();
		assertThat(decisions("ÄLVDALEN")).as("the item's title still").containsExactly(this.review.value());
	}

	@Test
	void an_item_deferred_by_its_title_is_answered_by_the_same_title_in_capitals() {
		String agenda = "/api/bodies/" + this.group.value() + "/agenda?on=2025-03-10&position=";
		assertThat(this.reader.json(agenda + this.position).get("deferredItems").findValuesAsText("title"))
			.containsExactly("Årsmöte");

		long placed = this.feeder.record(LocalDate.of(2025, 3, 10), item(this.april, "1", "ÅRSMÖTE", null));
		assertThat(this.reader.json(agenda + placed).get("deferredItems")).isEmpty();
	}

	private List<String> matters(String parameter, String value) {
		return this.reader
			.json("/api/matters?body=" + this.group.value() + "&" + parameter + "=" + encode(value) + "&position="
					+ this.position)
			.findValuesAsText("matterId");
	}

	private List<String> decisions(String words) {
		return this.reader
			.json("/api/decisions?body=" + this.group.value() + "&q=" + encode(words) + "&position=" + this.position)
			.findValuesAsText("matterId");
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static AgendaItemAdded item(MeetingId meeting, String id, String title, MatterId matter) {
		return new AgendaItemAdded(meeting, AgendaItemId.of(id), Integer.parseInt(id), title, ItemKind.DISCUSSION,
				matter, List.of(), List.of(), List.of(), null);
	}

}
