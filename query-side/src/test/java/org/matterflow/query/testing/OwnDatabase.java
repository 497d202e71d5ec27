package org.matterflow.query.testing;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.matterflow.testing.TestDatabase;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test context a database of its own with the event store in it, created by
 * the command side's own migration (read from its sources, so there is one definition of
 * the event store), as it is when both sides run.
 */
public class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String EVENT_STORE_MIGRATIONS = "filesystem:../command-side/src/main/resources/db/migration/command";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestDatabase.Connection database = withEventStore(create());
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test-database",
					Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.username(),
							"spring.datasource.password", database.password())));
	}

	protected TestDatabase.Connection create() {
		return TestDatabase.create("query");
	}

	/**
	 * A database whose {@code LC_CTYPE} is C, under which PostgreSQL folds A to Z only:
	 * what the query side must answer the same in as in a database with a UTF-8 locale.
	 */
	public static class FoldingAToZOnly extends OwnDatabase {

		@Override
		protected TestDatabase.Connection create() {
			// libc named: a server whose initdb chose ICU would fold by ICU otherwise
			return TestDatabase.create("query_ctype_c",
					"LOCALE_PROVIDER libc LC_CTYPE 'C' LC_COLLATE 'C' TEMPLATE template0");
		}

	}

	public static TestDatabase.Connection withEventStore(TestDatabase.Connection database) {
		Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.schemas("events")
			.locations(EVENT_STORE_MIGRATIONS)
			.load()
			.migrate();
		return database;
	}

}
