package org.matterflow.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The query side of matterflow: projections of the event store in PostgreSQL and the
 * query API that secretaries, auditors and dashboards read.
 */
@SpringBootApplication
public class QuerySideApplication {

	/**
	 * The configuration file's name; see the command side for why it is not
	 * {@code application}.
	 */
	public static final String CONFIG_NAME = "spring.config.name=query-side";

	public static void main(String[] args) {
		builder().run(args);
	}

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(QuerySideApplication.class).properties(CONFIG_NAME);
	}

}
