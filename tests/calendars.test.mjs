// Every calendar as calendar programs read it: for each calendar of the corpus
// (tests/fixtures/calendars/ and tests/fixtures/import/), the start of every meeting that
// `upcoming-meetings import ics` writes for a year is compared with the starts ical.js's own
// expansion gives (`ICAL.Event`: `iterator()`, `relateException()`, `getOccurrenceDetails()`,
// each file's VTIMEZONEs registered). Every difference fails, unless it is listed in EXCEPTIONS
// below with its reason. This process reads in Tokyo: no one's own zone may matter.
process.env.TZ = "Asia/Tokyo";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync, execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ICAL from "ical.js";

const ROOT = new URL("..", import.meta.url).pathname;
execFileSync("cargo", ["build", "--offline", "--locked", "--quiet", "--bin", "upcoming-meetings"], {
  cwd: ROOT,
  stdio: "inherit",
});
const CLI = `${ROOT}target/debug/upcoming-meetings`;

/** The zone given to both for a floating time in a calendar that names none. */
const ZONE = "Europe/Berlin";
/** A year of dates, as the issue compared them. */
const DAY = 86_400_000;
const WINDOW = 366 * DAY;
/** At most this many dates of one series (import ics's MAX_OCCURRENCES). */
const MAX = 500;

/**
 * The differences that are the reference's, not the importer's, each with its reason: a file,
 * and the starts only one side has (`missing`: ical.js has them, `extra`: import ics has them).
 */
const EXCEPTIONS = {
  // ical.js's own limits, where import ics reads the file as RFC 5545 and calendar programs do.
  "calendars/recurring-ical-events/duplicated_rrule.ics": {
    why: "the same RRULE twice: a date the rules give twice is one date (RFC 5545 3.8.5.3); " +
      "ical.js 2.2 gives each date twice",
    missing: [
    "2023-01-12T10:00:00.000Z", "2023-01-19T10:00:00.000Z", "2023-01-26T10:00:00.000Z",
    "2023-02-02T10:00:00.000Z", "2023-02-09T10:00:00.000Z", "2023-02-16T10:00:00.000Z",
    "2023-02-23T10:00:00.000Z", "2023-03-02T10:00:00.000Z", "2023-03-09T10:00:00.000Z",
    "2023-03-16T10:00:00.000Z", "2023-03-23T10:00:00.000Z", "2023-03-30T09:00:00.000Z",
    "2023-04-06T09:00:00.000Z", "2023-04-13T09:00:00.000Z", "2023-04-20T09:00:00.000Z",
    "2023-04-27T09:00:00.000Z", "2023-05-04T09:00:00.000Z", "2023-05-11T09:00:00.000Z",
    "2023-05-18T09:00:00.000Z",
  ],
  },
  "calendars/recurring-ical-events/multiple_rrule.ics": {
    why: "two RRULEs, whose dates together are the set (RFC 5545 3.8.5.3); ical.js 2.2 stops the " +
      "weekly rule's dates where the monthly rule's end",
    extra: [
    "2023-03-23T10:00:00.000Z", "2023-03-30T09:00:00.000Z", "2023-04-06T09:00:00.000Z",
    "2023-04-13T09:00:00.000Z", "2023-04-20T09:00:00.000Z", "2023-04-27T09:00:00.000Z",
    "2023-05-04T09:00:00.000Z", "2023-05-11T09:00:00.000Z", "2023-05-18T09:00:00.000Z",
    "2023-05-25T09:00:00.000Z",
  ],
  },
  "calendars/recurring-ical-events/rdate.ics": {
    why: "a date that an RDATE and the RRULE give and an EXDATE excludes: EXDATE wins (RFC 5545 " +
      "3.8.5.3); ical.js 2.2 keeps the RDATE's",
    missing: ["2014-07-05T19:00:00.000Z"],
  },
  "calendars/recurring-ical-events/rdate2.ics": {
    why: "as rdate.ics: EXDATE wins over an RDATE of the same date; ical.js 2.2 keeps the RDATE's",
    missing: ["2015-07-05T19:00:00.000Z"],
  },
  "calendars/recurring-ical-events/issue_113_period_rdate_duration.ics": {
    why: "DTSTART is the set's first date (RFC 5545 3.8.5.2); ical.js 2.2 drops it when the " +
      "event's one RDATE is a PERIOD",
    extra: ["2024-09-12T12:00:00.000Z"],
  },
  "calendars/recurring-ical-events/fablab_cottbus.ics": {
    why: "its VTIMEZONE Europe/Berlin has observances from 2018 on only: ical.js 2.2 places the " +
      "2016-2017 times at offset 0; import ics reads the IANA zone it names, as calendar " +
      "programs do (13:00Z is 14:00 in a Berlin winter)",
    missing: [
    "2016-12-03T14:00:00.000Z", "2017-03-11T17:00:00.000Z", "2017-06-10T10:00:00.000Z",
    "2017-06-11T16:30:00.000Z", "2017-07-05T17:45:00.000Z", "2017-07-29T14:00:00.000Z",
    "2017-10-19T16:00:00.000Z", "2017-10-20T16:00:00.000Z", "2017-10-21T13:00:00.000Z",
    "2017-10-22T13:00:00.000Z", "2017-10-22T13:00:00.000Z",
  ],
    extra: [
    "2016-12-03T13:00:00.000Z", "2017-03-11T16:00:00.000Z", "2017-06-10T08:00:00.000Z",
    "2017-06-11T14:30:00.000Z", "2017-07-05T15:45:00.000Z", "2017-07-29T12:00:00.000Z",
    "2017-10-19T14:00:00.000Z", "2017-10-20T14:00:00.000Z", "2017-10-21T11:00:00.000Z",
    "2017-10-22T11:00:00.000Z", "2017-10-22T11:00:00.000Z",
  ],
  },
  "calendars/recurring-ical-events/issue_113_period_in_rdate.ics": {
    why: "its VTIMEZONE America/Vancouver gives its changes by RDATE: ical.js 2.2 places its " +
      "times at offset 0; import ics reads 12:00 in Vancouver's summer as 19:00Z",
    missing: ["2023-09-20T12:00:00.000Z", "2023-10-18T12:00:00.000Z"],
    extra: ["2023-09-20T19:00:00.000Z", "2023-10-18T19:00:00.000Z"],
  },
  // Where the file is not clear, and import ics keeps the meeting.
  "calendars/recurring-ical-events/issue_253_additional_recurrence_id.ics": {
    why: "a changed date (RECURRENCE-ID 2024-07-29) that its series (UNTIL 2024-07-20) does not " +
      "have: ical.js relates a change only to the series' own dates and drops it; import ics " +
      "keeps it, an event of the calendar with its own DTSTART (as recurring-ical-events does)",
    extra: ["D:2024-07-29"],
  },
};

/** The corpus: every .ics under the two folders. */
function corpus() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ics")) files.push(path);
    }
  };
  walk(join(ROOT, "tests/fixtures/calendars"));
  walk(join(ROOT, "tests/fixtures/import"));
  return files;
}

/** Minutes east of UTC that `zone` is at the instant `ms` (Intl's own rules). */
function offset(zone, ms) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(ms));
  const n = (type) => Number(parts.find((p) => p.type === type).value);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * A wall-clock time in an IANA zone as an instant: in a gap, the offset before it (the later
 * instant); in a fold, the earlier instant (RFC 5545 3.3.5).
 */
function inZone(t, zone) {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const before = offset(zone, wall - DAY);
  const after = offset(zone, wall + DAY);
  const candidates = [...new Set([before, after])]
    .map((o) => wall - o * 60_000)
    .filter((ms) => wall - offset(zone, ms) * 60_000 === ms)
    .sort((a, b) => a - b);
  return candidates.length ? candidates[0] : wall - before * 60_000;
}

/**
 * Windows' zone names that calendars of the corpus use without a VTIMEZONE of that name, as
 * CLDR's windowsZones.xml maps them (its territory "001").
 */
const WINDOWS = {
  "Pacific Standard Time": "America/Los_Angeles",
  "W. Europe Standard Time": "Europe/Berlin",
  "Eastern Standard Time": "America/New_York",
};

/** An IANA zone Intl knows, or undefined. */
function iana(name) {
  const zone = WINDOWS[name] ?? name;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/**
 * A start as a key: `D:2027-01-05` for a date, the instant in UTC for a time: by the file's
 * VTIMEZONE, else its TZID as an IANA (or Windows) name, else the calendar's zone, else ZONE.
 * A TZID that is none of these cannot be placed: it throws, and the event is left out.
 */
function key(time, tzid, calendarZone) {
  if (time instanceof ICAL.Period) time = time.start;
  if (time.isDate) return `D:${time.toString().slice(0, 10)}`;
  const zone = time.zone;
  if (zone && zone !== ICAL.Timezone.localTimezone && (zone.tzid === "UTC" || zone.component)) {
    return new Date(time.toUnixTime() * 1000).toISOString();
  }
  const name = time.timezone ?? tzid;
  const found = name ? iana(name) : iana(calendarZone ?? ZONE);
  if (!found) throw new Error(`the zone ${name} cannot be placed`);
  return new Date(inZone(time, found)).toISOString();
}

/**
 * The text as ical.js reads it: a date written without VALUE=DATE (`DTSTART:20190101`, which
 * RFC 5545 does not allow but calendar programs read as a date) given its VALUE=DATE, as ical.js
 * refuses it otherwise ("invalid date-time value"); an empty `RRULE:` left out, as calendar
 * programs (and import ics) read the event as one date, where ical.js throws.
 */
function forIcalJs(text) {
  return text.replace(/^RRULE:[ \t]*\r?\n/gm, "").replace(
    /^(DTSTART|DTEND|RECURRENCE-ID|EXDATE|RDATE)((?:;(?!VALUE=)[^:\r\n]*)?):(\d{8}(?:,\d{8})*)(\r?)$/gm,
    "$1$2;VALUE=DATE:$3$4",
  );
}

/** Whether a key falls in the window [from, until). */
function within(k, from, until) {
  const ms = k.startsWith("D:") ? Date.parse(`${k.slice(2)}T00:00:00Z`) : Date.parse(k);
  return ms >= from && ms < until;
}

const tzidOf = (event) => event.component.getFirstProperty("dtstart")?.getParameter("tzid");
const number = (event, name) => {
  const v = event.component.getFirstPropertyValue(name);
  return typeof v === "number" ? v : v ? v.toUnixTime?.() ?? 0 : 0;
};

/** Which of two VEVENTs of the same UID (and RECURRENCE-ID) stands: SEQUENCE, then time. */
function latest(a, b) {
  for (const name of ["sequence", "last-modified", "dtstamp"]) {
    const [x, y] = [number(a, name), number(b, name)];
    if (x !== y) return x > y ? a : b;
  }
  return b;
}

/** ical.js's starts for a calendar text within [from, until). */
function reference(text, from, until) {
  const calendar = new ICAL.Component(ICAL.parse(forIcalJs(text)));
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    const zone = new ICAL.Timezone(vtimezone);
    if (!ICAL.TimezoneService.has(zone.tzid)) ICAL.TimezoneService.register(zone);
  }
  const calendarZone = calendar.getFirstPropertyValue("x-wr-timezone") ?? undefined;
  // Each UID's latest master and latest change of each date; events without UID stand alone.
  const masters = new Map();
  const changes = new Map();
  let alone = 0;
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    if (!event.startDate) continue;
    const uid = event.uid ?? `no uid ${alone++}`;
    if (event.isRecurrenceException()) {
      const id = `${uid} ${event.recurrenceId.toString()}`;
      changes.set(id, changes.has(id) ? latest(changes.get(id), event) : event);
    } else {
      masters.set(uid, masters.has(uid) ? latest(masters.get(uid), event) : event);
    }
  }
  const starts = [];
  // An event in a zone that cannot be placed is left out, as import ics leaves it out.
  const placed = (f) => {
    try {
      f();
    } catch (e) {
      if (!/cannot be placed/.test(e.message)) throw e;
    }
  };
  for (const [uid, master] of masters) {
    for (const [id, change] of changes) if (id.startsWith(`${uid} `)) master.relateException(change);
    if (!master.isRecurring()) {
      placed(() => starts.push(key(master.startDate, tzidOf(master), calendarZone)));
      continue;
    }
    const it = master.iterator();
    let count = 0;
    for (let next = it.next(); next && count < MAX; next = it.next()) {
      const at = next instanceof ICAL.Period ? next.start : next;
      const details = master.getOccurrenceDetails(at);
      placed(() => {
        const k = key(details.startDate, tzidOf(details.item), calendarZone);
        const original = key(at, tzidOf(master), calendarZone);
        if (within(original, from, until) || within(k, from, until)) {
          starts.push(k);
          count++;
        }
        if (Date.parse(original.replace(/^D:/, "")) >= until + 2 * DAY) count = MAX;
      });
    }
  }
  // A change whose series is not in the file is an event of its own.
  for (const [id, change] of changes) {
    if (!masters.has(id.slice(0, id.lastIndexOf(" ")))) {
      placed(() => starts.push(key(change.startDate, tzidOf(change), calendarZone)));
    }
  }
  return starts.filter((k) => within(k, from, until)).sort();
}

/** import ics's starts for a calendar file within [from, until), and what it said. */
function imported(file, from, until) {
  const run = spawnSync(
    CLI,
    [
      "import", "ics", file, "--campaign", "c", "--title", "T", "--city", "Testville",
      "--time-zone", ZONE,
      "--now", new Date(from).toISOString().replace(".000", ""),
      "--until", new Date(until).toISOString().replace(".000", ""),
    ],
    { encoding: "utf8" },
  );
  assert.ok(run.status === 0 || run.status === 1, `import ics exits 0 or 1: ${run.status}\n${run.stderr}`);
  const feed = JSON.parse(run.stdout);
  const meetings = feed.campaigns.flatMap((c) => c.meetings ?? []);
  // An end before its start would move the start in the widget's reading (a DTEND before
  // DTSTART breaks RFC 5545; calendar programs keep DTSTART).
  const backwards = meetings.filter((m) => m.end && Date.parse(m.end) <= Date.parse(m.start));
  assert.deepEqual(backwards, [], "every end after its start");
  const starts = meetings.map((m) =>
    /^\d{4}-\d{2}-\d{2}$/.test(m.start) ? `D:${m.start}` : new Date(m.start).toISOString(),
  );
  return { starts: starts.filter((k) => within(k, from, until)).sort(), said: run.stderr };
}

/** The window of a calendar: a year from the day before its first DTSTART. */
function windowOf(text) {
  const firsts = [...text.matchAll(/^DTSTART[^:\r\n]*:(\d{8})/gm)].map((m) =>
    Date.parse(`${m[1].slice(0, 4)}-${m[1].slice(4, 6)}-${m[1].slice(6, 8)}T00:00:00Z`),
  );
  const from = (firsts.length ? Math.min(...firsts) : Date.parse("2026-12-01T00:00:00Z")) - DAY;
  return [from, from + WINDOW];
}

/** What one side has and the other has not, as multisets. */
function difference(a, b) {
  const left = [...b];
  return a.filter((k) => {
    const i = left.indexOf(k);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

const files = corpus();
test(`the corpus holds at least 50 calendars with events (${files.length} files)`, () => {
  const withEvents = files.filter((f) => readFileSync(f, "utf8").includes("BEGIN:VEVENT"));
  assert.ok(withEvents.length >= 50, `${withEvents.length} calendars with events`);
});

for (const file of files) {
  const name = relative(join(ROOT, "tests/fixtures"), file);
  test(`${name}: import ics writes the starts ical.js expands, for a year`, () => {
    const text = readFileSync(file, "utf8");
    const [from, until] = windowOf(text);
    const expected = reference(text, from, until);
    const got = imported(file, from, until);
    const missing = difference(expected, got.starts);
    const extra = difference(got.starts, expected);
    const known = EXCEPTIONS[name];
    if (known) {
      assert.deepEqual({ missing, extra }, { missing: known.missing ?? [], extra: known.extra ?? [] },
        `${name}: the listed exception (${known.why}) is no longer what differs`);
      return;
    }
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] },
      `${name}: ${expected.length} starts in ical.js, ${got.starts.length} written\n${got.said}`);
  });
}
