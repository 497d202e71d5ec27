package org.matterflow.command;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The command side of matterflow: takes commands over HTTP, checks them against the rules
 * of the aggregates and appends their events to the event store in PostgreSQL.
 */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "matterflow command API", version = "1",
		description = "Record what the collaboration's bodies do: bodies, meetings, agendas, decisions, assignments "
				+ "and matters, and whole meeting records. Every change is an event; refusals are "
				+ "application/problem+json with a code (README, docs/adr/0004-the-error-contract.md)."))
public class CommandSideApplication {

	/**
	 * The configuration file's name; not {@code application}, so that both sides can run
	 * in one JVM (the local start, end-to-end tests) without one's settings hiding the
	 * other's.
	 */
	public static final String CONFIG_NAME = "spring.config.name=command-side";

	public static void main(String[] args) {
		builder().run(args);
	}

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(CommandSideApplication.class).properties(CONFIG_NAME);
	}

}
