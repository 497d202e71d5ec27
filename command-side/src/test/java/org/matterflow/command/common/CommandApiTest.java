package org.matterflow.command.common;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matterflow.command.testing.Api;
import org.matterflow.command.testing.Api.Response;
import org.matterflow.command.testing.EventStoreRows;
import org.matterflow.command.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.matterflow.command.testing.Api.json;

/**
 * Every command of the model sent over HTTP to the running command side, and what lands
 * in the event store on PostgreSQL.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CommandApiTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	EventStoreRows events;

	String run;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.events = new EventStoreRows(this.jdbc);
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService localUsers;

	@Test
	void local_passwords_stay_plain_so_a_request_does_not_pay_for_a_bcrypt_check() {
		// a UserDetailsPasswordService would let Spring Security re-encode {noop}
		// passwords with bcrypt at the first sign-in, and every later request would
		// pay some 70 ms of CPU for it
		this.api.post("/api/bodies", json("{'name':'Chefsgrupp folkhälsa','kind':'MANAGEMENT_GROUP'}"));
		assertThat(this.localUsers)
			.isNotInstanceOf(org.springframework.security.core.userdetails.UserDetailsPasswordService.class);
		assertThat(this.localUsers.loadUserByUsername("secretary").getPassword()).isEqualTo("{noop}secretary");
	}

	@Test
	void every_command_of_the_model_lands_as_events_in_postgresql() {
		String group = id("chefsgrupp");
		String south = id("soder");
		String old = id("arbetsgrupp-2020");
		String matter = id("strategi");
		String january = id("m-jan");
		String may = id("m-may");
		String april = id("m-apr");

		ok(this.api.post("/api/bodies", json("{'bodyId':'" + group
				+ "','name':'Chefsgrupp folkhälsa','kind':'MANAGEMENT_GROUP','establishedOn':'2019-01-01'}")));
		ok(this.api.post("/api/bodies",
				json("{'bodyId':'" + south + "','name':'Länsdelsgrupp','kind':'COUNTY_PART_GROUP'}")));
		ok(this.api.post("/api/bodies/" + south + "/rename", json("{'name':'Länsdelsgrupp söder'}")));
		Response appointed = ok(this.api.post("/api/bodies/" + group + "/members", json(
				"{'personId':'maria','name':'Maria Lindborg','organisation':'Region Örebro län','role':'SECRETARY','from':'2024-01-01'}")));
		ok(this.api.post("/api/bodies/" + group + "/members/" + appointed.text("ids/membershipId") + "/end",
				json("{'to':'2025-12-31'}")));
		ok(this.api.post("/api/bodies/" + group + "/officers",
				json("{'personId':'ingmar','name':'Ingmar Ångman','role':'CHAIR','from':'2024-01-01'}")));
		ok(this.api.post("/api/bodies", json("{'bodyId':'" + old + "','name':'Arbetsgrupp','kind':'WORKING_GROUP'}")));
		ok(this.api.post("/api/bodies/" + old + "/dissolve",
				json("{'dissolvedOn':'2021-06-30','reason':'uppdraget slutfört'}")));

		ok(this.api.post("/api/matters",
				json("{'matterId':'" + matter + "','bodyId':'" + group + "','title':'Föräldraskapsstödsstrategin'}")));
		ok(this.api.post("/api/matters/" + matter + "/backlog", json("{'bodyId':'" + group + "','priority':1}")));
		ok(this.api.post("/api/matters/" + matter + "/backlog/remove",
				json("{'bodyId':'" + group + "','reason':'tas upp i annan grupp'}")));
		ok(this.api.post("/api/matters/" + matter + "/rename",
				json("{'title':'Strategi för föräldraskapsstöd','reason':'namnet i beslutet'}")));
		ok(this.api.post("/api/matters/" + matter + "/registration", json("{'reference':'RÖ 2025/00412'}")));
		ok(this.api.post("/api/matters/" + matter + "/description",
				json("{'description':'Stöd till föräldrar i hela länet'}")));

		ok(this.api.post("/api/meetings", json("{'meetingId':'" + january + "','bodyId':'" + group
				+ "','date':'2025-01-22','start':'13:00','end':'16:30','location':'Länsstyrelsen'}")));
		ok(this.api.post("/api/meetings",
				json("{'meetingId':'" + may + "','bodyId':'" + group + "','date':'2025-05-20','tentative':true}")));
		ok(this.api.post("/api/meetings/" + may + "/reschedule",
				json("{'date':'2025-05-22','start':'09:00','end':'12:00'}")));
		ok(this.api.post("/api/meetings",
				json("{'meetingId':'" + april + "','bodyId':'" + group + "','date':'2025-04-24'}")));
		ok(this.api.post("/api/meetings/" + april + "/cancel", json("{'reason':'inställt'}")));

		String meeting = "/api/meetings/" + january;
		ok(this.api.post(meeting + "/agenda-items",
				json("{'itemId':'4','title':'Föräldraskapsstödsstrategin','kind':'DISCUSSION','matterId':'" + matter
						+ "','presenters':['Deepa Singhru'],'documents':[{'title':'Presentation','uri':'https://documents.example/4.pptx'}]}")));
		ok(this.api.post(meeting + "/agenda-items/4/rename",
				json("{'title':'Strategi för föräldraskapsstöd','reason':'namnet i beslutet'}")));
		ok(this.api.post(meeting + "/agenda-items",
				json("{'itemId':'99','title':'Felaktig punkt','kind':'INFORMATION'}")));
		ok(this.api.post(meeting + "/agenda-items/99/withdraw", json("{'reason':'dubblett'}")));
		ok(this.api.post(meeting + "/agenda-items",
				json("{'itemId':'2','title':'Dagordning','kind':'DECISION','position':1}")));
		ok(this.api.post(meeting + "/agenda/order", json("{'order':['2','4']}")));
		ok(this.api.post(meeting + "/agenda/adopt", null));
		ok(this.api.post(meeting + "/open", null));
		ok(this.api.post(meeting + "/attendance",
				json("{'personId':'deepa','name':'Deepa Singhru','status':'GUEST','items':['4']}")));
		ok(this.api.post(meeting + "/minutes-adjuster", json("{'personId':'anna','name':'Anna Andersson'}")));
		ok(this.api.post(meeting + "/agenda-items/4/discussion",
				json("{'summary':'Söder: har koll via processledare.'}")));
		ok(this.api.post(meeting + "/agenda-items/4/discussion/revise",
				json("{'summary':'Söder: har koll via processledaren.','reason':'stavfel'}")));
		ok(this.api.post(meeting + "/agenda-items/4/documents",
				json("{'title':'Strategin','uri':'https://documents.example/strategi.pdf'}")));
		ok(this.api.post(meeting + "/agenda-items/4/documents/remove",
				json("{'uri':'https://documents.example/4.pptx','reason':'fel version'}")));
		refusedWithNothingAppended(() -> this.api.post(meeting + "/agenda-items/4/documents/remove",
				json("{'uri':'https://documents.example/5.pptx'}")), 422, "UNKNOWN_ID");
		ok(this.api.post(meeting + "/decisions", json(
				"{'decisionId':'d-4','itemId':'4','kind':'HAND_OUT_ASSIGNMENT','text':'Deepa får fortsatt uppdrag'}")));
		ok(this.api.post(meeting + "/decisions",
				json("{'decisionId':'d-2','itemId':'2','kind':'ADOPT_AGENDA','text':'Dagordningen fastställdes'}")));
		ok(this.api.post(meeting + "/decisions",
				json("{'decisionId':'d-2b','itemId':'2','kind':'ADOPT_AGENDA','text':'Dagordningen fastställdes'}")));
		ok(this.api.post(meeting + "/decisions/d-2b/withdraw", json("{'reason':'registrerat två gånger'}")));
		ok(this.api.post(meeting + "/agenda-items/2/defer", json("{'toBacklogOf':'" + group + "'}")));
		ok(this.api.post(meeting + "/agenda-items/2/deferral/withdraw", json("{'reason':'fel möte'}")));
		ok(this.api.post(meeting + "/agenda-items/2/defer",
				json("{'toMeeting':'" + may + "','reason':'tas upp igen'}")));
		ok(this.api.post("/api/matters/" + matter + "/referrals", json("{'fromBody':'" + group + "','toBody':'" + south
				+ "','purpose':'FOR_ANCHORING','atMeeting':'" + january + "'}")));
		ok(this.api.post("/api/matters/" + matter + "/referrals/withdraw",
				json("{'toBody':'" + south + "','atMeeting':'" + january + "','reason':'fel länsdel'}")));

		String assignment = id("a-deepa");
		String withdrawn = id("a-old");
		String handOut = "{'assignmentId':'%s','meetingId':'" + january
				+ "','itemId':'4','assignees':[{'kind':'PERSON','id':'deepa','name':'Deepa Singhru'}],'description':'återkomma med förslag','due':{'date':'2099-05-21'}}";
		ok(this.api.post("/api/assignments", json(handOut.formatted(assignment))));
		ok(this.api.post("/api/assignments", json(handOut.formatted(withdrawn))));
		ok(this.api.post("/api/assignments/" + assignment + "/due-date",
				json("{'due':{'atMeeting':'" + may + "','date':'2099-05-22'}}")));
		ok(this.api.post("/api/assignments/" + assignment + "/revise",
				json("{'description':'återkomma med förslag och budget','reason':'budget saknades'}")));
		ok(this.api.post("/api/assignments/" + assignment + "/reassign",
				json("{'assignees':[{'kind':'PERSON','id':'deepa','name':'Deepa Singhru'},{'kind':'BODY','id':'" + south
						+ "'}]}")));
		ok(this.api.post("/api/assignments/" + assignment + "/report-back",
				json("{'meetingId':'" + january + "','summary':'förslag klart'}")));
		ok(this.api.post("/api/assignments/" + assignment + "/complete", json("{'note':'arbetsgruppen tillsatt'}")));
		ok(this.api.post("/api/assignments/" + withdrawn + "/withdraw", json("{'reason':'ersatt'}")));

		ok(this.api.post(meeting + "/close", null));
		ok(this.api.post(meeting + "/minutes/adjust",
				json("{'adjustedOn':'2025-01-30','adjustedBy':['Anna Andersson']}")));
		ok(this.api.post(meeting + "/minutes/corrections",
				json("{'what':'beslut d-4','correction':'Deepa och Linn får uppdraget','reason':'namn saknades'}")));
		ok(this.api.post("/api/matters/" + matter + "/close", json("{'outcome':'arbetsgrupp tillsatt'}")));
		ok(this.api.post("/api/matters/" + matter + "/reopen", json("{'reason':'ny remiss'}")));

		assertThat(this.events.typesOf("body:" + group)).containsExactly("BodyEstablished", "MemberAppointed",
				"MembershipEnded", "OfficerElected");
		assertThat(this.events.typesOf("body:" + south)).containsExactly("BodyEstablished", "BodyRenamed");
		assertThat(this.events.typesOf("body:" + old)).containsExactly("BodyEstablished", "BodyDissolved");
		assertThat(this.events.typesOf("matter:" + matter)).containsExactly("MatterRaised", "MatterQueued",
				"MatterRemovedFromBacklog", "MatterRenamed", "MatterRegistered", "MatterDescribed", "MatterReferred",
				"ReferralWithdrawn", "MatterClosed", "MatterReopened");
		assertThat(this.events.typesOf("meeting:" + may)).containsExactly("MeetingScheduled", "MeetingRescheduled");
		assertThat(this.events.typesOf("meeting:" + april)).containsExactly("MeetingScheduled", "MeetingCancelled");
		assertThat(this.events.typesOf("meeting:" + january)).containsExactly("MeetingScheduled", "AgendaItemAdded",
				"AgendaItemRenamed", "AgendaItemAdded", "AgendaItemWithdrawn", "AgendaItemAdded", "AgendaReordered",
				"AgendaAdopted", "MeetingOpened", "AttendanceRecorded", "MinutesAdjusterAppointed", "ItemDiscussed",
				"DiscussionRevised", "DocumentAttached", "DocumentRemoved", "DecisionTaken", "DecisionTaken",
				"DecisionTaken", "DecisionWithdrawn", "ItemDeferred", "DeferralWithdrawn", "ItemDeferred",
				"MeetingClosed", "MinutesAdjusted", "MinutesCorrected");
		assertThat(this.events.typesOf("assignment:" + assignment)).containsExactly("AssignmentHandedOut",
				"AssignmentDueDateChanged", "AssignmentRevised", "AssignmentReassigned", "AssignmentReportedBack",
				"AssignmentCompleted");
		assertThat(this.events.typesOf("assignment:" + withdrawn)).containsExactly("AssignmentHandedOut",
				"AssignmentWithdrawn");
	}

	@Test
	void events_are_stored_as_readable_json_with_who_when_why_and_the_business_date() {
		String group = establishedGroup();
		String meeting = id("m");
		String correlation = "import-" + this.run;
		ok(this.api.header("X-Correlation-Id", correlation)
			.header("Business-Date", "2024-12-12")
			.post("/api/meetings",
					json("{'meetingId':'" + meeting + "','bodyId':'" + group + "','date':'2025-01-22'}")));
		ok(this.api.post("/api/meetings/" + meeting + "/open", null));

		List<EventStoreRows.Row> rows = this.events.of("meeting:" + meeting);
		EventStoreRows.Row scheduled = rows.get(0);
		assertThat(scheduled.payload().get("bodyId").asText()).isEqualTo(group);
		assertThat(scheduled.payload().at("/time/date").asText()).isEqualTo("2025-01-22");
		assertThat(scheduled.metaData().get("recordedBy").asText()).isEqualTo("secretary");
		assertThat(scheduled.metaData().get("recordedAt").asText()).isNotBlank();
		assertThat(scheduled.metaData().get("correlationId").asText()).isEqualTo(correlation);
		assertThat(scheduled.metaData().get("causationId").asText()).isNotBlank().isNotEqualTo(correlation);
		assertThat(scheduled.metaData().get("businessDate").asText()).isEqualTo("2024-12-12");
		assertThat(rows.get(1).metaData().get("businessDate").asText())
			.as("what happens at a meeting takes effect on the meeting day, whenever it is recorded")
			.isEqualTo("2025-01-22");
		assertThat(rows).as("a business date known to the day carries no precision")
			.noneMatch((row) -> row.metaData().has("businessDatePrecision"));
	}

	@Test
	void a_command_answers_with_its_ids_version_and_the_position_of_its_last_event() {
		String group = establishedGroup();
		Response response = this.api.post("/api/meetings", json("{'bodyId':'" + group + "','date':'2025-05-22'}"));
		assertThat(response.status()).isEqualTo(201);
		String meeting = response.text("ids/meetingId");
		assertThat(meeting).isNotBlank();
		assertThat(response.number("version")).isZero();
		assertThat(response.number("position")).isEqualTo(this.events.of("meeting:" + meeting).get(0).position());
	}

	@Test
	void sending_the_same_creation_twice_creates_it_once() {
		String group = establishedGroup();
		String body = json("{'meetingId':'" + id("m") + "','bodyId':'" + group + "','date':'2025-05-22'}");
		Response first = this.api.post("/api/meetings", body);
		Response retry = this.api.post("/api/meetings", body);
		assertThat(retry.status()).isEqualTo(first.status()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(this.events.typesOf("meeting:" + first.text("ids/meetingId"))).containsExactly("MeetingScheduled");
	}

	@Test
	void malformed_json_is_refused_and_nothing_is_appended() {
		refusedWithNothingAppended(() -> this.api.post("/api/meetings", "{\"bodyId\": \"x\", "), 400,
				"INVALID_REQUEST");
	}

	@Test
	void a_body_under_a_parent_never_established_or_under_itself_is_refused_and_nothing_is_appended() {
		String group = id("arbetsgrupp");
		Response unknown = refusedWithNothingAppended(
				() -> this.api.post("/api/bodies", json("{'bodyId':'" + group
						+ "','name':'Arbetsgrupp','kind':'WORKING_GROUP','parentBody':'" + id("saknas") + "'}")),
				422, "UNKNOWN_ID");
		assertThat(unknown.text("detail")).startsWith("there is no body with id 'saknas-");
		Response itself = refusedWithNothingAppended(
				() -> this.api.post("/api/bodies", json("{'bodyId':'" + group
						+ "','name':'Arbetsgrupp','kind':'WORKING_GROUP','parentBody':'" + group + "'}")),
				400, "INVALID_REQUEST");
		assertThat(itself.text("detail")).isEqualTo("a body cannot be its own parent");
		ok(this.api.post("/api/bodies", json("{'bodyId':'" + group
				+ "','name':'Arbetsgrupp','kind':'WORKING_GROUP','parentBody':'" + establishedGroup() + "'}")));
	}

	@Test
	void an_empty_body_is_refused_as_empty_whatever_the_request_takes() {
		for (String[] request : new String[][] { { "/api/meetings", "application/json" },
				{ "/api/imports", "application/yaml" } }) {
			Response refused = refusedWithNothingAppended(() -> this.api.post(request[0], request[1], ""), 400,
					"INVALID_REQUEST");
			assertThat(refused.text("detail")).as(request[0]).isEqualTo("the request body is empty");
		}
	}

	@Test
	void an_expected_version_that_is_no_version_is_refused_as_malformed_not_as_stale() {
		String group = establishedGroup();
		for (String version : new String[] { "-1", "senaste" }) {
			Response refused = refusedWithNothingAppended(
					() -> this.api.header("Expected-Version", version)
						.post("/api/bodies/" + group + "/rename", json("{'name':'Nytt namn'}")),
					400, "INVALID_REQUEST");
			assertThat(refused.text("detail"))
				.isEqualTo("the Expected-Version header must be the version number you last saw, 0 or more, but was '"
						+ version + "'");
		}
	}

	@Test
	void a_missing_field_is_named_in_the_refusal() {
		Response response = refusedWithNothingAppended(
				() -> this.api.post("/api/meetings", json("{'date':'2025-01-22'}")), 400, "INVALID_REQUEST");
		assertThat(response.text("detail")).isEqualTo("bodyId must not be blank");
		assertThat(response.text("errors/0/field")).isEqualTo("bodyId");
	}

	@Test
	void an_unreadable_value_is_named_in_the_refusal() {
		Response response = refusedWithNothingAppended(
				() -> this.api.post("/api/meetings", json("{'bodyId':'x','date':'2025-13-22'}")), 400,
				"INVALID_REQUEST");
		assertThat(response.text("detail")).isEqualTo(
				"the field 'date' has a value that cannot be read: it must be a date as YYYY-MM-DD, such as 2025-05-22");
		assertThat(response.text("errors/0/field")).isEqualTo("date");
	}

	@Test
	void a_referral_made_under_an_item_records_it_and_one_under_an_item_not_on_the_agenda_is_refused() {
		String group = establishedGroup();
		String south = id("soder");
		ok(this.api.post("/api/bodies",
				json("{'bodyId':'" + south + "','name':'Länsdelsgrupp söder','kind':'COUNTY_PART_GROUP'}")));
		String matter = id("f-stod");
		ok(this.api.post("/api/matters",
				json("{'matterId':'" + matter + "','bodyId':'" + group + "','title':'Föräldraskapsstödsstrategin'}")));
		String meeting = id("m-referral");
		ok(this.api.post("/api/meetings",
				json("{'meetingId':'" + meeting + "','bodyId':'" + group + "','date':'2025-05-22'}")));
		ok(this.api.post("/api/meetings/" + meeting + "/agenda-items",
				json("{'itemId':'12','title':'Punkter till länsdelsgrupperna','kind':'DECISION'}")));
		ok(this.api.post("/api/meetings/" + meeting + "/open", null));
		String referral = "{'fromBody':'" + group + "','toBody':'" + south + "','purpose':'FOR_ANCHORING','atMeeting':'"
				+ meeting + "','itemId':'%s'}";

		Response refused = refusedWithNothingAppended(
				() -> this.api.post("/api/matters/" + matter + "/referrals", json(referral.formatted("13"))), 422,
				"ITEM_NOT_ON_AGENDA");
		assertThat(refused.text("detail")).contains("'13'");
		ok(this.api.post("/api/matters/" + matter + "/referrals", json(referral.formatted("12"))));

		List<EventStoreRows.Row> events = this.events.of("matter:" + matter);
		assertThat(events.get(events.size() - 1).payload().get("itemId").asText()).isEqualTo("12");
	}

	@Test
	void a_referral_under_an_item_without_its_meeting_is_refused() {
		Response response = refusedWithNothingAppended(
				() -> this.api.post("/api/matters/" + id("f-stod") + "/referrals",
						json("{'fromBody':'a','toBody':'b','purpose':'FOR_ANCHORING','itemId':'12'}")),
				400, "INVALID_REQUEST");
		assertThat(response.text("errors/0/field")).isEqualTo("itemId");
	}

	@Test
	void what_the_minutes_say_is_revised_until_they_are_adjusted_and_corrected_after() {
		String group = establishedGroup();
		String meeting = id("m-revise");
		ok(this.api.post("/api/meetings",
				json("{'meetingId':'" + meeting + "','bodyId':'" + group + "','date':'2025-05-22'}")));
		ok(this.api.post("/api/meetings/" + meeting + "/agenda-items",
				json("{'itemId':'4','title':'Föräldraskapsstödsstrategin','kind':'DECISION'}")));
		ok(this.api.post("/api/meetings/" + meeting + "/open", null));
		ok(this.api.post("/api/meetings/" + meeting + "/decisions",
				json("{'decisionId':'d-4','itemId':'4','kind':'ADOPT_PROPOSAL','text':'Strategin antogs'}")));
		String revise = "/api/meetings/" + meeting + "/decisions/d-4/revise";

		Response revised = ok(
				this.api.post(revise, json("{'text':'Strategin antogs med ändringar','reason':'ofullständig'}")));
		assertThat(revised.number("version")).isEqualTo(4);
		String discussion = "/api/meetings/" + meeting + "/agenda-items/4/discussion";
		refusedWithNothingAppended(() -> this.api.post(discussion + "/revise", json("{'summary':'Antogs'}")), 409,
				"RULE_BROKEN");
		ok(this.api.post(discussion, json("{'summary':'Diskuterades'}")));
		ok(this.api.post(discussion + "/revise", json("{'summary':'Diskuterades per länsdel'}")));
		String assignment = id("a-revise");
		ok(this.api.post("/api/assignments", json("{'assignmentId':'" + assignment + "','meetingId':'" + meeting
				+ "','itemId':'4','assignees':[{'kind':'PERSON','id':'bo','name':'Bo Berg'}],'description':'ta fram budget','due':{'date':'2099-01-31'}}")));
		ok(this.api.post("/api/assignments/" + assignment + "/revise", json("{'description':'ta fram en budget'}")));
		String rename = "/api/meetings/" + meeting + "/agenda-items/4/rename";
		ok(this.api.post(rename, json("{'title':'Strategi för föräldraskapsstöd'}")));
		refusedWithNothingAppended(() -> this.api.post(rename, json("{'title':''}")), 400, "INVALID_REQUEST");
		refusedWithNothingAppended(
				() -> this.api.post("/api/meetings/" + meeting + "/agenda-items/9/rename", json("{'title':'Övrigt'}")),
				422, "ITEM_NOT_ON_AGENDA");
		ok(this.api.post("/api/meetings/" + meeting + "/close", null));
		ok(this.api.post("/api/meetings/" + meeting + "/minutes/adjust", json("{'adjustedOn':'2025-05-30'}")));
		Response refused = refusedWithNothingAppended(
				() -> this.api.post(revise, json("{'text':'Strategin antogs inte'}")), 409, "MINUTES_ADJUSTED");
		assertThat(refused.text("detail")).contains("only a correction with a reason");
		refusedWithNothingAppended(() -> this.api.post(revise, json("{'reason':'ingen text'}")), 400,
				"INVALID_REQUEST");
		refusedWithNothingAppended(() -> this.api.post(rename, json("{'title':'Föräldraskapsstödsstrategin'}")), 409,
				"MINUTES_ADJUSTED");
		refusedWithNothingAppended(() -> this.api.post(discussion + "/revise", json("{'summary':'Diskuterades'}")), 409,
				"MINUTES_ADJUSTED");
		refusedWithNothingAppended(() -> this.api.post("/api/assignments/" + assignment + "/revise",
				json("{'description':'ta fram budget'}")), 409, "MINUTES_ADJUSTED");
		assertThat(this.events.typesOf("assignment:" + assignment)).containsExactly("AssignmentHandedOut",
				"AssignmentRevised");
		refusedWithNothingAppended(
				() -> this.api.post("/api/meetings/" + meeting + "/decisions/d-9/revise", json("{'text':'x'}")), 422,
				"UNKNOWN_ID");
		assertThat(this.events.typesOf("meeting:" + meeting)).contains("DecisionRevised", "AgendaItemRenamed",
				"DiscussionRevised");
	}

	@Test
	void a_matter_is_renamed_and_registered_once_and_an_unknown_one_or_a_blank_number_is_refused() {
		String matter = id("f-stod");
		ok(this.api.post("/api/matters", json(
				"{'matterId':'" + matter + "','bodyId':'" + establishedGroup() + "','title':'F-stödsstrategin'}")));
		String registration = "/api/matters/" + matter + "/registration";

		Response registered = ok(this.api.post(registration, json("{'reference':'RÖ 2025/00412'}")));
		assertThat(registered.number("version")).isEqualTo(1);
		assertThat(ok(this.api.post(registration, json("{'reference':'RÖ 2025/00412'}"))).number("version"))
			.as("the same number again changes nothing")
			.isEqualTo(1);
		ok(this.api.post("/api/matters/" + matter + "/rename", json("{'title':'Föräldraskapsstödsstrategin'}")));
		refusedWithNothingAppended(() -> this.api.post(registration, json("{'reference':'  '}")), 400,
				"INVALID_REQUEST");
		refusedWithNothingAppended(() -> this.api.post("/api/matters/" + matter + "/rename", json("{}")), 400,
				"INVALID_REQUEST");
		refusedWithNothingAppended(() -> this.api.post("/api/matters/" + id("nope") + "/rename",
				json("{'title':'Föräldraskapsstödsstrategin'}")), 404, "UNKNOWN_ID");
		assertThat(this.events.typesOf("matter:" + matter)).containsExactly("MatterRaised", "MatterRegistered",
				"MatterRenamed");
	}

	@Test
	void a_referral_or_a_backlog_entry_that_was_never_recorded_is_not_taken_back() {
		String group = establishedGroup();
		String matter = id("f-stod");
		ok(this.api.post("/api/matters",
				json("{'matterId':'" + matter + "','bodyId':'" + group + "','title':'F-stödsstrategin'}")));
		refusedWithNothingAppended(() -> this.api.post("/api/matters/" + matter + "/referrals/withdraw",
				json("{'toBody':'" + group + "'}")), 422, "UNKNOWN_ID");
		refusedWithNothingAppended(
				() -> this.api.post("/api/matters/" + matter + "/referrals/withdraw", json("{'reason':'fel'}")), 400,
				"INVALID_REQUEST");
		refusedWithNothingAppended(
				() -> this.api.post("/api/matters/" + matter + "/backlog/remove", json("{'bodyId':'" + group + "'}")),
				422, "UNKNOWN_ID");
		assertThat(this.events.typesOf("matter:" + matter)).containsExactly("MatterRaised");
	}

	@Test
	void a_person_recorded_by_mistake_is_taken_out_of_the_attendance_and_an_unknown_one_is_refused() {
		String meeting = id("m-attendance");
		ok(this.api.post("/api/meetings",
				json("{'meetingId':'" + meeting + "','bodyId':'" + establishedGroup() + "','date':'2025-05-22'}")));
		ok(this.api.post("/api/meetings/" + meeting + "/open", null));
		ok(this.api.post("/api/meetings/" + meeting + "/attendance",
				json("{'personId':'bo','name':'Bo Berg','status':'PRESENT'}")));

		ok(this.api.post("/api/meetings/" + meeting + "/attendance/bo/remove", null));
		refusedWithNothingAppended(() -> this.api.post("/api/meetings/" + meeting + "/attendance/bo-berg/remove",
				json("{'reason':'fel person'}")), 422, "UNKNOWN_ID");
		assertThat(this.events.typesOf("meeting:" + meeting)).containsExactly("MeetingScheduled", "MeetingOpened",
				"AttendanceRecorded", "AttendanceRemoved");
	}

	@Test
	void a_choice_that_is_not_one_of_its_values_is_refused_with_the_values_it_takes() {
		String meeting = scheduledMeeting();
		Response response = refusedWithNothingAppended(() -> this.api.post("/api/meetings/" + meeting + "/agenda-items",
				json("{'title':'Mötets öppnande','kind':'PROCEDURAL'}")), 400, "INVALID_REQUEST");
		assertThat(response.text("detail")).isEqualTo(
				"the field 'kind' has a value that cannot be read: it must be one of INFORMATION, DISCUSSION, DECISION, REPORT");
		assertThat(response.text("errors/0/field")).isEqualTo("kind");
	}

	@Test
	void an_object_where_a_list_holds_names_is_refused_as_not_text() {
		String meeting = scheduledMeeting();
		Response response = refusedWithNothingAppended(
				() -> this.api.post("/api/meetings/" + meeting + "/agenda-items",
						json("{'title':'Punkt','kind':'DECISION','presenters':[{'name':'Camilla'}]}")),
				400, "INVALID_REQUEST");
		assertThat(response.text("detail"))
			.isEqualTo("the field 'presenters[0]' has a value that cannot be read: it must be text");
		assertThat(response.text("errors/0/field")).isEqualTo("presenters[0]");
	}

	@Test
	void an_empty_entry_in_a_list_is_named_in_the_refusal() {
		Response response = refusedWithNothingAppended(() -> this.api.post("/api/assignments", json(
				"{'assignmentId':'a-null','meetingId':'m','itemId':'1','assignees':[null],'description':'x','due':{'date':'2025-06-05'},'kind':'TASK'}")),
				400, "INVALID_REQUEST");
		assertThat(response.text("detail")).isEqualTo("assignees[0] must not be null");
		assertThat(response.text("errors/0/field")).isEqualTo("assignees[0]");
	}

	@Test
	void a_text_with_the_nul_character_is_refused_since_no_read_model_could_store_it() {
		Response response = refusedWithNothingAppended(() -> this.api.post("/api/assignments", json(
				"{'assignmentId':'a-nul','meetingId':'m','itemId':'1','assignees':[{'kind':'PERSON','id':'p-1','name':'Linnea\\u0000'}],"
						+ "'description':'x','due':{'date':'2025-06-05'},'kind':'TASK'}")),
				400, "INVALID_REQUEST");
		assertThat(response.text("detail")).isEqualTo("assignees[0].name must not hold the character U+0000");
		assertThat(response.text("errors/0/field")).isEqualTo("assignees[0].name");
	}

	@Test
	void a_correlation_id_longer_than_200_characters_is_refused() {
		Response response = refusedWithNothingAppended(() -> this.api.header("X-Correlation-Id", "x".repeat(201))
			.post("/api/meetings", json("{'bodyId':'x','date':'2025-01-22'}")), 400, "INVALID_REQUEST");
		assertThat(response.text("errors/0/field")).isEqualTo("X-Correlation-Id");
	}

	@Test
	void an_unknown_field_is_refused_rather_than_ignored() {
		Response response = refusedWithNothingAppended(
				() -> this.api.post("/api/meetings", json("{'bodyId':'x','date':'2025-01-22','titel':'typo'}")), 400,
				"INVALID_REQUEST");
		assertThat(response.text("detail")).startsWith("the field 'titel' is not part of this request; its fields are ")
			.contains("bodyId, date, end");
		assertThat(response.text("errors/0/field")).isEqualTo("titel");
	}

	@Test
	void a_field_given_twice_is_refused_rather_than_read_as_its_later_value() {
		Response response = refusedWithNothingAppended(
				() -> this.api.post("/api/bodies",
						json("{'bodyId':'twice','name':'Chefsgrupp','kind':'MANAGEMENT_GROUP','name':'Arbetsgrupp'}")),
				400, "INVALID_REQUEST");
		assertThat(response.text("detail"))
			.isEqualTo("the field 'name' is given twice; which value is meant cannot be told");
		assertThat(response.text("errors/0/field")).isEqualTo("name");
		String meeting = scheduledMeeting();
		Response nested = refusedWithNothingAppended(() -> this.api.post("/api/meetings/" + meeting + "/agenda-items",
				json("{'itemId':'1','title':'Uppföljning','kind':'INFORMATION','documents':[{'title':'Bilaga',"
						+ "'uri':'https://documents.example/1.pdf','uri':'https://documents.example/2.pdf'}]}")),
				400, "INVALID_REQUEST");
		assertThat(nested.text("errors/0/field")).isEqualTo("documents[0].uri");
	}

	@Test
	void an_invalid_value_is_refused_with_what_is_wrong() {
		Response response = refusedWithNothingAppended(
				() -> this.api.post("/api/meetings", json("{'bodyId':'chefsgrupp folkhälsa','date':'2025-01-22'}")),
				400, "INVALID_REQUEST");
		assertThat(response.text("detail")).startsWith("bodyId must be 1 to 80 letters");
	}

	@Test
	void an_id_sent_empty_is_refused_rather_than_replaced_by_a_new_one_at_every_retry() {
		for (String empty : new String[] { "''", "'  '" }) {
			Response response = refusedWithNothingAppended(
					() -> this.api.post("/api/bodies",
							json("{'bodyId':" + empty + ",'name':'Chefsgrupp folkhälsa','kind':'MANAGEMENT_GROUP'}")),
					400, "INVALID_REQUEST");
			assertThat(response.text("detail")).isEqualTo(
					"bodyId must be 1 to 80 letters, digits, '.', '_', '~' or '-', starting with a letter or digit, but was ''");
			assertThat(response.text("errors/0/field")).isEqualTo("bodyId");
		}
		String meeting = scheduledMeeting();
		refusedWithNothingAppended(() -> this.api.post("/api/meetings/" + meeting + "/agenda-items",
				json("{'itemId':'','title':'Uppföljning','kind':'INFORMATION'}")), 400, "INVALID_REQUEST");
	}

	@Test
	void a_method_the_path_does_not_take_is_refused_as_a_problem_and_logs_no_warning(CapturedOutput output)
			throws Exception {
		String meeting = scheduledMeeting();
		Response response = refusedWithNothingAppended(
				() -> this.api.get("/api/meetings/" + meeting + "/attendance/bo/remove"), 405, "INVALID_REQUEST");
		assertThat(response.text("detail"))
			.isEqualTo("this address takes POST, not GET; the record is read on the query side");
		assertThat(output).doesNotContain("Request method 'GET' is not supported");
		HttpResponse<String> deleted = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/bodies"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("secretary:secretary".getBytes(UTF_8)))
				.DELETE()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(deleted.statusCode()).isEqualTo(405);
		assertThat(deleted.headers().allValues("Allow")).containsExactly("POST");
		assertThat(deleted.body()).contains("\"detail\":\"this address takes POST, not DELETE\"");
	}

	@Test
	void a_field_sent_in_the_query_instead_of_the_body_is_refused_rather_than_dropped() {
		String meeting = scheduledMeeting();
		for (String query : new String[] { "?reason=flyttat", "?reason", "?%72eason=x&date=2025-01-23" }) {
			Response response = refusedWithNothingAppended(() -> this.api
				.post("/api/meetings/" + meeting + "/reschedule" + query, json("{'date':'2025-01-23'}")), 400,
					"INVALID_REQUEST");
			assertThat(response.text("detail")).as(query)
				.isEqualTo("the parameter 'reason' is not part of this command; a command's fields are sent in its "
						+ "JSON body");
			assertThat(response.text("errors/0/field")).isEqualTo("reason");
		}
	}

	@Test
	void a_command_sent_as_yaml_is_refused_since_a_misspelt_field_in_it_would_go_unnoticed() {
		Response response = refusedWithNothingAppended(
				() -> this.api.post("/api/bodies", "application/yaml",
						"bodyId: yaml-body\nname: Arbetsgrupp\nkind: WORKING_GROUP\ntitel: typo\n"),
				415, "INVALID_REQUEST");
		assertThat(response.text("detail"))
			.isEqualTo("this address reads application/json, not application/yaml;charset=UTF-8");
	}

	@Test
	void an_address_the_command_side_does_not_have_is_not_found_with_where_to_look() {
		Response response = refusedWithNothingAppended(() -> this.api.post("/api/meeting", "{}"), 404, "UNKNOWN_PATH");
		assertThat(response.text("detail")).isEqualTo("there is no address /api/meeting; the record is read on the "
				+ "query side, and this side's addresses are listed at /v3/api-docs");
		assertThat(response.text("type")).isEqualTo("https://matterflow.example/problems/unknown-path");
	}

	@Test
	void a_body_of_a_type_the_address_does_not_read_is_refused_with_the_type_it_reads() {
		Response json = refusedWithNothingAppended(() -> this.api.post("/api/bodies", "text/csv", "namn;typ"), 415,
				"INVALID_REQUEST");
		assertThat(json.text("detail")).isEqualTo("this address reads application/json, not text/csv;charset=UTF-8");
		Response yaml = refusedWithNothingAppended(() -> this.api.post("/api/imports", "application/json", "{}"), 415,
				"INVALID_REQUEST");
		assertThat(yaml.text("detail")).startsWith("this address reads application/yaml, application/x-yaml")
			.endsWith(", not application/json");
	}

	@Test
	void an_unknown_meeting_in_the_path_is_not_found_and_logs_no_warning(CapturedOutput output) {
		Response response = refusedWithNothingAppended(
				() -> this.api.post("/api/meetings/" + id("nope") + "/open", null), 404, "UNKNOWN_ID");
		assertThat(response.text("detail")).isEqualTo("there is no meeting with id '" + id("nope") + "'");
		// a client's unknown id is the client's to fix, not an operator's warning
		assertThat(output).doesNotContain(id("nope") + "]").doesNotContain("AggregateNotFoundException");
	}

	@Test
	void an_unknown_body_named_in_the_request_is_unprocessable() {
		Response response = refusedWithNothingAppended(
				() -> this.api.post("/api/meetings", json("{'bodyId':'" + id("nobody") + "','date':'2025-01-22'}")),
				422, "UNKNOWN_ID");
		assertThat(response.text("detail")).isEqualTo("there is no body with id '" + id("nobody") + "'");
	}

	@Test
	void a_decision_on_a_cancelled_meeting_is_refused_and_nothing_is_appended() {
		String meeting = scheduledMeeting();
		ok(this.api.post("/api/meetings/" + meeting + "/agenda-items",
				json("{'itemId':'1','title':'Punkt','kind':'DECISION'}")));
		ok(this.api.post("/api/meetings/" + meeting + "/cancel", json("{'reason':'inställt'}")));
		refusedWithNothingAppended(() -> this.api.post("/api/meetings/" + meeting + "/decisions",
				json("{'itemId':'1','kind':'OTHER','text':'beslut'}")), 409, "MEETING_CANCELLED");
	}

	@Test
	void a_meeting_whose_day_has_not_come_is_not_opened_and_nothing_is_appended() {
		String group = establishedGroup();
		String meeting = id("m");
		String tomorrow = tomorrow();
		ok(this.api.post("/api/meetings",
				json("{'meetingId':'" + meeting + "','bodyId':'" + group + "','date':'" + tomorrow + "'}")));
		Response refused = refusedWithNothingAppended(() -> this.api.post("/api/meetings/" + meeting + "/open", null),
				409, "BEFORE_MEETING_DAY");
		assertThat(refused.text("detail")).contains(tomorrow);
	}

	@Test
	void a_dissolution_dated_ahead_is_refused_and_nothing_is_appended() {
		String group = establishedGroup();
		String tomorrow = tomorrow();
		Response refused = refusedWithNothingAppended(
				() -> this.api.post("/api/bodies/" + group + "/dissolve",
						json("{'dissolvedOn':'" + tomorrow + "','reason':'beslut om avveckling'}")),
				409, "RULE_BROKEN");
		assertThat(refused.text("detail")).contains(tomorrow + ", a day that has not come");
	}

	@Test
	void a_meeting_before_its_body_was_established_is_refused_and_nothing_is_appended() {
		String group = id("ny-grupp");
		ok(this.api.post("/api/bodies", json("{'bodyId':'" + group
				+ "','name':'Arbetsgrupp','kind':'WORKING_GROUP','establishedOn':'2025-02-01'}")));
		Response refused = refusedWithNothingAppended(
				() -> this.api.post("/api/meetings",
						json("{'meetingId':'" + id("m") + "','bodyId':'" + group + "','date':'2025-01-22'}")),
				409, "RULE_BROKEN");
		assertThat(refused.text("detail")).contains("before it was established on 2025-02-01");
	}

	@Test
	void a_dissolved_body_meets_until_its_last_day_and_not_after() {
		String group = establishedGroup();
		ok(this.api.post("/api/bodies/" + group + "/dissolve", json("{'dissolvedOn':'2025-06-30'}")));
		String last = id("m-last");
		ok(this.api.post("/api/meetings",
				json("{'meetingId':'" + last + "','bodyId':'" + group + "','date':'2025-06-30'}")));

		Response after = refusedWithNothingAppended(
				() -> this.api.post("/api/meetings",
						json("{'meetingId':'" + id("m-after") + "','bodyId':'" + group + "','date':'2025-07-01'}")),
				409, "BODY_DISSOLVED");
		assertThat(after.text("detail")).contains("dissolved on 2025-06-30 and cannot meet on 2025-07-01");
		refusedWithNothingAppended(
				() -> this.api.post("/api/meetings/" + last + "/reschedule", json("{'date':'2025-07-02'}")), 409,
				"BODY_DISSOLVED");
		ok(this.api.post("/api/meetings/" + last + "/reschedule",
				json("{'date':'2025-06-27','reason':'hölls tidigare än planerat'}")));
	}

	@Test
	void a_business_date_known_only_to_its_year_or_month_is_kept_with_its_precision_but_not_for_a_meeting_day() {
		String group = establishedGroup();
		String meeting = id("m");
		ok(this.api.header("Business-Date", "2024")
			.post("/api/meetings",
					json("{'meetingId':'" + meeting + "','bodyId':'" + group + "','date':'2025-01-22'}")));
		ok(this.api.header("Business-Date", "2024-03").post("/api/meetings/" + meeting + "/open", null));

		List<EventStoreRows.Row> rows = this.events.of("meeting:" + meeting);
		assertThat(rows.get(0).metaData().get("businessDate").asText()).isEqualTo("2024-01-01");
		assertThat(rows.get(0).metaData().get("businessDatePrecision").asText()).isEqualTo("YEAR");
		assertThat(rows.get(1).metaData().get("businessDate").asText())
			.as("what happens at a meeting takes effect on the meeting day, known to the day")
			.isEqualTo("2025-01-22");
		assertThat(rows.get(1).metaData().get("businessDatePrecision").asText()).isEqualTo("DAY");

		Response malformed = refusedWithNothingAppended(
				() -> this.api.header("Business-Date", "2024-13")
					.post("/api/meetings",
							json("{'meetingId':'" + id("m") + "','bodyId':'" + group + "','date':'2025-01-22'}")),
				400, "INVALID_REQUEST");
		assertThat(malformed.text("detail")).contains("a month (2024-03) or a year (2024)");
		String nextYear = String
			.valueOf(java.time.LocalDate.now(org.matterflow.kernel.meeting.MeetingTime.ZONE).getYear() + 1);
		Response ahead = refusedWithNothingAppended(
				() -> this.api.header("Business-Date", nextYear)
					.post("/api/meetings",
							json("{'meetingId':'" + id("m") + "','bodyId':'" + group + "','date':'2025-01-22'}")),
				400, "INVALID_REQUEST");
		assertThat(ahead.text("detail")).contains(nextYear + " has not come yet");
	}

	@Test
	void a_business_date_on_the_first_of_a_month_is_written_as_known_to_the_day() {
		String group = establishedGroup();
		String meeting = id("m");
		ok(this.api.header("Business-Date", "2025-08-01")
			.post("/api/meetings",
					json("{'meetingId':'" + meeting + "','bodyId':'" + group + "','date':'2025-09-01'}")));
		ok(this.api.post("/api/meetings/" + meeting + "/open", null));

		List<EventStoreRows.Row> rows = this.events.of("meeting:" + meeting);
		assertThat(rows).as("a month or a year is dated on its first day too; these name the day")
			.extracting((row) -> row.metaData().get("businessDate").asText(),
					(row) -> row.metaData().path("businessDatePrecision").asText())
			.containsExactly(tuple("2025-08-01", "DAY"), tuple("2025-09-01", "DAY"));
	}

	@Test
	void a_business_date_still_to_come_is_refused_and_nothing_is_appended() {
		String group = establishedGroup();
		String tomorrow = tomorrow();
		Response refused = refusedWithNothingAppended(
				() -> this.api.header("Business-Date", tomorrow)
					.post("/api/meetings",
							json("{'meetingId':'" + id("m") + "','bodyId':'" + group + "','date':'2025-01-22'}")),
				400, "INVALID_REQUEST");
		assertThat(refused.text("detail")).contains(tomorrow + " has not come yet");
	}

	@Test
	void an_edit_after_the_minutes_are_adjusted_is_refused_and_nothing_is_appended() {
		String meeting = scheduledMeeting();
		ok(this.api.post("/api/meetings/" + meeting + "/agenda-items",
				json("{'itemId':'1','title':'Punkt','kind':'DECISION'}")));
		ok(this.api.post("/api/meetings/" + meeting + "/open", null));
		ok(this.api.post("/api/meetings/" + meeting + "/close", null));
		ok(this.api.post("/api/meetings/" + meeting + "/minutes/adjust", json("{'adjustedOn':'2025-01-30'}")));
		Response refused = refusedWithNothingAppended(() -> this.api.post("/api/meetings/" + meeting + "/decisions",
				json("{'itemId':'1','kind':'OTHER','text':'sent beslut'}")), 409, "MINUTES_ADJUSTED");
		assertThat(refused.text("detail")).contains("only a correction with a reason");
	}

	@Test
	void a_correction_without_a_reason_is_refused() {
		String meeting = scheduledMeeting();
		refusedWithNothingAppended(() -> this.api.post("/api/meetings/" + meeting + "/minutes/corrections",
				json("{'what':'beslut','correction':'ny text'}")), 400, "INVALID_REQUEST");
	}

	@Test
	void a_duplicate_id_with_other_content_is_refused() {
		String group = establishedGroup();
		refusedWithNothingAppended(
				() -> this.api.post("/api/bodies",
						json("{'bodyId':'" + group + "','name':'Ett annat namn','kind':'COUNCIL'}")),
				409, "DUPLICATE_ID");
	}

	@Test
	void a_write_based_on_a_stale_version_is_refused() {
		String meeting = scheduledMeeting();
		Response first = ok(this.api.header("Expected-Version", "0")
			.post("/api/meetings/" + meeting + "/agenda-items",
					json("{'itemId':'1','title':'Punkt 1','kind':'INFORMATION'}")));
		assertThat(first.number("version")).isEqualTo(1);
		Response stale = refusedWithNothingAppended(() -> this.api.header("Expected-Version", "0")
			.post("/api/meetings/" + meeting + "/agenda-items",
					json("{'itemId':'2','title':'Punkt 2','kind':'INFORMATION'}")),
				409, "STALE_VERSION");
		assertThat(stale.number("currentVersion")).isEqualTo(1);
	}

	@Test
	void of_two_concurrent_edits_from_the_same_version_one_wins_and_one_is_refused() {
		String meeting = scheduledMeeting();
		Api fromVersion0 = this.api.header("Expected-Version", "0");
		CompletableFuture<Response> first = CompletableFuture
			.supplyAsync(() -> fromVersion0.post("/api/meetings/" + meeting + "/agenda-items",
					json("{'itemId':'a','title':'A','kind':'INFORMATION'}")));
		CompletableFuture<Response> second = CompletableFuture
			.supplyAsync(() -> fromVersion0.post("/api/meetings/" + meeting + "/agenda-items",
					json("{'itemId':'b','title':'B','kind':'INFORMATION'}")));
		List<Integer> statuses = List.of(first.join().status(), second.join().status());
		assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		assertThat(this.events.typesOf("meeting:" + meeting)).containsExactly("MeetingScheduled", "AgendaItemAdded");
	}

	@Test
	void an_unauthenticated_request_is_refused_with_the_local_users_challenge() throws Exception {
		Response response = this.api.as(null).post("/api/bodies", json("{'name':'X','kind':'OTHER'}"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		HttpResponse<String> raw = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/bodies"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(raw.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"matterflow\"");
	}

	@Test
	void a_reader_may_not_record() {
		long before = this.events.count();
		Response response = this.api.as("auditor").post("/api/bodies", json("{'name':'X','kind':'OTHER'}"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(this.events.count()).isEqualTo(before);
	}

	private Response refusedWithNothingAppended(java.util.function.Supplier<Response> request, int status,
			String code) {
		long before = this.events.count();
		Response response = request.get();
		assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo(code);
		assertThat(response.text("detail")).isNotBlank();
		assertThat(this.events.count()).as("events appended by a refused command").isEqualTo(before);
		return response;
	}

	private String establishedGroup() {
		String group = id("grupp");
		ok(this.api.post("/api/bodies",
				json("{'bodyId':'" + group + "','name':'Chefsgrupp folkhälsa','kind':'MANAGEMENT_GROUP'}")));
		return group;
	}

	private String scheduledMeeting() {
		String meeting = id("m");
		ok(this.api.post("/api/meetings",
				json("{'meetingId':'" + meeting + "','bodyId':'" + establishedGroup() + "','date':'2025-01-22'}")));
		return meeting;
	}

	/** The first day that has not come, in the region's time zone. */
	private static String tomorrow() {
		return java.time.LocalDate.now(org.matterflow.kernel.meeting.MeetingTime.ZONE).plusDays(1).toString();
	}

	private String id(String name) {
		return name + "-" + this.run;
	}

	private static Response ok(Response response) {
		assertThat(response.status()).as(response.body().toString()).isIn(200, 201);
		return response;
	}

}
