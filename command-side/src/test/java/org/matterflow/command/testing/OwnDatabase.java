package org.matterflow.command.testing;

import java.util.Map;

import org.matterflow.testing.TestDatabase;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each Spring test context a fresh database of its own on the real test PostgreSQL.
 */
public class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestDatabase.Connection database = TestDatabase.create("command");
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test-database", properties(database)));
	}

	public static Map<String, Object> properties(TestDatabase.Connection database) {
		return Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.username(),
				"spring.datasource.password", database.password());
	}

}
