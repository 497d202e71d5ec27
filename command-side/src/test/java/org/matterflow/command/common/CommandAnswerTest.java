package org.matterflow.command.common;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Test;
import org.matterflow.command.testing.Api;
import org.matterflow.command.testing.EventStoreRows;
import org.matterflow.command.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.matterflow.command.testing.Api.json;

/**
 * What an accepted command answers: the version and position of its own event, which the
 * secretary sends back as {@code Expected-Version} and passes to the query side.
 */
@IntegrationTest
class CommandAnswerTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommandBus commandBus;

	@Test
	void a_command_answers_its_own_version_when_another_writer_appends_to_the_meeting_right_after_it() {
		Api api = new Api(this.port);
		String run = UUID.randomUUID().toString().substring(0, 8);
		String body = "grupp-" + run;
		String meeting = "m-" + run;
		String stream = "meeting:" + meeting;
		api.scheduleMeetingOfNewBody(body, meeting);

		// another writer appends to the same meeting between this command's commit and
		// its answer: the rescheduling again, as the next event of the stream
		AtomicBoolean armed = new AtomicBoolean(true);
		Registration otherWriter = this.commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
			if (armed.getAndSet(false)) {
				unitOfWork.afterCommit((committed) -> new EventStoreRows(this.jdbc).recordNewestAgain(stream));
			}
			return chain.proceed();
		});
		Api.Response rescheduled;
		try {
			rescheduled = api.post("/api/meetings/" + meeting + "/reschedule",
					json("{'date':'2025-01-29','reason':'krock'}"));
		}
		finally {
			otherWriter.cancel();
		}

		assertThat(rescheduled.status()).as(rescheduled.body().toString()).isEqualTo(200);
		assertThat(armed).as("the other writer appended").isFalse();
		long own = this.jdbc
			.sql("SELECT min(sequence_number) FROM events.domain_event_entry WHERE aggregate_identifier = ? "
					+ "AND payload_type LIKE '%MeetingRescheduled'")
			.param(stream)
			.query(Long.class)
			.single();
		long ownPosition = this.jdbc.sql(
				"SELECT global_index FROM events.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")
			.param(stream)
			.param(own)
			.query(Long.class)
			.single();
		assertThat(rescheduled.body().path("version").asLong()).isEqualTo(own);
		assertThat(rescheduled.body().path("position").asLong()).isEqualTo(ownPosition);
		assertThat(this.jdbc
			.sql("SELECT max(sequence_number) FROM events.domain_event_entry WHERE aggregate_identifier = ?")
			.param(stream)
			.query(Long.class)
			.single()).as("the other writer's event is the newest").isEqualTo(own + 1);
	}

	@Test
	void a_repeated_command_that_appends_nothing_answers_the_body_as_it_stands() {
		Api api = new Api(this.port);
		String body = "grupp-" + UUID.randomUUID().toString().substring(0, 8);
		String establish = "{'bodyId':'" + body + "','name':'Grupp','kind':'OTHER'}";
		Api.Response first = api.post("/api/bodies", json(establish));
		Api.Response repeated = api.post("/api/bodies", json(establish));

		assertThat(first.status()).isEqualTo(201);
		assertThat(repeated.status()).as(repeated.body().toString()).isBetween(200, 201);
		assertThat(repeated.body().path("version").asLong()).isEqualTo(first.body().path("version").asLong());
		assertThat(repeated.body().path("position").asLong()).isEqualTo(first.body().path("position").asLong())
			.isPositive();
		assertThat(this.jdbc.sql("SELECT count(*) FROM events.domain_event_entry WHERE aggregate_identifier = ?")
			.param("body:" + body)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
