package org.matterflow.query.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.matter.MatterQueued;
import org.matterflow.kernel.meeting.MeetingCancelled;
import org.matterflow.kernel.meeting.MeetingId;
import org.matterflow.kernel.meeting.MeetingMode;
import org.matterflow.kernel.meeting.MeetingScheduled;
import org.matterflow.kernel.meeting.MeetingTime;
import org.matterflow.query.common.Statements;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.matterflow.query.testing.Story;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The pull feed on a real event store: every event exactly once, in order, across pages;
 * an event whose transaction commits late is served after what was already served; the
 * filters; and bad cursors.
 */
@QueryIntegrationTest
class FeedTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Autowired
	EventStore events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	Reader reader;

	@BeforeEach
	void setUp() {
		this.reader = new Reader(this.port);
	}

	@Test
	void every_event_is_served_exactly_once_in_order_across_pages() {
		Story story = new Story(run());
		story.record(this.feeder);
		awaitFeedHasEverything();

		List<String> served = new ArrayList<>();
		long cursor = 0;
		while (true) {
			JsonNode page = this.reader.json("/api/events?limit=7&after=" + cursor);
			page.get("events").forEach((event) -> served.add(event.get("id").asText()));
			cursor = page.get("next").asLong();
			if (!page.get("more").asBoolean()) {
				break;
			}
		}

		// every event of the store once; other tests in this context commit events out of
		// their order on purpose, and those are served in the order they committed
		assertThat(served).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(
					this.jdbc.sql("SELECT event_identifier FROM events.domain_event_entry").query(String.class).list());
		// a writer's events, committed one after the other, in the store's order
		List<String> storyInOrder = this.jdbc
			.sql("SELECT event_identifier FROM events.domain_event_entry WHERE aggregate_identifier LIKE :run "
					+ "ORDER BY global_index")
			.param("run", "%-" + story.run)
			.query(String.class)
			.list();
		assertThat(storyInOrder).hasSizeGreaterThan(20);
		assertThat(served.stream().filter(storyInOrder::contains).toList()).containsExactlyElementsOf(storyInOrder);
	}

	@Test
	void an_event_is_a_cloud_event_with_its_published_type_and_record_metadata() {
		Story story = new Story(run());
		story.record(this.feeder);
		awaitFeedHasEverything();

		JsonNode page = this.reader
			.json("/api/events?limit=1&type=org.matterflow.matter.raised&matter=" + story.strategy.value());
		JsonNode event = page.at("/events/0");
		assertThat(event.get("specversion").asText()).isEqualTo("1.0");
		assertThat(event.get("type").asText()).isEqualTo("org.matterflow.matter.raised");
		assertThat(event.get("source").asText()).isEqualTo("/matterflow/matter");
		assertThat(event.get("subject").asText()).isEqualTo("matter:" + story.strategy.value());
		assertThat(event.get("dataschema").asText()).endsWith("/matter.raised/v1.json");
		assertThat(event.get("recordedby").asText()).isEqualTo("secretary");
		assertThat(event.get("businessdate").asText()).isNotBlank();
		assertThat(event.has("dateprecision")).as("a business date that is a day").isFalse();
		assertThat(event.get("position").asLong()).isEqualTo(page.get("next").asLong());
		assertThat(event.at("/data/title").asText()).isEqualTo("Föräldraskapsstödsstrategin");
	}

	@Test
	void an_event_recorded_at_a_protocol_dated_only_to_its_year_says_so_beside_its_business_date() {
		Story story = new Story(run());
		story.record(this.feeder);
		this.feeder.recordInYear("importer", 2024,
				new MatterQueued(story.plan, story.management, null, "tema till kommande möte"));
		awaitFeedHasEverything();

		JsonNode events = this.reader.json("/api/events?type=org.matterflow.matter.queued&matter=" + story.plan.value())
			.get("events");
		assertThat(events.findValuesAsText("businessdate")).as("queued in May 2025, then at the protocol of 2024")
			.hasSize(2);
		assertThat(events.get(0).has("dateprecision")).isFalse();
		JsonNode event = events.get(1);
		assertThat(event.get("businessdate").asText()).isEqualTo("2024-01-01");
		assertThat(event.get("dateprecision").asText()).isEqualTo("YEAR");
	}

	@Test
	void the_feed_filters_by_type_body_and_matter() {
		Story story = new Story(run());
		story.record(this.feeder);
		awaitFeedHasEverything();

		JsonNode decisions = this.reader
			.json("/api/events?limit=1000&type=org.matterflow.meeting.decision-taken&body=" + story.management.value());
		assertThat(decisions.get("events").findValuesAsText("type")).isNotEmpty()
			.containsOnly("org.matterflow.meeting.decision-taken");

		JsonNode aboutTheStrategy = this.reader.json("/api/events?limit=1000&matter=" + story.strategy.value());
		Set<String> subjects = new HashSet<>(aboutTheStrategy.get("events").findValuesAsText("subject"));
		assertThat(subjects).contains("matter:" + story.strategy.value(), "assignment:" + story.proposal.value());
		assertThat(aboutTheStrategy.get("events").findValuesAsText("type")).contains("org.matterflow.matter.referred",
				"org.matterflow.assignment.completed");
	}

	@Test
	void an_event_that_commits_late_is_served_after_what_was_served_and_only_once() throws Exception {
		String run = run();
		awaitFeedHasEverything();
		long[] cursor = { this.reader.json("/api/events?limit=1000&after=0").get("next").asLong() };
		CountDownLatch appended = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> this.transactions.executeWithoutResult((tx) -> {
			this.events.publish(body("slow-" + run));
			appended.countDown();
			try {
				commit.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
		this.transactions.executeWithoutResult((tx) -> this.events.publish(body("quick-" + run)));

		List<String> served = new ArrayList<>();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			cursor[0] = readOn(cursor[0], served);
			return served.contains("quick-" + run);
		});
		assertThat(served).containsExactly("quick-" + run);

		commit.countDown();
		slow.get(10, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			cursor[0] = readOn(cursor[0], served);
			return served.contains("slow-" + run);
		});
		assertThat(served).containsExactly("quick-" + run, "slow-" + run);
		assertThat(this.jdbc.sql("SELECT global_index FROM events.domain_event_entry WHERE aggregate_identifier = ?")
			.param("body:slow-" + run)
			.query(Long.class)
			.single()).isLessThan(
					this.jdbc.sql("SELECT global_index FROM events.domain_event_entry WHERE aggregate_identifier = ?")
						.param("body:quick-" + run)
						.query(Long.class)
						.single());
	}

	@Test
	void a_filter_with_letters_outside_ascii_keeps_its_next_link_and_its_value() {
		Story story = new Story(run());
		story.record(this.feeder);
		awaitFeedHasEverything();

		Reader.Response first = this.reader.get("/api/events?after=0&limit=1&body=f%C3%B6rvaltning%2Bs%26m");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.next()).as("Tomcat drops a header that is not ASCII")
			.contains("body=f%C3%B6rvaltning%2Bs%26m")
			.contains("after=");
		Reader.Response types = this.reader.get("/api/events?after=0&limit=1&type="
				+ "org.matterflow.meeting.decision-taken,org.matterflow.matter.referred");
		assertThat(types.next()).contains("type=org.matterflow.meeting.decision-taken,org.matterflow.matter.referred");
		assertThat(this.reader.get(types.next()).body().get("events").findValuesAsText("type"))
			.containsAnyOf("org.matterflow.meeting.decision-taken", "org.matterflow.matter.referred");
	}

	@Test
	void the_feed_serves_several_types_at_once() {
		Story story = new Story(run());
		story.record(this.feeder);
		awaitFeedHasEverything();

		JsonNode page = this.reader.json("/api/events?limit=1000&matter=" + story.strategy.value()
				+ "&type=org.matterflow.matter.raised&type=org.matterflow.matter.referred");
		assertThat(page.get("events").findValuesAsText("type"))
			.contains("org.matterflow.matter.raised", "org.matterflow.matter.referred")
			.containsOnly("org.matterflow.matter.raised", "org.matterflow.matter.referred");
	}

	@Test
	void a_type_that_is_not_published_is_refused_rather_than_matching_nothing() {
		Reader.Response refused = this.reader
			.get("/api/events?type=org.matterflow.matter.raised" + "&type=org.matterflow.no%22such%7Dtype");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body().get("detail").asText())
			.isEqualTo("'org.matterflow.no\"such}type' is not a published event type; see docs/integration.md");
	}

	@Test
	void the_lag_of_the_feed_is_a_metric_and_part_of_the_health_endpoint() throws Exception {
		new Story(run()).record(this.feeder);
		awaitFeedHasEverything();
		Reader operator = new Reader(this.port, "operator");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> operator.json("/actuator/health").at("/components/integrationFeed/details/lag").asLong() == 0);
		assertThat(operator.json("/actuator/health").at("/components/integrationFeed/status").asText()).isEqualTo("UP");
		String metrics = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(metrics).contains("matterflow_feed_lag_events{application=\"matterflow-query-side\"} 0.0")
			.contains("matterflow_feed_streams{application=\"matterflow-query-side\"} ");
	}

	@Test
	void a_page_too_large_or_a_negative_cursor_is_refused() {
		assertThat(this.reader.get("/api/events?limit=5000").status()).isEqualTo(400);
		Reader.Response negative = this.reader.get("/api/events?after=-1");
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.contentType()).startsWith("application/problem+json");
	}

	@Test
	void a_cursor_past_the_newest_event_as_from_before_a_restore_is_refused_and_the_newest_one_is_served() {
		this.transactions.executeWithoutResult((tx) -> this.events.publish(body("restored-" + run())));
		awaitFeedHasEverything();
		long newest = this.jdbc.sql("SELECT max(position) FROM projections.feed_event").query(Long.class).single();
		Reader.Response atTheEnd = this.reader.get("/api/events?after=" + newest + "&limit=1000");
		assertThat(atTheEnd.status()).isEqualTo(200);
		assertThat(atTheEnd.body().get("next").asLong()).isGreaterThanOrEqualTo(newest);

		for (String beyond : List.of("/api/events?after=" + (newest + 40),
				"/api/events?after=" + (newest + 40) + "&type=org.matterflow.body.established")) {
			Reader.Response refused = this.reader.get(beyond);
			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body().get("code").asText()).isEqualTo("UNKNOWN_POSITION");
			assertThat(refused.body().get("newest").asLong()).isGreaterThanOrEqualTo(newest).isLessThan(newest + 40);
			assertThat(refused.body().get("detail").asText()).contains("restored from a backup");
		}
	}

	@Test
	void a_cursor_whose_event_is_not_the_one_read_there_is_refused_as_from_before_a_restore() {
		this.transactions.executeWithoutResult((tx) -> this.events.publish(body("read-" + run())));
		awaitFeedHasEverything();
		JsonNode page = this.reader.json("/api/events?limit=1000&after=0");
		long next = page.get("next").asLong();
		String nextId = page.get("nextId").asText();
		JsonNode events = page.get("events");
		assertThat(nextId).isEqualTo(events.get(events.size() - 1).get("id").asText());

		Reader.Response same = this.reader.get("/api/events?after=" + next + "&afterId=" + nextId);
		assertThat(same.status()).isEqualTo(200);
		assertThat(same.body().get("nextId").asText()).isEqualTo(nextId);

		// the event a reader read at its cursor is not the one the feed holds there now
		Reader.Response other = this.reader.get("/api/events?after=" + next + "&afterId=" + UUID.randomUUID());
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.contentType()).startsWith("application/problem+json");
		assertThat(other.body().get("code").asText()).isEqualTo("UNKNOWN_POSITION");
		assertThat(other.body().get("detail").asText()).contains("holds another event at position " + next);

		assertThat(this.reader.get("/api/events?after=0&afterId=" + nextId).status()).isEqualTo(400);
	}

	@Test
	void the_feed_needs_a_signed_in_reader_and_says_how_to_sign_in() throws Exception {
		assertThat(new Reader(this.port, null).get("/api/events").status()).isEqualTo(401);
		HttpResponse<String> raw = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/events")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(raw.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"matterflow\"");
	}

	/** Reads on from a cursor as an integration does, keeping the bodies established. */
	private long readOn(long cursor, List<String> served) {
		JsonNode page = this.reader.json("/api/events?limit=1000&after=" + cursor);
		for (JsonNode event : page.get("events")) {
			if (event.get("type").asText().equals("org.matterflow.body.established")) {
				served.add(event.at("/data/bodyId").asText());
			}
		}
		return page.get("next").asLong();
	}

	@Test
	void an_event_handled_a_second_time_stays_in_the_feed_once_and_later_events_carry_the_body_of_their_stream() {
		String run = run();
		BodyId group = BodyId.of("arbetsgrupp-" + run);
		MeetingId meeting = MeetingId.of("moete-" + run);
		GenericDomainEventMessage<MeetingScheduled> scheduled = scheduled(meeting, group);
		GenericDomainEventMessage<MeetingCancelled> cancelled = cancelled(meeting, 1);
		GenericDomainEventMessage<MeetingCancelled> afterRestart = cancelled(meeting, 2);
		FeedProjection projection = projection();

		// rolled back at the end: these events are not in the event store, and every
		// other test compares the feed with it
		this.transactions.executeWithoutResult((tx) -> {
			projection.handle(scheduled);
			sendWaitingWrites();
			long position = positionOf(scheduled);
			projection.handle(scheduled);
			projection.handle(cancelled);
			sendWaitingWrites();
			// a projection that has not seen the stream's first event, as after a restart
			projection().handle(afterRestart);
			sendWaitingWrites();

			assertThat(this.jdbc.sql("SELECT event_id FROM projections.feed_event WHERE subject = ? ORDER BY position")
				.param(meeting.toString())
				.query(String.class)
				.list())
				.containsExactly(scheduled.getIdentifier(), cancelled.getIdentifier(), afterRestart.getIdentifier());
			assertThat(positionOf(scheduled)).isEqualTo(position);
			assertThat(positionOf(cancelled)).isGreaterThan(position);
			assertThat(positionOf(afterRestart)).isGreaterThan(positionOf(cancelled));
			assertThat(bodiesOf(cancelled)).containsExactly(group.value());
			assertThat(bodiesOf(afterRestart)).containsExactly(group.value());
			tx.setRollbackOnly();
		});
	}

	@Test
	void a_second_writer_that_counted_the_same_positions_is_refused_and_nothing_of_its_transaction_is_kept() {
		String run = run();
		GenericDomainEventMessage<MeetingScheduled> first = scheduled(MeetingId.of("moete-a-" + run),
				BodyId.of("arbetsgrupp-" + run));
		GenericDomainEventMessage<MeetingScheduled> second = scheduled(MeetingId.of("moete-b-" + run),
				BodyId.of("arbetsgrupp-" + run));

		// two projections in one transaction count on from the same last position, as two
		// processors would that both believed they held the feed's one segment
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((tx) -> {
			projection().handle(first);
			projection().handle(second);
		})).isInstanceOf(DuplicateKeyException.class);

		assertThat(this.jdbc.sql("SELECT count(*) FROM projections.feed_event WHERE event_id IN (?, ?)")
			.params(first.getIdentifier(), second.getIdentifier())
			.query(Long.class)
			.single()).isZero();
	}

	private FeedProjection projection() {
		return new FeedProjection(new Statements(this.jdbcTemplate, "projections"));
	}

	/** What the commit does first: the writes that wait for it go to PostgreSQL. */
	private static void sendWaitingWrites() {
		TransactionSynchronizationUtils.triggerBeforeCommit(false);
	}

	private static GenericDomainEventMessage<MeetingScheduled> scheduled(MeetingId meeting, BodyId body) {
		return new GenericDomainEventMessage<>(
				"Meeting", meeting.toString(), 0, new MeetingScheduled(meeting, body,
						new MeetingTime(LocalDate.of(2025, 4, 7), null, null), null, MeetingMode.DIGITAL, false, null),
				MetaData.with("recordedBy", "secretary"));
	}

	private static GenericDomainEventMessage<MeetingCancelled> cancelled(MeetingId meeting, long sequence) {
		return new GenericDomainEventMessage<>("Meeting", meeting.toString(), sequence,
				new MeetingCancelled(meeting, "inställt"), MetaData.with("recordedBy", "secretary"));
	}

	private List<String> bodiesOf(GenericDomainEventMessage<?> event) {
		return this.jdbc.sql("SELECT bodies FROM projections.feed_event WHERE event_id = ?")
			.param(event.getIdentifier())
			.query((row, n) -> List.of((String[]) row.getArray(1).getArray()))
			.single();
	}

	private long positionOf(GenericDomainEventMessage<?> event) {
		return this.jdbc.sql("SELECT position FROM projections.feed_event WHERE event_id = ?")
			.param(event.getIdentifier())
			.query(Long.class)
			.single();
	}

	private static GenericDomainEventMessage<BodyEstablished> body(String id) {
		BodyEstablished established = new BodyEstablished(BodyId.of(id), "Länsdelsgrupp " + id,
				BodyKind.COUNTY_PART_GROUP, null, null, LocalDate.of(2025, 1, 1));
		return new GenericDomainEventMessage<>("BodyEstablished", BodyId.of(id).toString(), 0, established,
				MetaData.with("recordedBy", "secretary").and("businessDate", "2025-01-01"));
	}

	private void awaitFeedHasEverything() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM projections.feed_event")
				.query(Long.class)
				.single()
				.equals(this.jdbc.sql("SELECT count(*) FROM events.domain_event_entry").query(Long.class).single()));
	}

	private static String run() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
