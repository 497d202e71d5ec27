package org.matterflow.query.history;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.matter.MatterClosed;
import org.matterflow.kernel.matter.MatterDescribed;
import org.matterflow.kernel.matter.MatterRegistered;
import org.matterflow.kernel.matter.MatterRenamed;
import org.matterflow.kernel.matter.MatterReopened;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.matterflow.query.testing.Story;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@QueryIntegrationTest
class MatterRegisterTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	Story story;

	long position;

	Reader reader;

	@BeforeEach
	void recordTheStory() {
		this.story = new Story(UUID.randomUUID().toString().substring(0, 8));
		this.position = this.story.record(this.feeder);
		this.reader = new Reader(this.port);
	}

	@Test
	void the_register_lists_the_matters_that_passed_through_a_body_in_the_order_they_were_raised() {
		JsonNode south = list("body=" + this.story.south.value());
		assertThat(south.findValuesAsText("matterId")).as("referred to it, and queued on its backlog")
			.containsExactly(this.story.strategy.value(), this.story.plan.value());
		assertThat(list("body=" + this.story.joint.value()).findValuesAsText("matterId"))
			.containsExactly(this.story.strategy.value());

		JsonNode strategy = south.get(0);
		assertThat(strategy.get("title").asText()).isEqualTo("Föräldraskapsstödsstrategin");
		assertThat(strategy.get("reference").asText()).isEqualTo("RS 2023/123");
		assertThat(strategy.get("raisedIn").asText()).isEqualTo(this.story.management.value());
		assertThat(strategy.get("raisedInName").asText()).isEqualTo("Chefsgrupp folkhälsa");
		assertThat(strategy.get("raisedOn").asText()).isEqualTo("2024-12-01");
		assertThat(strategy.get("status").asText()).isEqualTo("OPEN");
		assertThat(strategy.get("closedOn").isNull()).isTrue();
		assertThat(strategy.at("/lastStep/step").asText()).as("its decision corrected after the adjustment")
			.isEqualTo("CORRECTED");
		assertThat(strategy.at("/lastStep/bodyId").asText()).isEqualTo(this.story.management.value());
		assertThat(strategy.at("/lastStep/businessDate").asText()).isEqualTo("2025-06-02");
		assertThat(strategy.at("/lastStep/position").asLong()).isPositive().isLessThanOrEqualTo(this.position);

		JsonNode plan = south.get(1);
		assertThat(plan.get("reference").isNull()).isTrue();
		assertThat(plan.at("/lastStep/step").asText()).isEqualTo("QUEUED");
		assertThat(plan.at("/lastStep/bodyName").asText()).isEqualTo("Länsdelsgrupp söder");

		// "%61ll" is "all", escaped: the link carries the query as it was sent
		Reader.Response first = this.reader
			.get("/api/matters?body=" + this.story.south.value() + "&status=%61ll&limit=1&position=" + this.position);
		assertThat(first.body().findValuesAsText("matterId")).containsExactly(this.story.strategy.value());
		assertThat(first.link()).as("relative to the request, whatever host a proxy showed the client")
			.startsWith("</api/matters?body=" + this.story.south.value() + "&status=%61ll&limit=1&")
			.endsWith(">; rel=\"next\"");
		Reader.Response second = this.reader.get(first.next());
		assertThat(second.body().findValuesAsText("matterId")).as("the page after, by the Link header")
			.containsExactly(this.story.plan.value());
		assertThat(second.next()).isNull();
	}

	@Test
	void a_matter_is_found_by_its_registration_number_in_any_case_and_by_the_words_of_its_title_or_their_parts() {
		String management = "body=" + this.story.management.value();
		assertThat(list(management + "&reference=rs%202023/123").findValuesAsText("matterId"))
			.containsExactly(this.story.strategy.value());
		assertThat(list(management + "&reference=RS%202023/124")).isEmpty();
		assertThat(list(management + "&q=samverkansplanen").findValuesAsText("matterId"))
			.as("Swedish stemming: the definite form finds the title")
			.containsExactly(this.story.plan.value());
		assertThat(list(management + "&q=strategi").findValuesAsText("matterId"))
			.as("a part of a compound: Föräldraskapsstödsstrategin")
			.containsExactly(this.story.strategy.value());
		assertThat(list(management + "&q=STÖD%20strategi").findValuesAsText("matterId"))
			.as("two parts of the same compound, in any case")
			.containsExactly(this.story.strategy.value());
		assertThat(list(management + "&q=samverkan").findValuesAsText("matterId"))
			.containsExactly(this.story.plan.value());
		assertThat(list(management + "&q=strategi%20samverkan")).as("every word asked for, not one of them").isEmpty();
		assertThat(list(management + "&q=2023").findValuesAsText("matterId")).as("a part of the registration number")
			.containsExactly(this.story.strategy.value());
		assertThat(list(management + "&q=%25")).as("no word, and no wildcard either").isEmpty();
		assertThat(list(management + "&q=strategi%20och").findValuesAsText("matterId")).as("a stop word passed over")
			.containsExactly(this.story.strategy.value());
		assertThat(list(management + "&q=rs").findValuesAsText("matterId")).as("a short word, as a word")
			.containsExactly(this.story.strategy.value());
		assertThat(list(management + "&q=ra")).as("a short word is not looked for within words").isEmpty();
		assertThat(list(management + "&raisedFrom=2024-12-01&raisedTo=2024-12-01")).hasSize(2);
		assertThat(list(management + "&raisedFrom=2024-12-02")).isEmpty();
	}

	@Test
	void a_closed_matter_leaves_the_open_list_with_the_day_it_was_closed_and_a_reopened_one_comes_back() {
		String south = "body=" + this.story.south.value();
		this.position = this.feeder.record(LocalDate.of(2025, 11, 20),
				new MatterClosed(this.story.strategy, "strategin antagen"));

		JsonNode closed = list(south + "&status=closed");
		assertThat(closed.findValuesAsText("matterId")).containsExactly(this.story.strategy.value());
		assertThat(closed.get(0).get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.get(0).get("closedOn").asText()).isEqualTo("2025-11-20");
		assertThat(closed.at("/0/lastStep/step").asText()).isEqualTo("CLOSED");
		assertThat(list(south + "&status=OPEN").findValuesAsText("matterId")).containsExactly(this.story.plan.value());
		assertThat(list(south).findValuesAsText("matterId")).as("all, by default")
			.containsExactly(this.story.strategy.value(), this.story.plan.value());
		JsonNode history = this.reader.json("/api/matters/" + this.story.strategy.value() + "/history");
		assertThat(history.get("closedOn").asText()).isEqualTo("2025-11-20");
		assertThat(history.get("raisedOn").asText()).isEqualTo("2024-12-01");

		this.position = this.feeder.record(LocalDate.of(2026, 1, 15),
				new MatterReopened(this.story.strategy, "uppföljning"));
		JsonNode open = list(south + "&status=open");
		assertThat(open.findValuesAsText("matterId")).containsExactly(this.story.strategy.value(),
				this.story.plan.value());
		assertThat(open.get(0).get("closedOn").isNull()).isTrue();
	}

	@Test
	void a_renamed_registered_and_described_matter_is_listed_as_it_is_now_and_still_found_by_what_it_was_called() {
		this.position = this.feeder.record(LocalDate.of(2025, 11, 20),
				new MatterRenamed(this.story.strategy, "Strategi för föräldraskapsstöd", "namnet i beslutet"),
				new MatterRegistered(this.story.strategy, "RS 2023/132", "siffrorna förväxlade"),
				new MatterDescribed(this.story.strategy, "Stöd till föräldrar i hela länet", null));

		String management = "body=" + this.story.management.value();
		JsonNode strategy = list(management + "&reference=rs%202023/132").get(0);
		assertThat(strategy.get("matterId").asText()).isEqualTo(this.story.strategy.value());
		assertThat(strategy.get("title").asText()).isEqualTo("Strategi för föräldraskapsstöd");
		assertThat(strategy.get("reference").asText()).isEqualTo("RS 2023/132");
		assertThat(strategy.at("/lastStep/step").asText()).isEqualTo("DESCRIBED");
		assertThat(list(management + "&reference=RS%202023/123")).as("the number it no longer has").isEmpty();
		assertThat(list(management + "&q=f%C3%B6r%C3%A4ldraskapsst%C3%B6dsstrategin").findValuesAsText("matterId"))
			.as("the title it was raised with")
			.containsExactly(this.story.strategy.value());
		assertThat(list(management + "&q=f%C3%B6r%C3%A4ldraskapsst%C3%B6d").findValuesAsText("matterId"))
			.as("the title it has now")
			.containsExactly(this.story.strategy.value());

		JsonNode steps = this.reader.json("/api/matters/" + this.story.strategy.value() + "/history").get("steps");
		JsonNode renamed = steps.get(steps.size() - 3);
		assertThat(renamed.get("step").asText()).isEqualTo("RENAMED");
		assertThat(renamed.at("/details/previousTitle").asText()).isEqualTo("Föräldraskapsstödsstrategin");
		assertThat(renamed.at("/details/title").asText()).isEqualTo("Strategi för föräldraskapsstöd");
		assertThat(renamed.at("/details/reason").asText()).isEqualTo("namnet i beslutet");
		assertThat(renamed.get("businessDate").asText()).isEqualTo("2025-11-20");
		JsonNode registered = steps.get(steps.size() - 2);
		assertThat(registered.get("step").asText()).isEqualTo("REGISTERED");
		assertThat(registered.at("/details/previousReference").asText()).isEqualTo("RS 2023/123");
		assertThat(registered.at("/details/reference").asText()).isEqualTo("RS 2023/132");
		assertThat(steps.get(steps.size() - 1).get("summary").asText()).isEqualTo("Stöd till föräldrar i hela länet");
		assertThat(list(management + "&q=l%C3%A4net").findValuesAsText("matterId")).as("a word of the new description")
			.containsExactly(this.story.strategy.value());
		assertThat(steps.get(0).get("summary").asText()).as("the steps before keep the title it had then")
			.isEqualTo("Föräldraskapsstödsstrategin");
	}

	@Test
	void one_matter_is_read_by_its_id_as_the_register_lists_it_and_an_unknown_one_is_not_found() {
		JsonNode south = list("body=" + this.story.south.value());
		JsonNode strategy = this.reader
			.json("/api/matters/" + this.story.strategy.value() + "?position=" + this.position);
		assertThat(strategy).isEqualTo(south.get(0));
		assertThat(this.reader.json("/api/matters/" + this.story.plan.value() + "?position=" + this.position))
			.isEqualTo(south.get(1));

		this.position = this.feeder.record(LocalDate.of(2025, 11, 20),
				new MatterClosed(this.story.strategy, "strategin antagen"));
		JsonNode closed = this.reader
			.json("/api/matters/" + this.story.strategy.value() + "?position=" + this.position);
		assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.get("closedOn").asText()).isEqualTo("2025-11-20");

		Reader.Response unknown = this.reader.get("/api/matters/no-such-matter-" + this.story.run);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.body().get("detail").asText()).contains("no-such-matter-" + this.story.run);
	}

	@Test
	void a_filter_the_register_does_not_know_is_refused_as_a_problem() {
		for (String query : new String[] { "status=pending", "limit=0", "limit=5001", "raisedFrom=22%20jan",
				"limit=many", "after=2024-12-01" }) {
			Reader.Response response = this.reader.get("/api/matters?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.contentType()).as(query).startsWith("application/problem+json");
			assertThat(response.body().get("code").asText()).as(query).isEqualTo("INVALID_REQUEST");
		}
	}

	private JsonNode list(String query) {
		return this.reader.json("/api/matters?" + query + "&position=" + this.position);
	}

}
