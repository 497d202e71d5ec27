package org.matterflow.query.common;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.matterflow.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseLocaleTest {

	@Test
	void a_database_whose_letters_fold_from_a_to_z_only_is_named_with_what_it_costs() throws Exception {
		TestDatabase.Connection any = TestDatabase.create("locale");
		String name = "mf_locale_c_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection admin = DriverManager.getConnection(any.url(), any.username(), any.password());
				Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " LC_CTYPE 'C' LC_COLLATE 'C' TEMPLATE template0");
		}
		try {
			JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
					any.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), any.username(), any.password()));

			assertThat(DatabaseLocale.caseFoldingWarning(jdbc)).hasValueSatisfying(
					(warning) -> assertThat(warning).contains("LC_CTYPE C,", "'översyn' in 'Översyn'", "UTF-8 locale"));
		}
		finally {
			try (Connection admin = DriverManager.getConnection(any.url(), any.username(), any.password());
					Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + name);
			}
		}
	}

}
