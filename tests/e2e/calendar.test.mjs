// "Add to calendar": each meeting's panel saves a calendar file made in the browser and links to
// Google Calendar; each campaign card saves its upcoming meetings in the chosen city. Every file
// is read back by a real iCalendar parser (ical.js) and its instants checked against the feed:
// a Berlin evening and the night Los Angeles changes its clocks, made in a browser in Tokyo.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import ICAL from "ical.js";
import { STRICT_CSP, VIEWPORTS, cards, harness, noHarm, openPage, screenshot, until, widgetsReady } from "./harness.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const h = harness();
const TIME_CASES = JSON.parse(await readFile(resolve(ROOT, "tests/fixtures/time-cases.json"), "utf8"));
const BUNDLED = JSON.parse(await readFile(resolve(ROOT, "public/feed.json"), "utf8"));

/** Clicks `button` and returns the file it saves: its name and its events by UID. */
async function saved(page, button) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const text = await readFile(await download.path(), "utf8");
  assert.ok(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75), "lines folded at 75 octets");
  assert.ok(!/[^\r]\n/.test(text), "CRLF line ends");
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = new Map(calendar.getAllSubcomponents("vevent").map((v) => [v.getFirstPropertyValue("uid"), new ICAL.Event(v)]));
  return { name: download.suggestedFilename(), events, text };
}

/** The panel of the meeting titled `title`. */
async function openPanel(page, title) {
  await page.locator(".um-meeting:visible", { hasText: title }).getByRole("button").first().click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  return dialog;
}

describe("add to calendar", () => {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test(`${size}: a meeting's file and Google link, made in a browser in Tokyo, keep the venue's instants`, async () => {
      const { page, context, seen } = await openPage(h.browser, { viewport, timezoneId: "Asia/Tokyo", now: new Date("2027-03-13T00:00:00Z") });
      await page.goto(h.page("/fixtures/time-cases.json"));
      await widgetsReady(page);
      const host = new URL(h.server.url).host;
      for (const id of ["la-before-change", "la-after-change", "berlin-evening"]) {
        const meeting = TIME_CASES.campaigns[0].meetings.find((m) => m.id === id);
        const dialog = await openPanel(page, meeting.title);
        const section = dialog.locator(".um-calendar");
        assert.equal(await section.getByRole("heading").textContent(), "Add to calendar");
        const file = await saved(page, section.getByRole("button", { name: "Calendar file (.ics)" }));
        assert.equal(file.name, `time-${id}.ics`);
        assert.equal(file.events.size, 1);
        const event = file.events.get(`time.${id}@${host}`) ?? assert.fail(`no UID time.${id}@${host}: ${[...file.events.keys()]}`);
        assert.equal(event.startDate.toJSDate().getTime(), Date.parse(meeting.start), `${id} starts at ${meeting.start}`);
        assert.equal(event.endDate.toJSDate().getTime(), Date.parse(meeting.start) + 2 * 3600e3, "two hours without an end");
        assert.equal(event.summary, meeting.title);
        const google = new URL(await section.getByRole("link", { name: /Google Calendar/ }).getAttribute("href"));
        assert.equal(google.origin + google.pathname, "https://calendar.google.com/calendar/render");
        const utc = (t) => new Date(t).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
        assert.equal(google.searchParams.get("dates"), `${utc(Date.parse(meeting.start))}/${utc(Date.parse(meeting.start) + 2 * 3600e3)}`);
        assert.equal(google.searchParams.get("text"), meeting.title);
        if (id === "berlin-evening") await screenshot(page, `${size}-calendar-panel`, { fullPage: false });
        await page.keyboard.press("Escape");
        await dialog.waitFor({ state: "hidden" });
      }
      noHarm(seen);
      await context.close();
    });
  }

  test("a campaign card saves its meetings in the chosen city, under the strict CSP", async () => {
    h.server.state.headers = { "content-security-policy": STRICT_CSP };
    try {
      const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone, timezoneId: "Asia/Tokyo" });
      const violations = [];
      page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
      await page.goto(`${h.server.url}/?city=new-york`);
      await widgetsReady(page);
      // The campaign that meets most often in New York.
      const nyOf = (c) => c.meetings.filter((m) => m.place.city === "New York" && m.start);
      const campaign = BUNDLED.campaigns.reduce((a, b) => (nyOf(b).length > nyOf(a).length ? b : a));
      const inNewYork = nyOf(campaign);
      assert.ok(inNewYork.length > 1, "a campaign with several New York meetings");
      const card = cards(page).filter({ has: page.getByRole("heading", { name: campaign.title }) });
      const button = card.getByRole("button", { name: /to your calendar \(\.ics\)/ });
      assert.equal(await button.textContent(), `Add these ${inNewYork.length} meetings to your calendar (.ics)`);
      const file = await saved(page, button);
      assert.equal(file.name, `${campaign.id}-new-york.ics`);
      assert.equal(file.events.size, inNewYork.length);
      const host = new URL(h.server.url).host;
      for (const m of inNewYork) {
        const event = file.events.get(`${campaign.id}.${m.id}@${host}`) ?? assert.fail(`no event for ${m.id}`);
        assert.equal(event.startDate.toJSDate().getTime(), Date.parse(m.start), m.id);
        if (m.end) assert.equal(event.endDate.toJSDate().getTime(), Date.parse(m.end), m.id);
        assert.equal(event.component.getFirstPropertyValue("status"), m.status === "cancelled" ? "CANCELLED" : "CONFIRMED");
      }
      assert.deepEqual(violations, []);
      noHarm(seen);
      await context.close();
    } finally {
      h.server.state.headers = {};
    }
  });

  test("in the iframe mode and in German: the calendar file, the Google link, Share and the structured data", async () => {
    const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone, timezoneId: "Asia/Tokyo", now: new Date("2027-03-13T00:00:00Z") });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.server.url });
    await page.goto(`${h.server.url}/embed.html?feed=/fixtures/time-cases.json&lang=de`);
    await widgetsReady(page);
    const meeting = TIME_CASES.campaigns[0].meetings.find((m) => m.id === "berlin-evening");
    await page.locator(".um-meeting:visible", { hasText: meeting.title }).locator(".um-rsvp").click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    // The embed page's own ?city= is an option there, so the widget's parameters are its own.
    await until(() => new URL(page.url()).searchParams.get("um-meeting") === "time/berlin-evening", "?um-meeting= in the frame's address");
    const section = dialog.locator(".um-calendar");
    assert.equal(await section.getByRole("heading").textContent(), "In den Kalender");
    const file = await saved(page, section.getByRole("button", { name: "Kalenderdatei (.ics)" }));
    const event = [...file.events.values()][0];
    assert.equal(event.startDate.toJSDate().getTime(), Date.parse(meeting.start));
    assert.match(await section.getByRole("link", { name: /Google Kalender/ }).getAttribute("href"), /dates=20270314T180000Z%2F20270314T200000Z/);
    await dialog.getByRole("button", { name: "Teilen" }).click();
    await dialog.getByRole("status").filter({ hasText: "Link kopiert." }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    const events = await until(() => page.evaluate(() => JSON.parse(document.head.querySelector("script[data-upcoming-meetings-ld]")?.textContent ?? "null")), "the structured data");
    assert.ok(events.some((e) => e.startDate === meeting.start && e.name === meeting.title));
    noHarm(seen);
    await context.close();
  });

  test("a meeting with no date offers neither", async () => {
    const { page, context } = await openPage(h.browser);
    await page.goto(h.page("/feed.json"));
    await widgetsReady(page);
    const tba = page.locator(".um-meeting:visible", { hasText: "Date TBA" }).first();
    if ((await tba.count()) === 0) return assert.fail("the bundled feed has a meeting with no date");
    await tba.getByRole("button").first().click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    assert.equal(await dialog.locator(".um-calendar").count(), 0);
    await context.close();
  });
});
