package org.matterflow.deploy.benchmark;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.matterflow.kernel.meeting.MeetingTime;

/**
 * Secretaries recording meetings over the command API, each in a body of their own, in
 * the mix the minutes show: a matter raised, a meeting scheduled (every third one
 * rescheduled), three agenda items, the meeting opened, attendance, a discussion, a
 * decision, an assignment handed out, the previous meeting's assignment reported back and
 * completed, the matter referred to the county-part group, the meeting closed. Seventeen
 * or eighteen commands a meeting, every one a real HTTP request through the rules.
 */
final class Secretaries {

	private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");

	/** The last write a secretary saw acknowledged, for the lag probe. */
	record Write(long position, String meetingId, long acknowledgedAt) {
	}

	private final URI commandSide;

	private final String run;

	private final Http http;

	private final String authorization;

	private final AtomicReference<Write> lastWrite = new AtomicReference<>();

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private int clientsStarted;

	Secretaries(Http http, URI commandSide, String authorization, String run) {
		this.http = http;
		this.commandSide = commandSide;
		this.authorization = authorization;
		this.run = run;
	}

	/** The county-part group every secretary refers matters to. */
	String countyPartGroup() {
		return "bench-lansdel-" + this.run;
	}

	void establishCountyPartGroup() throws IOException {
		send("/api/bodies",
				"{'bodyId':'" + countyPartGroup() + "','name':'Länsdelsgrupp (benchmark)','kind':'COUNTY_PART_GROUP'}");
	}

	Write lastWrite() {
		return this.lastWrite.get();
	}

	List<String> bodies() {
		return this.bodies;
	}

	/**
	 * Runs {@code clients} secretaries until {@code stop}, each at most {@code perSecond}
	 * commands a second (0: as fast as answers come), recording every command's latency.
	 */
	List<Thread> start(int clients, double perSecond, AtomicBoolean stop, Latencies latencies, List<Exception> failures)
			throws IOException {
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Secretary secretary = new Secretary(this.clientsStarted++);
			secretary.setUp();
			Thread thread = new Thread(() -> {
				try {
					secretary.work(perSecond, stop, latencies);
				}
				catch (Exception ex) {
					failures.add(ex);
					stop.set(true);
				}
			}, "secretary-" + secretary.number);
			threads.add(thread);
		}
		threads.forEach(Thread::start);
		return threads;
	}

	private final class Secretary {

		final int number;

		final String body;

		final String person;

		int meeting;

		String previousAssignment;

		String previousMeetingItemMatter;

		long nextAt;

		Secretary(int number) {
			this.number = number;
			this.body = "bench-" + Secretaries.this.run + "-" + number;
			this.person = "p-" + Secretaries.this.run + "-" + number;
		}

		void setUp() throws IOException {
			send("/api/bodies",
					"{'bodyId':'" + this.body + "','name':'Arbetsgrupp " + this.number + "','kind':'WORKING_GROUP'}");
			send("/api/bodies/" + this.body + "/members", "{'personId':'" + this.person
					+ "','name':'Deepa Singhru','organisation':'Region Örebro län','role':'CHAIR','from':'2020-01-01'}");
			Secretaries.this.bodies.add(this.body);
		}

		void work(double perSecond, AtomicBoolean stop, Latencies latencies) throws Exception {
			long interval = (perSecond > 0) ? (long) (1e9 / perSecond) : 0;
			this.nextAt = System.nanoTime();
			while (!stop.get()) {
				String matter = this.body + "-m" + this.meeting;
				String meeting = this.body + "-" + this.meeting;
				String assignment = this.body + "-a" + this.meeting;
				// a meeting is opened on its day or later, so each is held today; its
				// assignment is due two months ahead, so none falls overdue while
				// measured
				LocalDate date = LocalDate.now(MeetingTime.ZONE);
				List<String[]> commands = new ArrayList<>();
				commands.add(c("/api/matters",
						"{'matterId':'" + matter + "','bodyId':'" + this.body + "','title':'Samverkansplan "
								+ this.meeting + "','reference':'RS 2030/" + this.meeting + "'}"));
				commands.add(c("/api/meetings", "{'meetingId':'" + meeting + "','bodyId':'" + this.body + "','date':'"
						+ date + "','start':'13:00','end':'16:30','location':'Länsstyrelsen'}"));
				if (this.meeting % 3 == 0) {
					commands.add(c("/api/meetings/" + meeting + "/reschedule", "{'date':'" + date
							+ "','start':'09:00','end':'12:00','reason':'krockar med länsdelsmöte'}"));
				}
				commands.add(c("/api/meetings/" + meeting + "/agenda-items", "{'itemId':'1','title':'Samverkansplan',"
						+ "'kind':'DECISION','matterId':'" + matter + "','presenters':['Deepa Singhru']}"));
				commands.add(c("/api/meetings/" + meeting + "/agenda-items",
						"{'itemId':'2','title':'Återrapport','kind':'REPORT'}"));
				commands.add(c("/api/meetings/" + meeting + "/agenda-items",
						"{'itemId':'3','title':'Aktuellt från länsdelarna','kind':'INFORMATION'}"));
				commands.add(c("/api/meetings/" + meeting + "/open", null));
				commands.add(c("/api/meetings/" + meeting + "/attendance", "{'personId':'" + this.person
						+ "','name':'Deepa Singhru','organisation':'Region Örebro län','status':'PRESENT'}"));
				commands.add(c("/api/meetings/" + meeting + "/attendance",
						"{'personId':'maria-" + this.number + "','name':'Maria Lindborg','status':'DIGITAL'}"));
				commands.add(c("/api/meetings/" + meeting + "/agenda-items/3/discussion",
						"{'summary':'Söder har koll via processledare; norr återkommer.'}"));
				commands.add(c("/api/meetings/" + meeting + "/decisions", "{'decisionId':'d-1','itemId':'1','kind':"
						+ "'HAND_OUT_ASSIGNMENT','text':'Deepa får i uppdrag att återkomma med ett förslag på arbetsgrupp'}"));
				commands.add(c("/api/assignments",
						"{'assignmentId':'" + assignment + "','meetingId':'" + meeting
								+ "','itemId':'1','assignees':[{'kind':'PERSON','id':'" + this.person
								+ "','name':'Deepa Singhru'}],'description':'återkomma med förslag','due':{'date':'"
								+ date.plusDays(60) + "'}}"));
				if (this.previousAssignment != null) {
					commands.add(c("/api/assignments/" + this.previousAssignment + "/report-back", "{'meetingId':'"
							+ meeting + "','itemId':'2','summary':'förslag på arbetsgrupp presenterades'}"));
					commands.add(c("/api/assignments/" + this.previousAssignment + "/complete", "{}"));
				}
				commands.add(c("/api/matters/" + matter + "/referrals",
						"{'fromBody':'" + this.body + "','toBody':'" + countyPartGroup()
								+ "','purpose':'FOR_INFORMATION','atMeeting':'" + meeting + "','itemId':'1'}"));
				commands.add(c("/api/meetings/" + meeting + "/close", null));
				boolean scheduled = false;
				for (String[] command : commands) {
					if (stop.get()) {
						return;
					}
					pace(interval);
					long start = System.nanoTime();
					long position = send(command[0], command[1]);
					long end = System.nanoTime();
					latencies.record(end - start);
					scheduled |= command[0].equals("/api/meetings");
					if (scheduled) {
						// the lag probe reads this meeting, so only once it exists
						Secretaries.this.lastWrite.set(new Write(position, meeting, end));
					}
				}
				this.previousAssignment = assignment;
				this.meeting++;
			}
		}

		private void pace(long interval) throws InterruptedException {
			if (interval == 0) {
				return;
			}
			this.nextAt += interval;
			long wait = this.nextAt - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
		}

	}

	private static String[] c(String path, String json) {
		return new String[] { path, json };
	}

	/** Sends a command; answers the position of its last event. */
	long send(String path, String json) throws IOException {
		Http.Answer answer = this.http.post(this.commandSide.resolve(path), this.authorization,
				(json != null) ? json.replace('\'', '"') : null);
		if (answer.status() >= 300) {
			throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": " + answer.body());
		}
		Matcher position = POSITION.matcher(answer.body());
		return position.find() ? Long.parseLong(position.group(1)) : -1;
	}

}
