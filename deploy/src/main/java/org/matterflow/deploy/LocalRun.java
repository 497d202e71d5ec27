package org.matterflow.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The whole of matterflow on one machine, for trying it out and for demos: PostgreSQL
 * (embedded, with its data kept under {@code .data/}, unless {@code MATTERFLOW_DB_URL}
 * names a database), the command side and the query side with their local users, and the
 * seed minutes recorded on first start. Ctrl-C stops the sides first, then the database.
 *
 * <p>
 * Settings, all optional, as environment variables: {@code MATTERFLOW_DB_URL},
 * {@code MATTERFLOW_DB_USER}, {@code MATTERFLOW_DB_PASSWORD}, {@code MATTERFLOW_DATA}
 * (default {@code .data}), {@code MATTERFLOW_DB_PORT} (embedded PostgreSQL, default
 * 54329), {@code MATTERFLOW_COMMAND_PORT} (8080), {@code MATTERFLOW_QUERY_PORT} (8081),
 * {@code MATTERFLOW_SEEDS} (default {@code deploy/seeds}).
 */
public final class LocalRun {

	private EmbeddedPostgres embedded;

	private volatile BothSides sides;

	private final CountDownLatch stopped = new CountDownLatch(1);

	public static void main(String[] args) throws Exception {
		new LocalRun().run();
	}

	private void run() throws Exception {
		// One hook stops everything in order: the sides, then the database they use.
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "matterflow-stop"));
		Database database = database();
		String commandPort = setting("MATTERFLOW_COMMAND_PORT", "8080");
		String queryPort = setting("MATTERFLOW_QUERY_PORT", "8081");
		this.sides = BothSides.start(database.url(), database.user(), database.password(),
				Integer.parseInt(commandPort), Integer.parseInt(queryPort));
		seed(database, URI.create("http://localhost:" + commandPort + "/"));
		awaitProcessed();
		System.out.println();
		System.out.println("matterflow is running (Ctrl-C stops it)");
		System.out.println("  database        " + database.url() + (this.embedded != null ? " (embedded)" : ""));
		System.out.println("  command API     http://localhost:" + commandPort + "/api");
		System.out.println("    OpenAPI       http://localhost:" + commandPort + "/swagger-ui.html");
		System.out.println("  query API       http://localhost:" + queryPort + "/api");
		System.out.println("    OpenAPI       http://localhost:" + queryPort + "/swagger-ui.html");
		System.out.println("  users           secretary/secretary (records), auditor/auditor (reads), "
				+ "importer/importer (imports), operator/operator (rebuilds), integrator/integrator (webhooks)");
		System.out.println("  try             curl -u auditor:auditor http://localhost:" + queryPort
				+ "/api/matters/foraldraskapsstodsstrategin/history");
		System.out.println("                  curl -u auditor:auditor 'http://localhost:" + queryPort
				+ "/api/matters?status=open&body=lansdelsgrupp-soder'");
		System.out.println("  in a browser    http://localhost:" + queryPort
				+ "/api/meetings/chefsgrupp-folkhalsa-2025-05-22/minutes (the minutes; sign in as auditor)");
		System.out.println();
		this.stopped.await();
	}

	private record Database(String url, String user, String password) {
	}

	private Database database() throws IOException, SQLException {
		String url = System.getenv("MATTERFLOW_DB_URL");
		if (url != null && !url.isBlank()) {
			return new Database(url, setting("MATTERFLOW_DB_USER", "postgres"), setting("MATTERFLOW_DB_PASSWORD", ""));
		}
		Path data = Path.of(setting("MATTERFLOW_DATA", ".data")).toAbsolutePath().resolve("postgres");
		Files.createDirectories(data.getParent());
		int port = Integer.parseInt(setting("MATTERFLOW_DB_PORT", "54329"));
		System.out.println("Starting embedded PostgreSQL on port " + port + " with its data in " + data);
		this.embedded = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPort(port)
			// the data is kept between runs, so it is written as safely as in production
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.start();
		try (Connection connection = this.embedded.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'matterflow'")) {
			if (!exists.next()) {
				statement.execute("CREATE DATABASE matterflow");
			}
		}
		return new Database(this.embedded.getJdbcUrl("postgres", "matterflow"), "postgres", "");
	}

	/** The seeds are recorded once, into an empty event store. */
	private void seed(Database database, URI commandSide) throws Exception {
		long events;
		try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
				Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery("SELECT count(*) FROM events.domain_event_entry")) {
			count.next();
			events = count.getLong(1);
		}
		if (events > 0) {
			System.out.println("The event store holds " + events + " events; the seed records are not imported again.");
			return;
		}
		Path seeds = Path.of(setting("MATTERFLOW_SEEDS", "deploy/seeds"));
		System.out.println("Recording the seed minutes from " + seeds.toAbsolutePath());
		List<SeedRecords.Imported> imported = new SeedRecords(commandSide, "importer", "importer").importAll(seeds);
		for (SeedRecords.Imported record : imported) {
			System.out.printf("  %-45s %4d events%n", record.file().getFileName(), record.appended());
		}
	}

	/**
	 * Says it runs once what was recorded shows everywhere. The process manager marks the
	 * seeds' assignments overdue a moment after they are recorded, and a demo read at
	 * once showed half of them; it waits at most a minute, for a record whose processing
	 * has stopped (the read models' operations page says why).
	 */
	private void awaitProcessed() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		int quietReadings = 0;
		while (quietReadings < 2) {
			if (System.nanoTime() > deadline) {
				System.out.println("Not everything recorded is processed yet (GET /actuator/readmodels on the query "
						+ "side, as operator, shows how far each read model is)");
				return;
			}
			quietReadings = (this.sides.lag() == 0) ? quietReadings + 1 : 0;
			Thread.sleep(250);
		}
	}

	private synchronized void stop() {
		if (this.stopped.getCount() == 0) {
			return;
		}
		System.out.println("Stopping matterflow");
		if (this.sides != null) {
			this.sides.close();
		}
		if (this.embedded != null) {
			try {
				this.embedded.close();
			}
			catch (IOException ex) {
				System.err.println("PostgreSQL did not stop cleanly: " + ex.getMessage());
			}
		}
		this.stopped.countDown();
	}

	private static String setting(String name, String otherwise) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : otherwise;
	}

}
