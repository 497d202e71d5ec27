package org.matterflow.command.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Durable deadlines (an assignment becoming overdue) kept by db-scheduler in the command
 * side's own schema, so a deadline survives restarts and fires on exactly one node. The
 * scheduler writes through the command's transaction, so a deadline exists only if the
 * events that asked for it were stored.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

	@Bean
	Task<DbSchedulerBinaryDeadlineDetails> deadlineTask(ApplicationContext context) {
		return DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
	}

	@Bean
	Scheduler deadlineScheduler(DataSource dataSource, Task<DbSchedulerBinaryDeadlineDetails> deadlineTask,
			@Value("${matterflow.deadlines.polling-interval:10s}") Duration pollingInterval) {
		return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), List.of(deadlineTask))
			.tableName("events.scheduled_tasks")
			.pollingInterval(pollingInterval)
			.threads(2)
			.build();
	}

	/**
	 * With {@code matterflow.deadlines.enabled=false} deadlines are still stored but this
	 * node does not execute them (another node, or a later start, will).
	 */
	@Bean
	DeadlineManager deadlineManager(Scheduler deadlineScheduler, Configuration configuration, Serializer serializer,
			TransactionManager transactionManager, Clock clock,
			@Value("${matterflow.deadlines.enabled:true}") boolean enabled) {
		DbSchedulerDeadlineManager deadlines = DbSchedulerDeadlineManager.builder()
			.scheduler(deadlineScheduler)
			.scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
			.serializer(serializer)
			.transactionManager(transactionManager)
			.startScheduler(enabled)
			.stopScheduler(true)
			.build();
		// the command bus's correlation providers do not reach a deadline's unit of work:
		// without this an overdue from a deadline lost its correlation, cause and time
		deadlines.registerHandlerInterceptor((unitOfWork, chain) -> {
			unitOfWork.registerCorrelationDataProvider(
					(message) -> RecordMetadataConfiguration.correlationDataForDeadline(message, clock));
			return chain.proceed();
		});
		return deadlines;
	}

}
