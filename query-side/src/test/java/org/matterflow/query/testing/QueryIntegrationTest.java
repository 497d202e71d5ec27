package org.matterflow.query.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.matterflow.query.QuerySideApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The query side as it runs, on a database of its own that holds an event store. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = QuerySideApplication.CONFIG_NAME)
@ActiveProfiles("local")
@ContextConfiguration(initializers = OwnDatabase.class)
@Import(EventFeeder.class)
public @interface QueryIntegrationTest {

}
