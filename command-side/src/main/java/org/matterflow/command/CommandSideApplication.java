package org.matterflow.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side of matterflow: takes commands over HTTP, checks them against the rules
 * of the aggregates and appends their events to the event store in PostgreSQL.
 */
@SpringBootApplication
public class CommandSideApplication {

	public static void main(String[] args) {
		SpringApplication.run(CommandSideApplication.class, args);
	}

}
