package org.matterflow.query.common;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which waiting writes may go in one batch without changing what any of them sees. */
class WritePlanTest {

	private static final WritePlan.Shape STEP = new WritePlan.Shape(Set.of("step"), Set.of("step"));

	private static final WritePlan.Shape ITEM = new WritePlan.Shape(Set.of("item"), Set.of("item"));

	/** A decision written from its meeting's row. */
	private static final WritePlan.Shape DECISION = new WritePlan.Shape(Set.of("decision", "meeting"),
			Set.of("decision"));

	/** An item deferred, written from its meeting's row too. */
	private static final WritePlan.Shape DEFERRAL = new WritePlan.Shape(Set.of("deferral", "meeting"),
			Set.of("deferral"));

	private static final WritePlan.Shape MEETING = new WritePlan.Shape(Set.of("meeting"), Set.of("meeting"));

	private final WritePlan plan = new WritePlan();

	@Test
	void writes_of_one_statement_share_a_batch_across_writes_to_other_tables() {
		add("insert item", ITEM, 1);
		add("insert step", STEP, 1);
		add("insert item", ITEM, 2);
		add("insert step", STEP, 2);

		assertThat(sent()).containsExactly("insert item [1, 2]", "insert step [1, 2]");
	}

	@Test
	void a_write_does_not_pass_a_write_that_reads_its_table() {
		add("insert meeting", MEETING, 1);
		add("insert decision", DECISION, 1);
		add("insert meeting", MEETING, 2);

		assertThat(sent()).containsExactly("insert meeting [1]", "insert decision [1]", "insert meeting [2]");
	}

	@Test
	void a_write_that_reads_a_table_does_not_pass_a_write_to_it() {
		add("insert decision", DECISION, 1);
		add("insert meeting", MEETING, 2);
		add("insert decision", DECISION, 2);

		assertThat(sent()).containsExactly("insert decision [1]", "insert meeting [2]", "insert decision [2]");
	}

	@Test
	void writes_that_only_read_the_same_table_may_pass_each_other() {
		add("insert decision", DECISION, 1);
		add("insert deferral", DEFERRAL, 1);
		add("insert decision", DECISION, 2);

		assertThat(sent()).containsExactly("insert decision [1, 2]", "insert deferral [1]");
	}

	@Test
	void two_statements_writing_one_table_keep_their_order() {
		add("insert item", ITEM, 1);
		add("update item", ITEM, 1);
		add("insert item", ITEM, 2);

		assertThat(sent()).containsExactly("insert item [1]", "update item [1]", "insert item [2]");
	}

	@Test
	void a_statement_with_named_parameters_is_a_batch_apart_from_the_same_text_with_positional_ones() {
		this.plan.add("insert item", ITEM, false, 1);
		this.plan.add("insert item", ITEM, true, 2);

		assertThat(this.plan.drain()).extracting(WritePlan.Batch::named).containsExactly(false, true);
	}

	@Test
	void a_drained_plan_starts_again_empty() {
		add("insert item", ITEM, 1);
		this.plan.drain();

		assertThat(this.plan.isEmpty()).isTrue();
		add("insert item", ITEM, 2);
		assertThat(sent()).containsExactly("insert item [2]");
	}

	@Test
	void writes_withdrawn_back_to_a_mark_leave_the_plan_as_it_was_at_the_mark() {
		add("insert item", ITEM, 1);
		add("insert meeting", MEETING, 1);
		long mark = this.plan.mark();
		add("insert item", ITEM, 2);
		add("insert decision", DECISION, 2);
		add("insert meeting", MEETING, 2);

		assertThat(this.plan.withdrawSince(mark)).isTrue();
		add("insert item", ITEM, 3);
		assertThat(sent()).containsExactly("insert item [1, 3]", "insert meeting [1]");
	}

	@Test
	void writes_already_sent_cannot_be_withdrawn() {
		long mark = this.plan.mark();
		add("insert item", ITEM, 1);
		this.plan.drain();
		add("insert item", ITEM, 2);

		assertThat(this.plan.withdrawSince(mark)).isFalse();
		assertThat(sent()).containsExactly("insert item [2]");
	}

	@Test
	void writes_sent_before_the_mark_leave_the_ones_after_it_withdrawable() {
		add("insert item", ITEM, 1);
		this.plan.drain();
		long mark = this.plan.mark();
		add("insert item", ITEM, 2);

		assertThat(this.plan.withdrawSince(mark)).isTrue();
		assertThat(this.plan.isEmpty()).isTrue();
	}

	private void add(String statement, WritePlan.Shape shape, int value) {
		this.plan.add(statement, shape, false, value);
	}

	private List<String> sent() {
		return this.plan.drain().stream().map((batch) -> batch.statement() + " " + batch.values()).toList();
	}

}
