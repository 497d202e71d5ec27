package org.matterflow.command.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.matterflow.command.CommandSideApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The command side as it runs, on a real PostgreSQL database of its own, serving HTTP on
 * a random port, with the local users (secretary, auditor) of the {@code local} profile.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = CommandSideApplication.CONFIG_NAME)
@ActiveProfiles("local")
@ContextConfiguration(initializers = OwnDatabase.class)
public @interface IntegrationTest {

}
