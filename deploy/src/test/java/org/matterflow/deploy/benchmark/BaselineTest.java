package org.matterflow.deploy.benchmark;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matterflow.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The yardstick counts what it wrote: every ratio the benchmark prints is divided by
 * these rates, so a count of transactions where rows are meant would skew them all.
 */
class BaselineTest {

	private TestDatabase.Connection database;

	private Baseline baseline;

	@BeforeEach
	void createTable() throws Exception {
		this.database = TestDatabase.create("benchbaseline");
		this.baseline = new Baseline(this.database.url(), this.database.username(), this.database.password());
		this.baseline.createTable();
	}

	@Test
	void single_row_inserts_count_every_row_each_client_committed() throws Exception {
		Latencies inserts = this.baseline.singleRowInserts(4, Duration.ofMillis(300));

		assertThat(inserts.count()).isPositive().isEqualTo(rows());
		assertThat(inserts.perSecond()).isPositive();
	}

	@Test
	void batched_inserts_count_rows_not_transactions() throws Exception {
		Latencies inserts = this.baseline.batchedInserts(1, 500, Duration.ofMillis(300));

		assertThat(rows("raw_event_batched")).isPositive()
			.isEqualTo(inserts.count())
			.isEqualTo(inserts.count() / 500 * 500);
	}

	@Test
	void every_batched_measurement_starts_on_an_empty_table_whatever_the_read_baseline_holds() throws Exception {
		this.baseline.fillTo(2_000);
		this.baseline.batchedInserts(1, 500, Duration.ofMillis(200));

		Latencies again = this.baseline.batchedInserts(1, 500, Duration.ofMillis(200));

		assertThat(rows("raw_event_batched")).isPositive().isEqualTo(again.count());
		assertThat(rows()).isEqualTo(2_000);
	}

	@Test
	void the_read_baseline_is_filled_up_to_the_size_asked_for_and_never_past_it() throws Exception {
		this.baseline.fillTo(1_200);
		assertThat(rows()).isEqualTo(1_200);

		this.baseline.fillTo(800);
		assertThat(rows()).isEqualTo(1_200);

		// the point reads find rows among those filled
		Latencies reads = this.baseline.machineCheckPointReads(Duration.ofMillis(200), 1_000, Duration.ZERO);
		assertThat(reads.count()).isPositive();
		assertThat(this.baseline.sequentialRead(500)).isPositive();
	}

	@Test
	void the_core_kept_awake_for_the_machine_s_check_is_let_go_when_the_check_ends() throws Exception {
		this.baseline.fillTo(100);

		Latencies reads = this.baseline.machineCheckPointReads(Duration.ofMillis(100), 100, Duration.ZERO);

		assertThat(reads.count()).isPositive();
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain(Baseline.CORE_AWAKE);
	}

	private long rows() throws Exception {
		return rows("raw_event");
	}

	private long rows(String table) throws Exception {
		try (java.sql.Connection connection = DriverManager.getConnection(this.database.url(), this.database.username(),
				this.database.password());
				Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
			count.next();
			return count.getLong(1);
		}
	}

}
