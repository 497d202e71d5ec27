package org.matterflow.query.bodies;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.PersonId;
import org.matterflow.kernel.body.BodyDissolved;
import org.matterflow.kernel.body.BodyEstablished;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.kernel.body.BodyKind;
import org.matterflow.kernel.body.MembershipEnded;
import org.matterflow.kernel.body.MembershipId;
import org.matterflow.kernel.body.OfficerElected;
import org.matterflow.kernel.body.Role;
import org.matterflow.query.testing.EventFeeder;
import org.matterflow.query.testing.QueryIntegrationTest;
import org.matterflow.query.testing.Reader;
import org.matterflow.query.testing.Story;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@QueryIntegrationTest
class BodiesReadModelTest {

	@LocalServerPort
	int port;

	@Autowired
	EventFeeder feeder;

	@Test
	void a_text_stored_with_the_nul_character_before_it_was_refused_stops_no_read_model() {
		BodyId group = BodyId.of("nul-" + UUID.randomUUID().toString().substring(0, 8));
		long position = this.feeder.record(LocalDate.of(2025, 1, 1), new BodyEstablished(group, "Arbetsgrupp\u0000",
				BodyKind.WORKING_GROUP, null, null, LocalDate.of(2025, 1, 1)));
		Reader reader = new Reader(this.port);

		// each read model stores the body's name; PostgreSQL's text cannot hold U+0000
		for (String query : new String[] { "/api/bodies/" + group.value() + "?", "/api/bodies?",
				"/api/bodies/" + group.value() + "/agenda?", "/api/decisions?body=" + group.value() + "&",
				"/api/assignments?body=" + group.value() + "&", "/api/matters?body=" + group.value() + "&",
				"/api/calendar?from=2025-01-01&to=2025-12-31&body=" + group.value() + "&" }) {
			assertThat(reader.get(query + "position=" + position).status()).as(query).isEqualTo(200);
		}
		assertThat(reader.json("/api/bodies/" + group.value()).get("name").asText()).isEqualTo("Arbetsgrupp\uFFFD");
	}

	@Test
	void the_record_tells_who_held_which_role_on_a_given_date() {
		Story story = new Story(UUID.randomUUID().toString().substring(0, 8));
		story.record(this.feeder);
		long position = this.feeder.record(LocalDate.of(2025, 9, 1),
				new MembershipEnded(story.management, MembershipId.of("m-ingmar"), LocalDate.of(2025, 8, 31),
						"ny tjänst"),
				new OfficerElected(story.management, PersonId.of("anna"), "Anna Jakobsson", Role.CHAIR,
						LocalDate.of(2025, 9, 1), null));
		Reader reader = new Reader(this.port);

		JsonNode january = reader
			.json("/api/bodies/" + story.management.value() + "?on=2025-01-22&position=" + position);
		assertThat(january.at("/officers/CHAIR/name").asText()).isEqualTo("Ingmar Ångman");
		assertThat(january.at("/officers/SECRETARY/name").asText()).isEqualTo("Maria Lindborg");
		assertThat(january.get("members").findValuesAsText("name")).containsExactlyInAnyOrder("Ingmar Ångman",
				"Maria Lindborg");

		JsonNode autumn = reader.json("/api/bodies/" + story.management.value() + "?on=2025-10-01");
		assertThat(autumn.at("/officers/CHAIR/name").asText()).isEqualTo("Anna Jakobsson");
		assertThat(autumn.get("members").findValuesAsText("name")).containsExactly("Maria Lindborg");

		long dissolved = this.feeder.record(LocalDate.of(2025, 12, 31),
				new BodyDissolved(story.management, LocalDate.of(2025, 12, 31), "ersätts av gemensam chefsgrupp"));
		JsonNode lastDay = reader
			.json("/api/bodies/" + story.management.value() + "?on=2025-12-31&position=" + dissolved);
		assertThat(lastDay.get("dissolvedOn").asText()).isEqualTo("2025-12-31");
		assertThat(lastDay.get("members").findValuesAsText("name")).containsExactly("Maria Lindborg");
		JsonNode after = reader.json("/api/bodies/" + story.management.value() + "?on=2026-01-01");
		assertThat(after.get("members")).as("no one sits in a dissolved body").isEmpty();
		assertThat(after.get("officers")).isEmpty();

		JsonNode all = reader.json("/api/bodies");
		assertThat(all.findValuesAsText("bodyId")).contains(story.management.value(), story.joint.value(),
				story.south.value());
	}

}
