package org.matterflow.kernel;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnreachableTest {

	@Test
	void a_connection_the_pool_could_not_give_is_an_unreachable_database_however_deeply_wrapped() {
		Exception wrapped = new IllegalStateException("could not open a transaction",
				new RuntimeException(new SQLTransientConnectionException("pool - Connection is not available")));
		assertThat(Unreachable.database(wrapped)).isTrue();
	}

	@Test
	void a_connection_lost_during_a_statement_is_not_since_the_change_may_have_been_recorded() {
		assertThat(Unreachable.database(new RuntimeException(new SQLException("An I/O error occurred", "08006"))))
			.isFalse();
		assertThat(Unreachable.database(new IllegalStateException("a bug"))).isFalse();
	}

}
