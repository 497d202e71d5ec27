package org.matterflow.deploy.benchmark;

import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.matterflow.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReadModelWritesTest {

	@Test
	void counts_the_rows_inserted_updated_and_deleted_in_the_named_generations_only() throws Exception {
		TestDatabase.Connection database = TestDatabase.create("benchwrites");
		try (java.sql.Connection connection = DriverManager.getConnection(database.url(), database.username(),
				database.password()); Statement statement = connection.createStatement()) {
			for (String schema : List.of("agenda_2", "history_2", "agenda_1")) {
				statement.execute("CREATE SCHEMA " + schema);
				statement.execute("CREATE TABLE " + schema + ".item (id int PRIMARY KEY, title text)");
			}
			statement.execute("INSERT INTO agenda_2.item VALUES (1, 'a'), (2, 'b'), (3, 'c')");
			statement.execute("UPDATE agenda_2.item SET title = upper(title) WHERE id IN (1, 2)");
			statement.execute("DELETE FROM agenda_2.item WHERE id = 3");
			statement.execute("INSERT INTO history_2.item VALUES (1, 'raised')");
			// the generation that keeps serving during a rebuild is not counted
			statement.execute("INSERT INTO agenda_1.item VALUES (1, 'a'), (2, 'b')");
		}

		// PostgreSQL publishes a closed connection's counts a moment after it ends
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ReadModelWrites.in(List.of("agenda_2", "history_2"), database.url(),
					database.username(), database.password(), Duration.ofMillis(200)))
				.isEqualTo(new ReadModelWrites(4, 2, 1)));
		assertThat(new ReadModelWrites(4, 2, 1).rows()).isEqualTo(7);
	}

}
