package org.matterflow.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The command side of matterflow: takes commands over HTTP, checks them against the rules
 * of the aggregates and appends their events to the event store in PostgreSQL.
 */
@SpringBootApplication
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
