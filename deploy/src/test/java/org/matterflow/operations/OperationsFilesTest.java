package org.matterflow.operations;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matterflow.deploy.BothSides;
import org.matterflow.operations.PromQl.LabelMatcher;
import org.matterflow.operations.PromQl.Selector;
import org.matterflow.testing.TestDatabase;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The files an operator runs and watches matterflow with (deploy/compose.yaml,
 * deploy/k8s, deploy/monitoring), held against both sides as they run: every series and
 * label the alert rules and the dashboard read is one a side exposes, every setting the
 * deployment files give a side is one it reads, and every probe and the scrape path
 * answer without sign-in on the port the side listens on. A renamed metric, a misspelt
 * variable or a moved endpoint fails here instead of in someone's night.
 */
class OperationsFilesTest {

	static final Path DEPLOY = Path.of("").toAbsolutePath();

	static final Map<String, String> DEFAULT_PORTS = Map.of("command-side", "8080", "query-side", "8081");

	static final ObjectMapper JSON = new ObjectMapper();

	static BothSides sides;

	/** Every series both sides expose: metric name → the label sets of its series. */
	static final Map<String, List<Map<String, String>>> exposed = new HashMap<>();

	static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() throws Exception {
		TestDatabase.Connection database = TestDatabase.create("operations");
		sides = BothSides.start(database.url(), database.username(), database.password(), 0, 0);
		// a command recorded, one refused, a meeting record sent and a query answered, so
		// that the request timers of both sides have the series the files read
		assertThat(post("/api/bodies",
				"{\"bodyId\":\"chefsgrupp\",\"name\":\"Chefsgrupp folkhälsa\",\"kind\":\"MANAGEMENT_GROUP\"}"))
			.isEqualTo(201);
		assertThat(post("/api/meetings", "{\"bodyId\":\"no-such-body\",\"date\":\"2026-01-01\"}")).isBetween(400, 499);
		assertThat(post("/api/imports", "application/yaml", "bodies: []\n")).isBetween(200, 499);
		assertThat(get(sides.querySideAt("/api/bodies"), true).statusCode()).isEqualTo(200);
		// the GC pause timer appears with the JVM's first collection, which a side that
		// has run for minutes has had, a test's fresh JVM perhaps not
		System.gc();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get(sides.commandSideAt("/actuator/prometheus"), false).body()
				.contains("jvm_gc_pause_seconds_count{")
					&& get(sides.querySideAt("/actuator/prometheus"), false).body()
						.contains("jvm_gc_pause_seconds_count{"));
		scrape(sides.commandSideAt("/actuator/prometheus"));
		scrape(sides.querySideAt("/actuator/prometheus"));
	}

	@AfterAll
	static void stop() {
		if (sides != null) {
			sides.close();
		}
	}

	@Test
	void every_series_and_label_the_alert_rules_read_is_one_a_side_exposes() {
		Map<String, Object> rules = yaml(DEPLOY.resolve("monitoring/alerts.yml"));
		List<String> checked = new ArrayList<>();
		for (Map<String, Object> group : list(rules.get("groups"))) {
			for (Map<String, Object> rule : list(group.get("rules"))) {
				String alert = (String) rule.get("alert");
				assertExposed(alert, (String) rule.get("expr"));
				checked.add(alert);
			}
		}
		assertThat(checked).contains("MatterflowReadModelStuck", "MatterflowCommandSideDown",
				"MatterflowWebhookSubscriptionsPaused");
	}

	@Test
	void every_series_and_label_the_dashboard_reads_is_one_a_side_exposes() throws IOException {
		JsonNode dashboard = JSON.readTree(DEPLOY.resolve("monitoring/grafana/dashboards/matterflow.json").toFile());
		List<String> checked = new ArrayList<>();
		for (JsonNode panel : dashboard.get("panels")) {
			for (JsonNode target : panel.path("targets")) {
				String where = panel.get("title").asText() + " / " + target.get("legendFormat").asText();
				assertExposed(where, target.get("expr").asText());
				checked.add(where);
			}
		}
		assertThat(checked).hasSizeGreaterThan(15);
	}

	@Test
	void every_setting_the_deployment_files_give_a_side_is_one_it_reads() {
		Map<String, Set<String>> given = new LinkedHashMap<>();
		Map<String, Object> compose = yaml(DEPLOY.resolve("compose.yaml"));
		for (String side : DEFAULT_PORTS.keySet()) {
			Map<String, Object> service = map(map(compose.get("services")).get(side));
			given.computeIfAbsent(side, (s) -> new LinkedHashSet<>()).addAll(map(service.get("environment")).keySet());
		}
		Map<String, Object> configMap = kubernetes("ConfigMap").get("matterflow");
		kubernetes("Deployment").forEach((side, deployment) -> {
			Map<String, Object> container = container(deployment);
			Set<String> names = given.computeIfAbsent(side, (s) -> new LinkedHashSet<>());
			list(container.get("env")).forEach((variable) -> names.add((String) variable.get("name")));
			assertThat(list(container.get("envFrom"))).extracting((from) -> map(from.get("configMapRef")).get("name"))
				.containsExactly("matterflow");
			names.addAll(map(configMap.get("data")).keySet());
		});

		assertThat(given.keySet()).containsExactlyInAnyOrderElementsOf(DEFAULT_PORTS.keySet());
		given.forEach((side, variables) -> {
			assertThat(variables).as(side)
				.contains("MATTERFLOW_DB_URL", "MATTERFLOW_DB_PASSWORD",
						"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
			Set<String> placeholders = placeholdersOf(side);
			Set<String> properties = propertiesOf(side);
			for (String variable : variables) {
				assertThat(placeholders.contains(variable) || bindsTo(variable, properties))
					.as("%s: %s is neither a ${...} in %s.yml nor a setting it binds", side, variable, side)
					.isTrue();
			}
		});
	}

	@Test
	void every_probe_and_the_scrape_path_answer_without_sign_in_on_the_port_the_side_listens_on() throws Exception {
		Map<String, Map<String, Object>> deployments = kubernetes("Deployment");
		assertThat(deployments.keySet()).containsExactlyInAnyOrderElementsOf(DEFAULT_PORTS.keySet());
		for (Map.Entry<String, Map<String, Object>> deployment : deployments.entrySet()) {
			String side = deployment.getKey();
			Map<String, Object> container = container(deployment.getValue());
			assertThat(list(container.get("ports"))).extracting((port) -> String.valueOf(port.get("containerPort")))
				.containsExactly(DEFAULT_PORTS.get(side));
			Map<String, Object> annotations = map(
					map(map(map(deployment.getValue().get("spec")).get("template")).get("metadata"))
						.get("annotations"));
			assertThat(annotations.get("prometheus.io/port")).isEqualTo(DEFAULT_PORTS.get(side));
			HttpResponse<String> scraped = get(sideAt(side, (String) annotations.get("prometheus.io/path")), false);
			assertThat(scraped.statusCode()).as(side + " scrape").isEqualTo(200);
			assertThat(scraped.body()).contains("process_uptime_seconds{application=\"matterflow-" + side + "\"");
			for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
				String path = (String) map(map(container.get(probe)).get("httpGet")).get("path");
				assertThat(get(sideAt(side, path), false).statusCode()).as(side + " " + probe + " " + path)
					.isEqualTo(200);
			}
		}
		Map<String, Object> services = map(yaml(DEPLOY.resolve("compose.yaml")).get("services"));
		for (String side : DEFAULT_PORTS.keySet()) {
			Map<String, Object> service = map(services.get(side));
			assertThat(service.get("ports"))
				.isEqualTo(List.of(DEFAULT_PORTS.get(side) + ":" + DEFAULT_PORTS.get(side)));
			String check = String.join(" ",
					Stream.of(map(service.get("healthcheck")).get("test"))
						.flatMap((test) -> ((List<?>) test).stream())
						.map(String::valueOf)
						.toList());
			Matcher request = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+) .*GET (\\S+) HTTP").matcher(check);
			assertThat(request.find()).as(side + " healthcheck " + check).isTrue();
			assertThat(request.group(1)).isEqualTo(DEFAULT_PORTS.get(side));
			HttpResponse<String> health = get(sideAt(side, request.group(2)), false);
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("UP");
		}
	}

	/**
	 * The job that prepares an upgrade (README, "Upgrading") is the query side's
	 * container as its Deployment runs it, with the profile that makes it prepare and
	 * end; the kustomization leaves it out, so that applying it is an operator's step.
	 */
	@Test
	void the_upgrade_job_runs_the_query_side_as_its_deployment_does_with_the_profile_that_prepares()
			throws IOException {
		Map<String, Object> job = yaml(DEPLOY.resolve("k8s/upgrade/prepare-query-side.yaml"));
		assertThat(job.get("kind")).isEqualTo("Job");
		Map<String, Object> preparing = container(job);
		Map<String, Object> serving = container(kubernetes("Deployment").get("query-side"));
		assertThat((String) preparing.get("image")).startsWith((String) serving.get("image") + ":");
		assertThat(preparing.get("envFrom")).isEqualTo(serving.get("envFrom"));
		Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
		list(preparing.get("env")).forEach((variable) -> variables.put((String) variable.get("name"), variable));
		for (Map<String, Object> variable : list(serving.get("env"))) {
			assertThat(variables.get((String) variable.get("name"))).as((String) variable.get("name"))
				.isEqualTo(variable);
		}
		assertThat(variables.keySet()).hasSize(list(serving.get("env")).size() + 1);
		String profile = (String) variables.get("SPRING_PROFILES_ACTIVE").get("value");
		assertThat(map(map(map(new Yaml().load(resource("/query-side-" + profile + ".yml"))).get("matterflow"))
			.get("read-models")).get("prepare-upgrade")).as("what the profile %s sets", profile).isEqualTo(true);
		for (String setting : List.of("securityContext", "volumeMounts", "resources")) {
			assertThat(preparing.get(setting)).as(setting).isEqualTo(serving.get(setting));
		}
		assertThat(map(map(map(job.get("spec")).get("template")).get("spec")).get("restartPolicy"))
			.isEqualTo("OnFailure");
		assertThat((List<?>) yaml(DEPLOY.resolve("k8s/kustomization.yaml")).get("resources"))
			.as("applied by hand, not with the kustomization")
			.isNotEmpty()
			.noneMatch((resource) -> resource.toString().contains("upgrade"));
	}

	@Test
	void the_image_takes_the_jar_each_side_builds_and_runs_it_with_the_jvm_options_of_every_side() throws IOException {
		String dockerfile = Files.readString(DEPLOY.resolve("container/Dockerfile"));
		assertThat(dockerfile).contains("COPY ${SIDE}/target/${SIDE}-*-exec.jar app.jar")
			.contains("COPY deploy/jvm.options /app/jvm.options")
			.contains("\"@/app/jvm.options\"");
		for (String side : DEFAULT_PORTS.keySet()) {
			assertThat(DEPLOY.resolve("../" + side + "/pom.xml")).content().contains("<classifier>exec</classifier>");
		}
	}

	@Test
	void the_jvm_options_choose_the_collector_they_tune_where_the_jvm_would_choose_another() throws Exception {
		// one processor, as in a small container: the JVM's own choice is then the serial
		// collector, which has no pause goal
		assertThat(finalFlags("-XX:ActiveProcessorCount=1"))
			.as("the premise: with one processor and no options this JVM chooses the serial collector")
			.containsPattern("\\bUseSerialGC\\s+= true");

		String flags = finalFlags("@" + DEPLOY.resolve("jvm.options"), "-XX:ActiveProcessorCount=1");

		assertThat(flags).containsPattern("\\bUseG1GC\\s+= true").containsPattern("\\bMaxGCPauseMillis\\s+= 20\\b");
	}

	@Test
	void the_jvm_options_write_text_in_utf_8_where_the_environment_names_no_locale() throws Exception {
		assertThat(java(true, "-XshowSettings:properties", "-version"))
			.as("the premise: with no locale this JVM's default charset is not UTF-8")
			.doesNotContainPattern("\\bfile\\.encoding = UTF-8");

		String settings = java(true, "@" + DEPLOY.resolve("jvm.options"), "-XshowSettings:properties", "-version");

		assertThat(settings).containsPattern("\\bfile\\.encoding = UTF-8");
	}

	/**
	 * Where Prometheus's promtool is at hand (Debian's package {@code prometheus} has
	 * it), the alert rules are checked and pass their own tests, which show each alert
	 * firing with the labels and annotations an operator gets. Without it this is
	 * skipped: no Java implementation of the rule tests exists.
	 */
	@Test
	void the_alert_rules_pass_their_own_tests_where_promtool_is_at_hand() throws Exception {
		Optional<Path> promtool = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((directory) -> Path.of(directory, "promtool"))
			.filter(Files::isExecutable)
			.findFirst();
		assumeTrue(promtool.isPresent(), "promtool is not on PATH");

		for (List<String> arguments : List.of(List.of("check", "rules", "alerts.yml"),
				List.of("test", "rules", "alerts-test.yml"))) {
			List<String> command = new ArrayList<>(List.of(promtool.get().toString()));
			command.addAll(arguments);
			Process run = new ProcessBuilder(command).directory(DEPLOY.resolve("monitoring").toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(run.waitFor()).as(String.join(" ", arguments) + ":\n" + output).isZero();
			assertThat(output).contains("SUCCESS");
		}
	}

	private static String finalFlags(String... options) throws Exception {
		List<String> arguments = new ArrayList<>(List.of(options));
		arguments.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
		return java(false, arguments.toArray(String[]::new));
	}

	/** What {@code java} with these arguments prints, run with or without a locale. */
	private static String java(boolean withoutLocale, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (withoutLocale) {
			builder.environment().keySet().removeIf((name) -> name.equals("LANG") || name.startsWith("LC_"));
		}
		Process java = builder.start();
		String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(java.waitFor()).as(output).isZero();
		return output;
	}

	private static void assertExposed(String where, String expression) {
		List<Selector> selectors = PromQl.selectors(expression);
		assertThat(selectors).as(where + " reads nothing: " + expression).isNotEmpty();
		for (Selector selector : selectors) {
			List<Map<String, String>> series = exposed.getOrDefault(selector.metric(), List.of());
			assertThat(series).as("%s: no side exposes %s", where, selector.metric()).isNotEmpty();
			List<LabelMatcher> equalities = selector.matchers().stream().filter(LabelMatcher::isEquality).toList();
			assertThat(series).as("%s: no series %s", where, selector)
				.anySatisfy((labels) -> equalities
					.forEach((matcher) -> assertThat(labels).containsEntry(matcher.label(), matcher.value())));
			for (LabelMatcher matcher : selector.matchers()) {
				assertThat(series).as("%s: %s has no label %s", where, selector.metric(), matcher.label())
					.anySatisfy((labels) -> assertThat(labels).containsKey(matcher.label()));
			}
		}
		for (String label : PromQl.groupingLabels(expression)) {
			assertThat(selectors).as("%s groups by %s, which none of its series has", where, label)
				.anySatisfy((selector) -> assertThat(exposed.get(selector.metric()))
					.anySatisfy((labels) -> assertThat(labels).containsKey(label)));
		}
	}

	private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? \\S+");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static void scrape(URI side) throws Exception {
		HttpResponse<String> response = get(side, false);
		assertThat(response.statusCode()).isEqualTo(200);
		for (String line : response.body().split("\n")) {
			Matcher series = SERIES.matcher(line);
			if (line.startsWith("#") || !series.find()) {
				continue;
			}
			Map<String, String> labels = new HashMap<>();
			if (series.group(3) != null) {
				Matcher label = LABEL.matcher(series.group(3));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			exposed.computeIfAbsent(series.group(1), (name) -> new ArrayList<>()).add(labels);
		}
	}

	/** The environment variables a side's configuration file names in {@code ${...}}. */
	private static Set<String> placeholdersOf(String side) {
		Set<String> names = new LinkedHashSet<>();
		Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(resource("/" + side + ".yml"));
		while (placeholder.find()) {
			names.add(placeholder.group(1));
		}
		return names;
	}

	/**
	 * The settings a side knows: those in its configuration file and those Spring Boot
	 * and its libraries describe in their metadata.
	 */
	private static Set<String> propertiesOf(String side) {
		Set<String> names = new LinkedHashSet<>();
		flatten("", new Yaml().load(resource("/" + side + ".yml")), names);
		try {
			for (URL metadata : Collections.list(OperationsFilesTest.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = metadata.openStream()) {
					JSON.readTree(in)
						.path("properties")
						.forEach((property) -> names.add(property.get("name").asText()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

	/** Whether Spring Boot binds the environment variable to one of the settings. */
	private static boolean bindsTo(String variable, Set<String> properties) {
		SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "given"));
		for (ConfigurationPropertySource source : ConfigurationPropertySources.from(environment)) {
			for (String property : properties) {
				if (ConfigurationPropertyName.isValid(property)
						&& source.getConfigurationProperty(ConfigurationPropertyName.of(property)) != null) {
					return true;
				}
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, Object node, Set<String> names) {
		if (node instanceof Map<?, ?> children) {
			children
				.forEach((key, child) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, child, names));
		}
		else {
			names.add(prefix);
		}
	}

	private static String resource(String name) {
		try (InputStream in = OperationsFilesTest.class.getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The Kubernetes objects of a kind in deploy/k8s, by name. */
	private static Map<String, Map<String, Object>> kubernetes(String kind) {
		Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
			// the folder upgrade/ holds what is applied by hand, not by the kustomization
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				for (Object document : new Yaml().loadAll(Files.readString(file))) {
					Map<String, Object> object = map(document);
					if (kind.equals(object.get("kind"))) {
						objects.put((String) map(object.get("metadata")).get("name"), object);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(objects).as(kind + " in deploy/k8s").isNotEmpty();
		return objects;
	}

	private static Map<String, Object> container(Map<String, Object> deployment) {
		List<Map<String, Object>> containers = list(
				map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers"));
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	private static URI sideAt(String side, String path) {
		return "command-side".equals(side) ? sides.commandSideAt(path) : sides.querySideAt(path);
	}

	private static Map<String, Object> yaml(Path file) {
		try {
			return map(new Yaml().load(Files.readString(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object node) {
		assertThat(node).isInstanceOf(List.class);
		return (List<Map<String, Object>>) node;
	}

	private static int post(String path, String json) throws Exception {
		return post(path, "application/json", json);
	}

	private static int post(String path, String contentType, String body) throws Exception {
		return http
			.send(HttpRequest.newBuilder(sides.commandSideAt(path))
				.header("Authorization", basic("secretary"))
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	private static HttpResponse<String> get(URI uri, boolean signedIn) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
		if (signedIn) {
			request.header("Authorization", basic("auditor"));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

}
