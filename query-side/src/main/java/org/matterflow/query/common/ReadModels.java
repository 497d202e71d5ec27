package org.matterflow.query.common;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every read model as generations. The active generation serves queries and follows
 * the event store. A rebuild creates the next generation in a schema of its own and fills
 * it from the first event in large batches; once it has caught up with the active one it
 * becomes active, and the old generation's processor, tokens and schema are removed. The
 * register of generations lives in {@code projections.generation}, so a rebuild
 * interrupted by a restart resumes where it was.
 *
 * Each generation is one pooled streaming processor with one segment: read models look up
 * facts recorded by other aggregates (a meeting's body, an assignment's matter), so they
 * need events in global order.
 *
 * A process started with {@code matterflow.read-models.prepare-upgrade} (the profile
 * {@code prepare-upgrade}) runs beside the version that serves and only builds the
 * generations this version's tables need; it never takes over and never touches what
 * serves. The next start of this version resumes those generations near the head of the
 * store, so its read models answer 503 for seconds instead of a whole rebuild (ADR 0007).
 */
@Component
public class ReadModels implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

	/**
	 * How long a processor's claim on its token holds without being extended: the token
	 * store's setting, and how long a generation counts as run by another process after
	 * that process last extended its claim.
	 */
	public static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * How long after the token store wrote a token with no owner the processor that wrote
	 * it has claimed it (within milliseconds, as it starts).
	 */
	static final Duration CLAIM_SETTLES = Duration.ofSeconds(2);

	private final Map<String, ReadModel> models = new LinkedHashMap<>();

	private final Map<String, PooledStreamingEventProcessor> processors = new ConcurrentHashMap<>();

	/** The coordinator and worker threads of each processor, ended with it. */
	private final Map<String, List<ScheduledExecutorService>> executors = new ConcurrentHashMap<>();

	/** Why each processor's last batch failed, until it has read past it. */
	private final Map<String, ProcessorFailures> failures = new ConcurrentHashMap<>();

	private static final ProcessorFailures NO_FAILURES = new ProcessorFailures();

	private final Map<String, Generation> active = new ConcurrentHashMap<>();

	private final Map<String, Generation> building = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transactions;

	private final EventSource events;

	private final TokenStore tokens;

	private final TransactionManager axonTransactions;

	private final DeadLetters deadLetters;

	private final int rebuildBatchSize;

	private final int liveBatchSize;

	private final EventStoreHead head;

	private final boolean preparingUpgrade;

	private ScheduledExecutorService watcher;

	private volatile boolean running;

	ReadModels(List<ReadModel> models, JdbcTemplate jdbcTemplate, TransactionTemplate transactions, EventSource events,
			TokenStore tokens, TransactionManager axonTransactions, DeadLetters deadLetters,
			@Value("${matterflow.read-models.rebuild-batch-size:500}") int rebuildBatchSize,
			@Value("${matterflow.read-models.live-batch-size:100}") int liveBatchSize, EventStoreHead head,
			@Value("${matterflow.read-models.prepare-upgrade:false}") boolean preparingUpgrade) {
		models.forEach((model) -> this.models.put(model.name(), model));
		this.jdbc = JdbcClient.create(jdbcTemplate);
		this.jdbcTemplate = jdbcTemplate;
		this.transactions = transactions;
		this.events = events;
		this.tokens = tokens;
		this.axonTransactions = axonTransactions;
		this.deadLetters = deadLetters;
		this.rebuildBatchSize = rebuildBatchSize;
		this.liveBatchSize = liveBatchSize;
		this.head = head;
		this.preparingUpgrade = preparingUpgrade;
	}

	/** The read models by name, in the order they were declared. */
	public List<String> names() {
		return List.copyOf(this.models.keySet());
	}

	/**
	 * The schema queries of a read model read from. The web server takes requests before
	 * the read models have started, so a query may come before there is one to read.
	 */
	public String schemaOf(String readModel) {
		Generation generation = this.active.get(readModel);
		if (generation == null) {
			throw new Starting(readModel);
		}
		return generation.schema();
	}

	/** A query that came while the query side was starting, before its read model. */
	public static class Starting extends RuntimeException {

		Starting(String readModel) {
			super("the query side is starting and the " + readModel + " view is not open yet; retry in a second");
		}

	}

	/**
	 * Refuses the queries of a read model whose serving generation was written by another
	 * version of it. A version changes with the tables, and this version's queries do not
	 * fit the tables of the one before (a column they read is not there): until the
	 * rebuild that the change started has taken over, its queries are answered 503 with
	 * how far the rebuild has read, not 500 from a statement that cannot run. A rebuild
	 * of the same version keeps serving the generation before it. A read model new in
	 * this version is refused the same way until it has read the events recorded before
	 * it.
	 */
	public void requireServingVersion(String readModel) {
		Generation serving = this.active.get(readModel);
		ReadModel model = this.models.get(readModel);
		Generation next = this.building.get(readModel);
		if (model == null || (serving == null && next == null)
				|| (serving != null && serving.version() == model.version())) {
			return;
		}
		OptionalLong reached = (next != null && next.version() == model.version())
				? highest(this.processors.get(next.processorName())) : OptionalLong.empty();
		throw new Upgrading(readModel, (serving != null) ? serving.version() : 0, model.version(), reached,
				OptionalLong.of(this.head.position()));
	}

	/** A read model's queries wait for the generation of their own version. */
	public static class Upgrading extends RuntimeException {

		Upgrading(String readModel, int serving, int version, OptionalLong reached, OptionalLong target) {
			super(((serving == 0)
					? "the " + readModel + " view is new in this version and is being built from the events recorded"
							+ " before it"
					: "the " + readModel + " view is being rebuilt for version " + version
							+ " of its tables, which its queries read; the generation of version " + serving
							+ " it replaces does not have them")
					+ (reached.isPresent() && target.isPresent()
							? " (read up to position " + reached.getAsLong() + " of " + target.getAsLong() + ")" : "")
					+ "; retry shortly");
		}

	}

	/**
	 * Whether the active generation of a read model has processed the event at this
	 * position.
	 */
	public boolean hasReached(String readModel, long position) {
		Generation generation = this.active.get(readModel);
		return generation != null && covers(this.processors.get(generation.processorName()), position);
	}

	/**
	 * The position up to which the active generation has processed every event, if it has
	 * started.
	 */
	public OptionalLong positionOf(String readModel) {
		Generation generation = this.active.get(readModel);
		return (generation != null) ? position(this.processors.get(generation.processorName())) : OptionalLong.empty();
	}

	/**
	 * Whether the active generation has parked the event at this position in its
	 * dead-letter queue rather than handled it.
	 */
	public boolean hasParked(String readModel, long position) {
		Generation generation = this.active.get(readModel);
		return generation != null && this.deadLetters.holds(generation.processorName(), position);
	}

	/**
	 * The events the active generation has parked; none while no generation serves (a
	 * read model new in this version, still being built).
	 */
	public List<DeadLetters.Letter> deadLettersOf(String readModel) {
		Generation generation = servingGeneration(readModel);
		return (generation != null) ? this.deadLetters.of(generation.processorName()) : List.of();
	}

	/**
	 * Hands the events the active generation has parked to its handler again, once a new
	 * version can handle them. Refused like the read model's queries while its rebuild
	 * for this version has not taken over: the generation that parked them is not run
	 * then, and is dropped at the take-over with what it parked.
	 */
	public DeadLetters.Retried retryDeadLetters(String readModel) {
		Generation generation = servingGeneration(readModel);
		requireServingVersion(readModel);
		if (generation == null) {
			throw new Starting(readModel);
		}
		return this.deadLetters.retry(generation.processorName());
	}

	private Generation servingGeneration(String readModel) {
		requireKnown(readModel);
		return this.active.get(readModel);
	}

	/**
	 * Refuses a name that is no read model's, as an operator may type one (404, naming
	 * those there are).
	 */
	private ReadModel requireKnown(String readModel) {
		ReadModel model = this.models.get(readModel);
		if (model == null) {
			throw new NotFound("there is no read model '" + readModel + "'; the read models are "
					+ String.join(", ", this.models.keySet()));
		}
		return model;
	}

	/** The processor of the generation that serves the read model. */
	PooledStreamingEventProcessor servingProcessor(String readModel) {
		return this.processors.get(this.active.get(readModel).processorName());
	}

	/** What an operator sees of each read model. */
	public record Status(String readModel, int generation, int version, boolean answersQueries, Long position,
			Integer building, Long buildingPosition, boolean error, String failure, long deadLetters) {
	}

	public List<Status> status() {
		Map<String, Long> parked = this.deadLetters.counts();
		return this.models.keySet().stream().map((name) -> {
			Generation live = this.active.get(name);
			Generation next = this.building.get(name);
			PooledStreamingEventProcessor liveProcessor = (live != null) ? this.processors.get(live.processorName())
					: null;
			ProcessorFailures liveFailures = (live != null)
					? this.failures.getOrDefault(live.processorName(), NO_FAILURES) : NO_FAILURES;
			OptionalLong livePosition = liveFailures.processed(position(liveProcessor));
			OptionalLong nextPosition = (next != null) ? position(this.processors.get(next.processorName()))
					: OptionalLong.empty();
			Optional<ProcessorFailures.Failure> failure = liveFailures.current(livePosition);
			boolean error = failure.isPresent() || (liveProcessor != null
					&& liveProcessor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState));
			return new Status(name, (live != null) ? live.number() : 0, (live != null) ? live.version() : 0,
					live != null && live.version() == this.models.get(name).version(),
					livePosition.isPresent() ? livePosition.getAsLong() : null, (next != null) ? next.number() : null,
					nextPosition.isPresent() ? nextPosition.getAsLong() : null, error,
					failure.map(ProcessorFailures.Failure::describe).orElse(null),
					(live != null) ? parked.getOrDefault(live.processorName(), 0L) : 0L);
		}).toList();
	}

	/**
	 * Starts building a new generation of the read model from the first event. The
	 * current generation keeps serving until the new one has caught up. A generation
	 * another version left building (an upgrade prepared and not started) is replaced;
	 * one that another process is building right now is not.
	 */
	public synchronized Generation rebuild(String readModel) {
		ReadModel model = requireKnown(readModel);
		Generation existing = this.building.get(readModel);
		if (existing != null) {
			return existing;
		}
		Generation foreign = registered(readModel, Generation.State.BUILDING);
		if (foreign != null) {
			if (claimed(foreign)) {
				throw new BuiltElsewhere(foreign, "rebuild");
			}
			log.warn(
					"Read model {}: discarding generation {}, left building for version {} by a process that has stopped",
					readModel, foreign.number(), foreign.version());
			discard(foreign);
		}
		Generation next = this.transactions.execute((tx) -> {
			int number = this.jdbc
				.sql("SELECT coalesce(max(generation), 0) + 1 FROM projections.generation WHERE read_model = ?")
				.param(readModel)
				.query(Integer.class)
				.single();
			Generation generation = new Generation(readModel, number, model.version(), Generation.State.BUILDING);
			createSchema(model, generation);
			this.jdbc.sql(
					"INSERT INTO projections.generation (read_model, generation, version, state) VALUES (?, ?, ?, 'BUILDING')")
				.params(readModel, number, model.version())
				.update();
			return generation;
		});
		this.building.put(readModel, next);
		startProcessor(model, next, this.rebuildBatchSize);
		log.info("Rebuilding read model {} into generation {}", readModel, next.number());
		return next;
	}

	/**
	 * A rebuild or a preparation refused because another process is building a generation
	 * of the read model: a query side of another version preparing its upgrade, or the
	 * serving query side rebuilding it.
	 */
	public static class BuiltElsewhere extends RuntimeException {

		BuiltElsewhere(Generation generation, String refused) {
			super("generation " + generation.number() + " of the " + generation.readModel()
					+ " view is being built for version " + generation.version()
					+ " of its tables by another process (an upgrade being prepared, or a rebuild); a " + refused
					+ " here would discard it. Ask again once that process has stopped, or its rebuild has taken over");
		}

	}

	@Override
	public synchronized void start() {
		warnWithoutAutovacuum();
		if (this.preparingUpgrade) {
			try {
				this.models.values().forEach(this::prepareUpgrade);
			}
			catch (RuntimeException ex) {
				// the processors begun for the read models before would keep the
				// process from ending
				stop();
				throw ex;
			}
			this.running = true;
			return;
		}
		// what serves and what is built is the register's, read afresh (a context
		// stopped and started again keeps this object)
		this.active.clear();
		this.building.clear();
		for (ReadModel model : this.models.values()) {
			Generation live = registered(model.name(), Generation.State.ACTIVE);
			Generation next = registered(model.name(), Generation.State.BUILDING);
			boolean resumable = next != null && next.version() == model.version();
			if (live == null && !resumable && this.head.refresh() < 0) {
				// a store with no events yet: the first generation has nothing to read
				// before it serves
				if (next != null) {
					discard(next);
				}
				live = firstGeneration(model);
				next = null;
			}
			if (live != null && live.version() == model.version()) {
				this.active.put(model.name(), live);
				startProcessor(model, live, this.liveBatchSize);
				if (resumable) {
					resume(model, next);
				}
				else if (next != null) {
					// an upgrade being prepared beside this version, or one taken back:
					// that version's start resumes it, a rebuild here replaces it
					log.info("Read model {}: generation {} is being built for version {}, not {}; left to that version",
							model.name(), next.number(), next.version(), model.version());
				}
				continue;
			}
			if (live != null) {
				// another version's tables: not run, since this version's handlers do not
				// fit them, and its queries are refused until the rebuild takes over
				this.active.put(model.name(), live);
			}
			// older or newer (a version taken back), or new to a store with a history
			// (added by this version), whose answers would be incomplete until it has
			// read that history: built, and takes over as a rebuild does
			buildThisVersion(model, next,
					(live != null) ? "changed from version " + live.version() + " to " + model.version()
							: "is new to a store that holds events");
		}
		this.watcher = Executors
			.newSingleThreadScheduledExecutor((runnable) -> new Thread(runnable, "read-model-swap"));
		this.watcher.scheduleWithFixedDelay(this::activateCaughtUpGenerations, 200, 200, TimeUnit.MILLISECONDS);
		this.watcher.execute(this::retryParkedEvents);
		this.running = true;
	}

	/**
	 * Builds, beside the version that serves, the generation this version's tables need,
	 * or resumes it. Nothing serves from this process and nothing takes over: the store's
	 * serving generations stay as they are until this version starts.
	 */
	private void prepareUpgrade(ReadModel model) {
		Generation live = registered(model.name(), Generation.State.ACTIVE);
		Generation next = registered(model.name(), Generation.State.BUILDING);
		if (live == null && this.head.refresh() < 0) {
			log.info("Read model {}: the store is empty; this version's first start builds it", model.name());
			return;
		}
		if (live != null && live.version() == model.version()) {
			log.info("Read model {}: generation {} serves with this version's tables; nothing to prepare", model.name(),
					live.number());
			return;
		}
		if (next != null && claimed(next)) {
			throw new BuiltElsewhere(next, "preparation");
		}
		buildThisVersion(model, next, (live != null) ? "served by generation " + live.number() + " of version "
				+ live.version() + "; preparing version " + model.version() : "is new in this version; preparing it");
	}

	/**
	 * Builds the generation of this version's tables: resumes the one being built for it,
	 * or begins one, discarding what was being built for another version.
	 */
	private void buildThisVersion(ReadModel model, Generation next, String why) {
		if (next != null && next.version() == model.version()) {
			log.info("Read model {}: resuming generation {} for version {}", model.name(), next.number(),
					next.version());
			resume(model, next);
			return;
		}
		if (next != null) {
			log.info("Read model {}: generation {} was being built for version {}, not {}; discarding it", model.name(),
					next.number(), next.version(), model.version());
			discard(next);
		}
		log.info("Read model {} {}; building it", model.name(), why);
		rebuild(model.name());
	}

	private void resume(ReadModel model, Generation next) {
		this.building.put(model.name(), next);
		startProcessor(model, next, this.rebuildBatchSize);
	}

	/**
	 * What this process builds, how far each has read, and the failure that holds it
	 * back, if any (it is retried, never skipped).
	 */
	public record Progress(String readModel, int generation, int version, OptionalLong position,
			Optional<String> failure) {

		/** Whether it has read every event up to this position. */
		public boolean hasRead(long position) {
			return position < 0 || (this.position.isPresent() && this.position.getAsLong() >= position);
		}

	}

	/** The generations this process is building, with how far each has read. */
	public List<Progress> rebuilds() {
		return this.building.values().stream().map((generation) -> {
			OptionalLong position = highest(this.processors.get(generation.processorName()));
			return new Progress(generation.readModel(), generation.number(), generation.version(), position,
					this.failures.getOrDefault(generation.processorName(), NO_FAILURES)
						.current(position)
						.map(ProcessorFailures.Failure::describe));
		}).toList();
	}

	/** The read model's generation in this state in the register, if there is one. */
	private Generation registered(String readModel, Generation.State state) {
		return this.jdbc
			.sql("SELECT read_model, generation, version, state FROM projections.generation "
					+ "WHERE read_model = ? AND state = ?")
			.params(readModel, state.name())
			.query((rs, n) -> new Generation(rs.getString(1), rs.getInt(2), rs.getInt(3),
					Generation.State.valueOf(rs.getString(4))))
			.optional()
			.orElse(null);
	}

	/**
	 * Whether a process holds the claim on a generation's token: it has extended it
	 * within the claim timeout and not released it. A generation with no token yet that
	 * was begun within that time counts as claimed too: its processor may be about to
	 * claim it. So does a token written with no owner a moment ago, if an owner has
	 * claimed it a moment later: the token store writes a new processor's token first and
	 * claims it after, and a token just released looks the same.
	 */
	private boolean claimed(Generation generation) {
		List<Claim> claims = claimsOf(generation);
		if (claims.isEmpty()) {
			return this.jdbc
				.sql("SELECT started_at > now() - make_interval(secs => ?) FROM projections.generation "
						+ "WHERE read_model = ? AND generation = ?")
				.params(CLAIM_TIMEOUT.toSeconds(), generation.readModel(), generation.number())
				.query(Boolean.class)
				.optional()
				.orElse(false);
		}
		if (claims.stream().anyMatch((claim) -> claim.holds(Instant.now().minus(CLAIM_TIMEOUT)))) {
			return true;
		}
		if (claims.stream().noneMatch((claim) -> claim.writtenSince(Instant.now().minus(CLAIM_SETTLES)))) {
			return false;
		}
		try {
			Thread.sleep(CLAIM_SETTLES.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
		return claimsOf(generation).stream().anyMatch((claim) -> claim.holds(Instant.now().minus(CLAIM_TIMEOUT)));
	}

	private List<Claim> claimsOf(Generation generation) {
		return this.jdbc.sql("SELECT owner, time_stamp FROM projections.token_entry WHERE processor_name = ?")
			.param(generation.processorName())
			.query((rs, n) -> new Claim(rs.getString(1), rs.getString(2)))
			.list();
	}

	/**
	 * A segment's owner and when it last extended its claim, as the token store keeps
	 * them.
	 */
	private record Claim(String owner, String extended) {

		/**
		 * A time that cannot be read counts as recent: refusing a rebuild is better than
		 * dropping a generation in use.
		 */
		boolean writtenSince(Instant moment) {
			try {
				return Instant.parse(this.extended).isAfter(moment);
			}
			catch (DateTimeParseException | NullPointerException ex) {
				return true;
			}
		}

		boolean holds(Instant expired) {
			return this.owner != null && writtenSince(expired);
		}

	}

	private void discard(Generation generation) {
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("UPDATE projections.generation SET state = 'RETIRED' WHERE read_model = ? AND generation = ?")
				.params(generation.readModel(), generation.number())
				.update();
			dropRetired(generation);
		});
	}

	/**
	 * A new version may handle what the one before parked: each start hands the parked
	 * events to the serving generations once, on the watcher's thread, so that serving
	 * does not wait for it. What still fails stays parked.
	 */
	private void retryParkedEvents() {
		for (Generation generation : List.copyOf(this.active.values())) {
			if (!this.processors.containsKey(generation.processorName())) {
				// another version's, not run: dropped with its generation
				continue;
			}
			try {
				if (this.deadLetters.count(generation.processorName()) > 0) {
					this.deadLetters.retry(generation.processorName());
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not retry the events {} has parked", generation.processorName(), ex);
			}
		}
	}

	/**
	 * The live read models are updated in place (an assignment's status, an agenda item
	 * moved) and the processors' tokens on every batch: without autovacuum their dead
	 * rows and stale statistics slow every query, a little more each day.
	 */
	private void warnWithoutAutovacuum() {
		String autovacuum = this.jdbc.sql("SELECT current_setting('autovacuum')").query(String.class).single();
		if (!"on".equals(autovacuum)) {
			log.warn("PostgreSQL's autovacuum is {}: the read models' dead rows and planner statistics "
					+ "are not kept up (README, Operating)", autovacuum);
		}
	}

	private Generation firstGeneration(ReadModel model) {
		return this.transactions.execute((tx) -> {
			Generation generation = new Generation(model.name(), 1, model.version(), Generation.State.ACTIVE);
			createSchema(model, generation);
			this.jdbc
				.sql("INSERT INTO projections.generation (read_model, generation, version, state, activated_at) "
						+ "VALUES (?, 1, ?, 'ACTIVE', now())")
				.params(model.name(), model.version())
				.update();
			return generation;
		});
	}

	private void createSchema(ReadModel model, Generation generation) {
		this.jdbc.sql("DROP SCHEMA IF EXISTS " + generation.schema() + " CASCADE").update();
		this.jdbc.sql("CREATE SCHEMA " + generation.schema()).update();
		String ddl = model.ddl().replaceAll("(?m)--.*$", "").replace("${schema}", generation.schema());
		for (String statement : ddl.split(";")) {
			if (!statement.isBlank()) {
				this.jdbc.sql(statement).update();
			}
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void startProcessor(ReadModel model, Generation generation, int batchSize) {
		ScheduledExecutorService coordinator = Executors.newScheduledThreadPool(1,
				(runnable) -> new Thread(runnable, "coordinator-" + generation.processorName()));
		ScheduledExecutorService worker = Executors.newScheduledThreadPool(1,
				(runnable) -> new Thread(runnable, "worker-" + generation.processorName()));
		ProcessorFailures failures = new ProcessorFailures();
		Statements statements = new Statements(this.jdbcTemplate, generation.schema());
		PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
			.name(generation.processorName())
			// an event the handler cannot handle is parked with its aggregate's later
			// events; any other failure fails the batch, which is tried again
			.eventHandlerInvoker(this.deadLetters.invokerFor(generation.processorName(), model.handlerFor(statements),
					statements, failures))
			.errorHandler(failures)
			.messageSource(this.events)
			.tokenStore(this.tokens)
			.transactionManager(this.axonTransactions)
			.coordinatorExecutor(coordinator)
			.workerExecutor(worker)
			.initialSegmentCount(1)
			.batchSize(batchSize)
			.initialToken(StreamableMessageSource::createTailToken)
			.build();
		this.processors.put(generation.processorName(), processor);
		this.failures.put(generation.processorName(), failures);
		this.executors.put(generation.processorName(), List.of(coordinator, worker));
		processor.start();
	}

	/**
	 * A generation being built takes over once it has processed everything the active one
	 * has; where the active one is another version's and not run, once it has read what
	 * the store holds.
	 */
	void activateCaughtUpGenerations() {
		for (Generation next : List.copyOf(this.building.values())) {
			try {
				Generation live = this.active.get(next.readModel());
				OptionalLong target;
				OptionalLong reached;
				if (live != null && live.version() == this.models.get(next.readModel()).version()) {
					PooledStreamingEventProcessor serving = this.processors.get(live.processorName());
					if (serving == null || serving.processingStatus().isEmpty()) {
						// The serving generation holds no segment (just started, a
						// stopped process's claim not yet run out, a failed batch):
						// how far it has read is unknown; no take-over on a guess.
						continue;
					}
					target = position(serving);
					reached = position(this.processors.get(next.processorName()));
				}
				else {
					// nothing is answered meanwhile (the serving generation is another
					// version's, or there is none yet): take over at the store's head;
					// events still being committed below it are read afterwards, as by
					// any serving generation
					target = OptionalLong.of(this.head.refresh());
					reached = highest(this.processors.get(next.processorName()));
				}
				if (reached.isPresent() && (target.isEmpty() || reached.getAsLong() >= target.getAsLong())) {
					// outside the lock: ANALYZE takes up to seconds at a million events,
					// and a rebuild asked for meanwhile need not wait for it
					gatherStatistics(next);
					activate(next, live);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not check generation {} of {}", next.number(), next.readModel(), ex);
			}
		}
	}

	/** Makes a caught-up generation serve, and removes the one it replaces, if any. */
	private synchronized void activate(Generation next, Generation old) {
		this.transactions.executeWithoutResult((tx) -> {
			if (old != null) {
				this.jdbc
					.sql("UPDATE projections.generation SET state = 'RETIRED' WHERE read_model = ? AND generation = ?")
					.params(old.readModel(), old.number())
					.update();
			}
			this.jdbc.sql(
					"UPDATE projections.generation SET state = 'ACTIVE', activated_at = now() WHERE read_model = ? AND generation = ?")
				.params(next.readModel(), next.number())
				.update();
		});
		this.active.put(next.readModel(),
				new Generation(next.readModel(), next.number(), next.version(), Generation.State.ACTIVE));
		this.building.remove(next.readModel());
		if (old != null) {
			PooledStreamingEventProcessor retired = this.processors.remove(old.processorName());
			if (retired != null) {
				retired.shutdownAsync().join();
			}
			endThreadsOf(old.processorName());
			dropRetired(old);
		}
		log.info("Read model {} now served by generation {}", next.readModel(), next.number());
	}

	/**
	 * Removes what a retired generation has left: its tokens, dead letters and tables. No
	 * processor runs it any more.
	 */
	private void dropRetired(Generation generation) {
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("DELETE FROM projections.token_entry WHERE processor_name = ?")
				.param(generation.processorName())
				.update();
			this.deadLetters.drop(generation.processorName());
			this.jdbc.sql("DROP SCHEMA IF EXISTS " + generation.schema() + " CASCADE").update();
		});
	}

	/**
	 * A rebuilt generation's tables were filled in bulk and have no planner statistics
	 * until autovacuum analyzes them (after its next nap, and never where autovacuum is
	 * off). Without them PostgreSQL guesses row counts and may read a whole index where
	 * the question needs a dozen rows: a person's open assignments read every open
	 * assignment this way (0.37 ms instead of 0.12 ms a statement on 3,400 assignments,
	 * more as dead rows pile up). So the generation is analyzed before it serves its
	 * first query; if that fails, it serves without, as it would have.
	 */
	private void gatherStatistics(Generation generation) {
		long started = System.nanoTime();
		try {
			List<String> tables = this.jdbc
				.sql("SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname = ? ORDER BY 1")
				.param(generation.schema())
				.query(String.class)
				.list();
			if (!tables.isEmpty()) {
				this.jdbc.sql("ANALYZE " + String.join(", ", tables)).update();
			}
			log.info("Read model {} generation {}: statistics of {} tables gathered in {} ms", generation.readModel(),
					generation.number(), tables.size(), (System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			log.warn("Read model {} generation {} takes over without planner statistics", generation.readModel(),
					generation.number(), ex);
		}
	}

	/**
	 * A processor that has shut down leaves its executors idle; without this every
	 * rebuild would leave two threads behind.
	 */
	private void endThreadsOf(String processorName) {
		this.failures.remove(processorName);
		this.deadLetters.forget(processorName);
		List<ScheduledExecutorService> threads = this.executors.remove(processorName);
		if (threads != null) {
			threads.forEach(ScheduledExecutorService::shutdownNow);
		}
	}

	/** How far a processor has read with nothing missing below: where it serves from. */
	private static OptionalLong position(PooledStreamingEventProcessor processor) {
		return leastOf(processor, ReadModels::contiguousPosition);
	}

	/**
	 * The newest event a processor has read, gaps below it or not: how far a generation
	 * being built has come.
	 */
	private static OptionalLong highest(PooledStreamingEventProcessor processor) {
		return leastOf(processor, (token) -> token.position().orElse(-1));
	}

	/** The least of a position over the processor's segments, if it holds any. */
	private static OptionalLong leastOf(PooledStreamingEventProcessor processor,
			ToLongFunction<TrackingToken> position) {
		if (processor == null) {
			return OptionalLong.empty();
		}
		return processor.processingStatus()
			.values()
			.stream()
			.map(EventTrackerStatus::getTrackingToken)
			.filter(java.util.Objects::nonNull)
			.mapToLong(position)
			.min();
	}

	/**
	 * The highest position below which nothing is missing: a gap means an event still to
	 * come.
	 */
	private static long contiguousPosition(TrackingToken token) {
		if (token instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
			return gapAware.getGaps().first() - 1;
		}
		return token.position().orElse(-1);
	}

	private static boolean covers(PooledStreamingEventProcessor processor, long position) {
		if (processor == null) {
			return false;
		}
		return processor.processingStatus()
			.values()
			.stream()
			.map(EventTrackerStatus::getTrackingToken)
			.allMatch((token) -> {
				if (token == null) {
					return false;
				}
				if (token instanceof GapAwareTrackingToken gapAware) {
					return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
				}
				return token.position().orElse(-1) >= position;
			}) && !processor.processingStatus().isEmpty();
	}

	@Override
	public synchronized void stop() {
		if (this.watcher != null) {
			this.watcher.shutdownNow();
		}
		// all at once: each finishes its batch and releases its claim, which with the
		// database out of reach waits the pool's timeout; one after another, six such
		// waits kept a stop from ending within a container's grace period
		CompletableFuture
			.allOf(this.processors.values()
				.stream()
				.map(PooledStreamingEventProcessor::shutdownAsync)
				.toArray(CompletableFuture[]::new))
			.join();
		this.processors.keySet().forEach(this::endThreadsOf);
		this.processors.clear();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Starts after the event store and the data source, stops before them. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

}
