package org.matterflow.query;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query side of matterflow: projections of the event store in PostgreSQL and the
 * query API that secretaries, auditors and dashboards read.
 */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "matterflow query API", version = "1",
		description = "Read the record: each body's agenda, meetings and minutes, the calendar, the decision "
				+ "register, the register of matters and their history, the assignments, and the event feed "
				+ "for integrations (docs/integration.md)."))
public class QuerySideApplication {

	/**
	 * The configuration file's name; see the command side for why it is not
	 * {@code application}.
	 */
	public static final String CONFIG_NAME = "spring.config.name=query-side";

	public static void main(String[] args) {
		ConfigurableApplicationContext context = builder().run(args);
		if (preparesUpgrade(context)) {
			// the preparation has run to its end (UpgradePreparation); the processors'
			// threads would keep the JVM alive
			System.exit(SpringApplication.exit(context));
		}
	}

	/**
	 * Whether this process was started only to prepare an upgrade of the read models
	 * (profile {@code prepare-upgrade}): it serves nothing and ends when the generations
	 * this version needs have caught up.
	 */
	public static boolean preparesUpgrade(ConfigurableApplicationContext context) {
		return context.getEnvironment().getProperty("matterflow.read-models.prepare-upgrade", Boolean.class, false);
	}

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(QuerySideApplication.class).properties(CONFIG_NAME);
	}

}
