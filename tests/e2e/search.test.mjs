// Found by search engines: schema.org Event JSON-LD in the static page, in the bundled page's
// pre-rendered listings, and in the host page's head for what each widget shows (updated with
// the city, gone with the widget). Every block is read as JSON and checked against Google's
// Event structured data: its required properties, and the recommended ones the feed has.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { FIXED_NOW, VIEWPORTS, harness, noHarm, openPage, until, widgetsReady, chooseCity } from "./harness.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const CLI = resolve(ROOT, "target/release/upcoming-meetings");
const FEED = JSON.parse(readFileSync(resolve(ROOT, "public/feed.json"), "utf8"));
const h = harness();
const STATUS = ["EventScheduled", "EventCancelled", "EventPostponed", "EventMovedOnline"].map((s) => `https://schema.org/${s}`);
const MODES = ["Offline", "Online", "Mixed"].map((m) => `https://schema.org/${m}EventAttendanceMode`);

/** Google's Event rich result: required name, startDate and location (a Place with a
 * PostalAddress, or a VirtualLocation with a url); recommended, where the feed has them:
 * endDate, eventStatus, eventAttendanceMode, description, organizer, offers, performer. */
function assertGoogleEvent(e) {
  const what = JSON.stringify(e).slice(0, 200);
  assert.equal(e["@context"], "https://schema.org", what);
  assert.equal(e["@type"], "Event", what);
  assert.ok(typeof e.name === "string" && e.name.length > 0, `name: ${what}`);
  assert.match(e.startDate, /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/, what);
  if (e.endDate) assert.ok(Date.parse(e.endDate) > Date.parse(e.startDate), `endDate after startDate: ${what}`);
  for (const l of [e.location].flat()) {
    if (l["@type"] === "Place") {
      assert.equal(l.address["@type"], "PostalAddress", what);
      assert.ok(l.address.addressLocality, what);
      assert.ok(l.name, what);
    } else {
      assert.equal(l["@type"], "VirtualLocation", what);
      assert.match(l.url, /^https?:\/\//, what);
    }
  }
  assert.ok(STATUS.includes(e.eventStatus), what);
  assert.ok(MODES.includes(e.eventAttendanceMode), what);
  assert.ok(e.description, `description: ${what}`);
  assert.equal(e.organizer?.["@type"], "Organization", what);
  assert.ok(e.organizer.name, what);
  if (e.offers) assert.match(e.offers.url, /^https?:\/\//, what);
  if (e.url) assert.match(e.url, /^https?:\/\//, what);
  for (const p of e.performer ?? []) assert.equal(p["@type"], "Person", what);
}

/** The page's JSON-LD blocks: where each is, and its events. */
function blocks(page) {
  return page.$$eval('script[type="application/ld+json"]', (scripts) =>
    scripts.map((s) => ({ inHead: s.parentElement === document.head, events: JSON.parse(s.textContent) })),
  );
}

/** The bundled feed's meetings with a date (all of them after the tests' clock), in the first
 * `limit` of each campaign. */
function expectedCount(limit = Infinity) {
  return FEED.campaigns.map((c) => c.meetings.filter((m) => m.start && Date.parse(m.start) > FIXED_NOW.getTime()).length).reduce((n, k) => n + Math.min(k, limit), 0);
}

describe("structured data for search engines", () => {
  test("the static page carries an Event for each upcoming meeting with a date, in its head", () => {
    const html = execFileSync(CLI, ["render", resolve(ROOT, "public/feed.json"), "--now", FIXED_NOW.toISOString()], { encoding: "utf8" });
    const head = html.slice(0, html.indexOf("</head>"));
    const [, json] = head.match(/<script type="application\/ld\+json" data-upcoming-meetings-ld>(.*?)<\/script>/s);
    const events = JSON.parse(json);
    assert.equal(events.length, expectedCount());
    assert.ok(events.length > 30);
    events.forEach(assertGoogleEvent);
    const berlin = events.find((e) => e.location.address?.addressLocality === "Berlin");
    assert.match(berlin.startDate, /\+0[12]:00$/, "a Berlin meeting with its offset");
  });

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test(`${size}: the widget puts what it shows into the head, follows the city, and takes it away when unmounted`, async () => {
      const { page, context, seen } = await openPage(h.browser, { viewport });
      await page.goto(h.server.url + "/");
      // Before the widget: the pre-rendered listings carry their block (not in the head).
      const before = await blocks(page);
      assert.equal(before.length, 1);
      assert.equal(before[0].inHead, false);
      await widgetsReady(page);
      const all = await until(async () => {
        const b = await blocks(page);
        return b.length === 1 && b[0].inHead && b[0];
      }, "the widget's block in the head, the pre-rendered one gone");
      // The widget lists the first 20 of each campaign (data-limit's default).
      assert.equal(all.events.length, expectedCount(20));
      all.events.forEach(assertGoogleEvent);

      await chooseCity(page, "new-york");
      const ny = await until(async () => {
        const [b] = await blocks(page);
        return b?.events.length === 5 && b;
      }, "New York's five meetings");
      assert.ok(ny.events.every((e) => [e.location].flat().some((l) => l.address?.addressLocality === "New York")));

      await page.evaluate(() => window.upcomingMeetings.unmount(document.querySelector("[data-upcoming-meetings]")));
      assert.deepEqual(await blocks(page), [], "no block once the widget is gone");
      noHarm(seen);
      await context.close();
    });
  }
});
