package org.matterflow.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.matterflow.kernel.Revision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * The module graph is the architecture; these rules keep it so. Plain Jupiter tests that
 * call ArchUnit, because ArchUnit's own test engine does not run on JUnit 6.
 */
class ModuleRulesTest {

	private static final JavaClasses MATTERFLOW = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("-tests.jar"))
		.importPackages("org.matterflow");

	@Test
	void the_command_side_never_imports_the_query_side() {
		THE_COMMAND_SIDE_NEVER_IMPORTS_THE_QUERY_SIDE.check(MATTERFLOW);
	}

	@Test
	void the_query_side_never_imports_the_command_side() {
		THE_QUERY_SIDE_NEVER_IMPORTS_THE_COMMAND_SIDE.check(MATTERFLOW);
	}

	@Test
	void the_query_side_sends_no_commands() {
		THE_QUERY_SIDE_SENDS_NO_COMMANDS.check(MATTERFLOW);
	}

	@Test
	void query_side_controllers_do_not_change_domain_state() {
		QUERY_CONTROLLERS_ONLY_READ.check(MATTERFLOW);
	}

	@Test
	void the_shared_kernel_is_free_of_frameworks() {
		THE_SHARED_KERNEL_IS_FREE_OF_FRAMEWORKS.check(MATTERFLOW);
	}

	@Test
	void every_event_is_a_record_with_a_revision() {
		EVERY_EVENT_IS_A_RECORD_WITH_A_REVISION.check(MATTERFLOW);
	}

	@Test
	void aggregates_stay_inside_their_feature_package() {
		AGGREGATES_STAY_INSIDE_THEIR_FEATURE_PACKAGE.check(MATTERFLOW);
	}

	static final ArchRule THE_COMMAND_SIDE_NEVER_IMPORTS_THE_QUERY_SIDE = noClasses().that()
		.resideInAPackage("org.matterflow.command..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.matterflow.query..");

	static final ArchRule THE_QUERY_SIDE_NEVER_IMPORTS_THE_COMMAND_SIDE = noClasses().that()
		.resideInAPackage("org.matterflow.query..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.matterflow.command..");

	static final ArchRule THE_QUERY_SIDE_SENDS_NO_COMMANDS = noClasses().that()
		.resideInAPackage("org.matterflow.query..")
		.should()
		.dependOnClassesThat(implementKernelInterfaceEndingWith("Command"))
		.orShould()
		.dependOnClassesThat()
		.resideInAPackage("org.axonframework.commandhandling..");

	/**
	 * The read side never changes the record; webhook subscriptions are an integration's
	 * own settings, kept beside the feed they deliver, and calendar addresses a reader's,
	 * kept beside the calendar they serve.
	 */
	static final ArchRule QUERY_CONTROLLERS_ONLY_READ = noMethods().that()
		.areDeclaredInClassesThat()
		.resideInAPackage("org.matterflow.query..")
		.and()
		.areDeclaredInClassesThat()
		.resideOutsideOfPackages("org.matterflow.query.webhooks..", "org.matterflow.query.calendaraddresses..")
		.should()
		.beAnnotatedWith(org.springframework.web.bind.annotation.PostMapping.class)
		.orShould()
		.beAnnotatedWith(org.springframework.web.bind.annotation.PutMapping.class)
		.orShould()
		.beAnnotatedWith(org.springframework.web.bind.annotation.PatchMapping.class)
		.orShould()
		.beAnnotatedWith(org.springframework.web.bind.annotation.DeleteMapping.class)
		.allowEmptyShould(true);

	static final ArchRule THE_SHARED_KERNEL_IS_FREE_OF_FRAMEWORKS = classes().that()
		.resideInAPackage("org.matterflow.kernel..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("org.matterflow.kernel..", "java..", "com.fasterxml.jackson.annotation..");

	static final ArchRule EVERY_EVENT_IS_A_RECORD_WITH_A_REVISION = classes().that()
		.resideInAPackage("org.matterflow.kernel..")
		.and()
		.haveSimpleNameNotEndingWith("Event")
		.and(implementSealedEventInterface())
		.should()
		.beAnnotatedWith(Revision.class)
		.andShould(beRecords());

	static final ArchRule AGGREGATES_STAY_INSIDE_THEIR_FEATURE_PACKAGE = classes().that()
		.haveSimpleNameEndingWith("Aggregate")
		.should()
		.notBePublic();

	private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> implementKernelInterfaceEndingWith(
			String suffix) {
		return new com.tngtech.archunit.base.DescribedPredicate<>(
				"implement a " + suffix + " interface of the kernel") {

			@Override
			public boolean test(JavaClass type) {
				return type.getRawInterfaces()
					.stream()
					.anyMatch((face) -> face.getPackageName().startsWith("org.matterflow.kernel")
							&& face.getSimpleName().endsWith(suffix));
			}

		};
	}

	private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> implementSealedEventInterface() {
		return new com.tngtech.archunit.base.DescribedPredicate<>("implement an event interface of the kernel") {

			@Override
			public boolean test(JavaClass type) {
				return type.getRawInterfaces()
					.stream()
					.anyMatch((face) -> face.getPackageName().startsWith("org.matterflow.kernel")
							&& face.getSimpleName().endsWith("Event"));
			}

		};
	}

	private static ArchCondition<JavaClass> beRecords() {
		return new ArchCondition<>("be records") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				boolean record = type.reflect().isRecord();
				events.add(new SimpleConditionEvent(type, record,
						type.getName() + (record ? " is" : " is not") + " a record"));
			}

		};
	}

}
