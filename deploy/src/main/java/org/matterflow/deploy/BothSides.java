package org.matterflow.deploy;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.matterflow.command.CommandSideApplication;
import org.matterflow.query.QuerySideApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side and the query side in this JVM on one database, as the run command,
 * the benchmark and the end-to-end tests start them. Closing stops the query side first,
 * then the command side; neither registers a shutdown hook of its own, so whoever starts
 * them decides the order of everything else.
 */
public final class BothSides implements AutoCloseable {

	private final ConfigurableApplicationContext commandSide;

	private final ConfigurableApplicationContext querySide;

	private BothSides(ConfigurableApplicationContext commandSide, ConfigurableApplicationContext querySide) {
		this.commandSide = commandSide;
		this.querySide = querySide;
	}

	/**
	 * Starts both sides with the local users on the database; port 0 picks a free one;
	 * {@code settings} are further {@code --name=value} arguments for both.
	 */
	public static BothSides start(String url, String user, String password, int commandPort, int queryPort,
			String... settings) {
		ConfigurableApplicationContext commandSide = CommandSideApplication.builder()
			.profiles("local")
			.registerShutdownHook(false)
			.run(arguments(url, user, password, commandPort, settings));
		try {
			ConfigurableApplicationContext querySide = QuerySideApplication.builder()
				.profiles("local")
				.registerShutdownHook(false)
				.run(arguments(url, user, password, queryPort, settings));
			return new BothSides(commandSide, querySide);
		}
		catch (RuntimeException ex) {
			commandSide.close();
			throw ex;
		}
	}

	/**
	 * The sides' own settings for this JVM. Logging is set up once per JVM, by the side
	 * started first, so each line would carry the command side's application name,
	 * including the query side's lines; in one JVM the logger's name tells the sides
	 * apart instead ({@code o.m.command…}, {@code o.m.query…}).
	 */
	private static String[] arguments(String url, String user, String password, int port, String... settings) {
		return Stream.concat(Stream.of("--server.port=" + port, "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
				"--logging.include-application-name=false"), Arrays.stream(settings))
			.toArray(String[]::new);
	}

	public ConfigurableApplicationContext commandSide() {
		return this.commandSide;
	}

	public ConfigurableApplicationContext querySide() {
		return this.querySide;
	}

	/**
	 * Events recorded but not yet processed everywhere: by the command side's process
	 * managers (which may record more, an assignment become overdue), by the read models
	 * and by the integration feed. Zero once the record shows alike in every answer; not
	 * a number while a read model cannot say.
	 */
	public double lag() {
		return sum(this.commandSide, "matterflow.processmanager.lag") + sum(this.querySide, "matterflow.readmodel.lag")
				+ sum(this.querySide, "matterflow.feed.lag");
	}

	private static double sum(ConfigurableApplicationContext side, String gauge) {
		Collection<Gauge> gauges = side.getBean(MeterRegistry.class).find(gauge).gauges();
		// a gauge not yet registered is a lag not yet known
		return gauges.isEmpty() ? Double.NaN : gauges.stream().mapToDouble(Gauge::value).sum();
	}

	/** An address on the command side, {@code path} starting with a slash. */
	public URI commandSideAt(String path) {
		return at(this.commandSide, path);
	}

	/** An address on the query side, {@code path} starting with a slash. */
	public URI querySideAt(String path) {
		return at(this.querySide, path);
	}

	private static URI at(ConfigurableApplicationContext side, String path) {
		return URI.create("http://localhost:" + side.getEnvironment().getProperty("local.server.port") + path);
	}

	@Override
	public void close() {
		close(this.querySide);
		close(this.commandSide);
	}

	private static void close(ConfigurableApplicationContext side) {
		if (side.isActive()) {
			side.close();
		}
	}

}
