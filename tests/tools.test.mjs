// The publisher's tools against a real iCalendar parser (ical.js): `upcoming-meetings ics` of the
// bundled feed and of the time cases (a Berlin meeting, nights the clocks change), read back and
// compared, instant by instant, with the feed. The reader's own zone must not matter: this
// process reads in Tokyo.
process.env.TZ = "Asia/Tokyo";
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const ROOT = new URL("..", import.meta.url).pathname;
execFileSync("cargo", ["build", "--offline", "--locked", "--quiet", "--bin", "upcoming-meetings"], { cwd: ROOT, stdio: "inherit" });
const tool = (...args) => execFileSync(`${ROOT}target/debug/upcoming-meetings`, args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** The events of an .ics text, by UID. */
function events(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return new Map(calendar.getAllSubcomponents("vevent").map((v) => [v.getFirstPropertyValue("uid"), new ICAL.Event(v)]));
}

/** Every meeting of a feed file, by the UID the tool gives it at `host`. */
function meetings(file, host) {
  const feed = JSON.parse(readFileSync(`${ROOT}${file}`, "utf8"));
  return new Map(feed.campaigns.flatMap((c) => c.meetings.map((m) => [`${c.id}.${m.id}@${host}`, { campaign: c, meeting: m }])));
}

for (const [file, now] of [["public/feed.json", "2026-12-01T12:00:00Z"], ["tests/fixtures/time-cases.json", "2027-03-13T00:00:00Z"]]) {
  test(`ics of ${file}: every upcoming meeting, at the feed's instants`, () => {
    const text = tool("ics", file, "--now", now, "--origin", "https://chapter.example/feed.json");
    assert.ok(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75), "lines folded at 75 octets");
    assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");
    const got = events(text);
    const feed = meetings(file, "chapter.example");
    const upcoming = [...feed.values()].filter(({ meeting }) => meeting.start && Date.parse(meeting.end ?? meeting.start) > Date.parse(now) - 86_400_000);
    assert.ok(got.size > 5 && got.size >= upcoming.length - 2, `${got.size} events for ${upcoming.length} meetings`);
    for (const [uid, event] of got) {
      const { meeting } = feed.get(uid) ?? assert.fail(`no meeting for ${uid}`);
      if (/^\d{4}-\d{2}-\d{2}$/.test(meeting.start)) {
        assert.ok(event.startDate.isDate, `${uid} is all-day`);
        assert.equal(event.startDate.toString(), meeting.start);
        continue;
      }
      assert.equal(event.startDate.toJSDate().getTime(), Date.parse(meeting.start), `${uid} starts at ${meeting.start}`);
      const end = meeting.end ? Date.parse(meeting.end) : Date.parse(meeting.start) + 2 * 3_600_000;
      assert.equal(event.endDate.toJSDate().getTime(), end, `${uid} ends`);
      assert.equal(event.component.getFirstPropertyValue("status"), meeting.status === "cancelled" ? "CANCELLED" : meeting.status === "tentative" || meeting.status === "postponed" ? "TENTATIVE" : "CONFIRMED");
    }
  });
}

test("the time cases: Berlin's evening and the night Los Angeles changes its clocks", () => {
  const got = events(tool("ics", "tests/fixtures/time-cases.json", "--now", "2027-03-13T00:00:00Z", "--origin", "https://chapter.example/"));
  const start = (id) => got.get(`time.${id}@chapter.example`).startDate.toJSDate().toISOString();
  assert.equal(start("berlin-evening"), "2027-03-14T18:00:00.000Z");
  assert.equal(start("la-before-change"), "2027-03-14T09:30:00.000Z");
  assert.equal(start("la-after-change"), "2027-03-14T10:30:00.000Z");
  // Read in Tokyo, Berlin's 19:00 is 03:00 the next morning.
  assert.equal(got.get("time.berlin-evening@chapter.example").startDate.toJSDate().getHours(), 3);
});

test("ics of one city, and a city the feed does not have", () => {
  const got = events(tool("ics", "public/feed.json", "--city", "New York", "--now", "2026-12-01T12:00:00Z"));
  assert.ok(got.size >= 2);
  for (const event of got.values()) assert.match(event.location, /New York, NY$/);
  assert.throws(() => tool("ics", "public/feed.json", "--city", "Atlantis"), (e) => e.status === 2 && /no city "Atlantis"/.test(e.stderr));
});
