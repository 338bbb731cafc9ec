// The feed publisher's path, end to end. The README's three commands take a spreadsheet to a
// feed that `check` passes and the widget shows. The check page (dist/check.html): a feed
// dropped, chosen, pasted or named by its address is checked in the browser by the widget's own
// reader, and the page lists exactly what the command line's `upcoming-meetings check` says of
// the same file. Nothing is uploaded.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FIXED_NOW, STRICT_CSP, VIEWPORTS, harness, noHarm, openPage, screenshot, widgetsReady } from "./harness.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const CLI = resolve(ROOT, "target/release/upcoming-meetings");
const MANY = resolve(ROOT, "tests/fixtures/invalid/many-problems.json");
const h = harness();

/** What the command line says of `file` at the tests' fixed clock, one object per finding. */
function cliFindings(file) {
  let out;
  try {
    out = execFileSync(CLI, ["check", "--format", "json", "--now", FIXED_NOW.toISOString(), file], { encoding: "utf8" });
  } catch (e) {
    out = e.stdout; // exit status 1: something would be left out
  }
  return out
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .map(({ severity, path, entry, line, column, message, fix }) => ({ severity, path, entry, line, column, message, fix }));
}

async function openCheck(options) {
  const opened = await openPage(h.browser, options);
  opened.requests = [];
  opened.page.on("request", (r) => opened.requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
  await opened.page.goto(`${h.server.url}/check.html`);
  return opened;
}

/** The findings the page lists, read back from its text. */
function pageFindings(page) {
  return page.$$eval(".finding", (items) =>
    items.map((item) => {
      const [, line, column, rest] = item.querySelector(".where").textContent.match(/^line (\d+), column (\d+) · (.*)$/);
      const path = rest.slice(rest.lastIndexOf(" · ") + 3);
      return {
        severity: item.querySelector(".severity").textContent,
        path,
        entry: rest.slice(0, rest.lastIndexOf(" · ")),
        line: Number(line),
        column: Number(column),
        message: item.querySelector(".message").textContent,
        fix: item.querySelector(".fix").textContent.replace(/^Fix: /, ""),
      };
    }),
  );
}

describe("from a spreadsheet to the widget, as the README says", () => {
  test("import csv, then check passes, then the widget shows every meeting of the sheet", async () => {
    const dir = mkdtempSync(join(tmpdir(), "um-publisher-"));
    const feed = join(dir, "feed.json");
    // 1. upcoming-meetings import csv meetings.csv --time-zone America/Detroit > feed.json
    const sheet = resolve(ROOT, "tests/fixtures/import/chapter-sheet.csv");
    writeFileSync(feed, execFileSync(CLI, ["import", "csv", sheet, "--time-zone", "America/Detroit"], { encoding: "utf8" }));
    // 2. upcoming-meetings check feed.json: nothing left out.
    const checked = spawnSync(CLI, ["check", "--now", FIXED_NOW.toISOString(), feed], { encoding: "utf8" });
    assert.equal(checked.status, 0, checked.stdout);
    // 3. The feed uploaded beside the snippet: the widget shows each of the sheet's rows.
    const text = readFileSync(feed, "utf8");
    h.server.state.routes.set("/uploaded/feed.json", (req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(text);
    });
    try {
      const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone });
      await page.goto(h.page("/uploaded/feed.json"));
      await widgetsReady(page);
      const shown = await page.evaluate(() => {
        const root = document.querySelector("[data-upcoming-meetings]").shadowRoot;
        return {
          campaigns: [...root.querySelectorAll("article h2, article h3")].map((e) => e.textContent.trim()).slice(0, 1),
          meetings: root.querySelectorAll(".um-meeting").length,
          text: root.textContent,
        };
      });
      const rows = JSON.parse(text).campaigns.flatMap((c) => c.meetings);
      assert.equal(rows.length, 5, "the sheet's five rows with a city");
      assert.equal(shown.meetings, rows.length);
      assert.equal(shown.campaigns[0], "How to Fight Fascism, a Lecture Series");
      for (const city of ["Detroit", "Ann Arbor", "Berlin", "Colombo", "Sydney"]) assert.ok(shown.text.includes(city), city);
      assert.ok(shown.text.includes("Moved to May 15 because of the strike."), "the cancelled meeting's note");
      noHarm(seen);
      await context.close();
    } finally {
      h.server.state.routes.delete("/uploaded/feed.json");
    }
  });
});

describe("the check page", () => {
  test("a chosen file: the same findings as the command line, in the same order, and nothing uploaded", async () => {
    const { page, context, seen, requests } = await openCheck();
    await page.setInputFiles("#file", MANY);
    await page.locator("#summary").filter({ hasText: "many-problems.json" }).waitFor();
    const expected = cliFindings(MANY);
    assert.ok(expected.length >= 10 && new Set(expected.map((f) => f.severity)).size >= 3, "the fixture has several kinds of problems");
    assert.deepEqual(await pageFindings(page), expected);
    assert.equal(await page.textContent("#summary"), "many-problems.json: 3 left out, 4 mended, 7 warnings");
    // Each finding shows its line of the file (without its indentation) with a caret under the
    // column: the first points at a start time.
    const first = expected[0];
    const excerpt = await page.locator(".finding .excerpt").first().textContent();
    const [shown, caret] = excerpt.split("\n");
    const line = readFileSync(MANY, "utf8").split("\n")[first.line - 1];
    assert.equal(shown, line.trimStart());
    assert.equal(shown.slice(caret.indexOf("^")), line.slice(first.column - 1));
    assert.match(shown.slice(caret.indexOf("^")), /^"2027-/);
    // The page asked for its own files only, and sent nothing.
    assert.deepEqual(requests.filter((r) => !r.startsWith("GET ")), []);
    assert.deepEqual(requests.filter((r) => !/^GET \/(check[^/]*\.(html|js|css|wasm)|favicon\.svg)$/.test(r)), []);
    noHarm(seen);
    await screenshot(page, "check-desktop");
    await context.close();
  });

  test("pasted text that is not JSON is refused at its line and column, as on the command line", async () => {
    const { page, context, seen } = await openCheck({ viewport: VIEWPORTS.phone });
    const text = '{"version": 1,\n "campaigns": [,]}';
    await page.fill("#text", text);
    await page.click("#check-text");
    await page.locator(".finding").first().waitFor();
    const findings = await pageFindings(page);
    assert.deepEqual(
      findings.map((f) => [f.severity, f.line, f.column]),
      [["refused", 2, 16]],
    );
    assert.match(await page.textContent("#summary"), /^the pasted text: 1 refused$/);
    assert.equal(await page.getAttribute("#summary", "data-exit"), "2", "cannot be read: exit status 2, as the command line's");
    noHarm(seen);
    await screenshot(page, "check-phone");
    await context.close();
  });

  test("a file dropped on the page is checked; feed text is shown as text, never as markup", async () => {
    const { page, context, seen } = await openCheck();
    const feed = JSON.stringify({
      version: 1,
      campaigns: [
        { id: "<b>bold</b>", title: "T", meetings: [] },
        { id: "<b>bold</b>", title: "<img src=x onerror=alert(1)>", meetings: [] },
      ],
    });
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "dropped.json", { type: "application/json" }));
      document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, feed);
    await page.locator("#summary").filter({ hasText: "dropped.json" }).waitFor();
    assert.match(await page.textContent("#findings"), /<b>bold<\/b>/);
    assert.equal(await page.locator("#findings b, #findings img").count(), 0);
    noHarm(seen);
    await context.close();
  });

  test("an address: the feed is read and checked; a failing or unreadable address says why", async () => {
    const { page, context, seen } = await openCheck();
    await page.fill("#address", `${h.server.url}/feed.json`);
    await page.click("#fetch");
    await page.locator("#summary").filter({ hasText: "/feed.json" }).waitFor();
    assert.match(await page.textContent("#summary"), /no problems: the widget shows every campaign and meeting\.$|warning/);
    assert.equal(await page.locator('.finding[data-severity="left out"], .finding[data-severity="refused"]').count(), 0);

    await page.fill("#address", `${h.server.url}/status/404`);
    await page.click("#fetch");
    await page.locator("#summary").filter({ hasText: "404" }).waitFor();
    assert.equal(await page.getAttribute("#summary", "data-exit"), "2");

    // Another origin that does not allow this page to read it (no Access-Control-Allow-Origin).
    await page.fill("#address", `${h.other.url}/feed.json`);
    await page.press("#address", "Enter");
    await page.locator("#summary").filter({ hasText: "CORS" }).waitFor();

    await page.fill("#address", "javascript:alert(1)");
    await page.click("#fetch");
    await page.locator("#summary").filter({ hasText: "only https: and http:" }).waitFor();
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  });

  test("a sheet: made into feed.json in the page, byte for byte as import csv makes it, with the rows it left out and the feed's findings", async () => {
    const SHEET = resolve(ROOT, "tests/fixtures/import/sheet-as-exported.csv");
    const cli = spawnSync(CLI, ["import", "csv", SHEET], { encoding: "utf8" });
    assert.equal(cli.status, 1, "import csv leaves a row out");
    const { page, context, seen, requests } = await openCheck({ acceptDownloads: true, viewport: VIEWPORTS.phone });
    await page.setInputFiles("#file", SHEET);
    await page.locator("#summary").filter({ hasText: "sheet-as-exported.csv, made into feed.json" }).waitFor();
    assert.equal(await page.locator("#summary").getAttribute("data-exit"), "1", "exit status 1, as the command line's");
    assert.match(await page.textContent("#summary"), /^sheet-as-exported\.csv, made into feed\.json: 1 row of the sheet left out; the feed made of the rest: /);
    // The left-out row, in import csv's words; then what check says of the feed made.
    const shown = await page.$$eval(".finding", (items) => items.map((i) => `${i.querySelector(".severity").textContent} ${i.querySelector(".message").textContent}`));
    const stderr = cli.stderr.trim().split("\n").map((l) => l.slice(l.indexOf(": ") + 2));
    assert.deepEqual(shown.slice(0, stderr.length), stderr.map((l) => `${l.includes(": left out: ") ? "left out" : "note"} ${l}`));
    const made = join(mkdtempSync(join(tmpdir(), "um-made-")), "feed.json");
    writeFileSync(made, cli.stdout);
    assert.deepEqual(shown.slice(stderr.length), cliFindings(made).map((f) => `${f.severity} ${f.message}`));
    // The download: the command line's output, byte for byte.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    assert.equal(download.suggestedFilename(), "feed.json");
    assert.equal(readFileSync(await download.path(), "utf8"), cli.stdout);
    // The sheet module came from the page's own origin; nothing was sent.
    assert.ok(requests.some((r) => /^GET \/upcoming-meetings-sheet-[0-9a-f]+_bg\.wasm$/.test(r)));
    assert.deepEqual(requests.filter((r) => !r.startsWith("GET ")), []);
    noHarm(seen);
    await screenshot(page, "check-sheet-phone");
    await context.close();
  });

  test("pasted sheet text, its rows without a time_zone cell in the zone given: as import csv --time-zone makes it", async () => {
    const sheet = "campaign,campaign_title,city,date,time\nspring,Spring talks,Berlin,2027-03-28,19:00\n";
    const file = join(mkdtempSync(join(tmpdir(), "um-sheet-")), "sheet.csv");
    writeFileSync(file, sheet);
    const cli = spawnSync(CLI, ["import", "csv", "--time-zone", "Europe/Berlin", file], { encoding: "utf8" });
    assert.equal(cli.status, 0, cli.stderr);
    const { page, context, seen } = await openCheck({ acceptDownloads: true });
    await page.fill("#zone", "Europe/Berlin");
    await page.fill("#text", sheet);
    await page.click("#check-text");
    await page.locator("#summary").filter({ hasText: "made into feed.json" }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    assert.equal(readFileSync(await download.path(), "utf8"), cli.stdout);
    assert.match(cli.stdout, /"start": "2027-03-28T19:00:00\+02:00"/, "summer time in Berlin from that morning");
    // A zone that is not one: the sheet cannot be read, as on the command line.
    await page.fill("#zone", "Mars/Olympus");
    await page.click("#check-text");
    await page.locator("#summary").filter({ hasText: "cannot be read" }).waitFor();
    assert.match(await page.textContent("#summary"), /not a sheet of meetings: --time-zone "Mars\/Olympus" is not an IANA zone name/);
    noHarm(seen);
    await context.close();
  });

  test("a calendar export: made into one campaign's feed.json in the page, byte for byte as import ics makes it", async () => {
    const CALENDAR = resolve(ROOT, "tests/fixtures/import/google-calendar.ics");
    const args = ["import", "ics", CALENDAR, "--campaign", "google-calendar", "--title", "google-calendar", "--city", "Detroit", "--now", FIXED_NOW.toISOString()];
    const cli = spawnSync(CLI, args, { encoding: "utf8" });
    assert.ok(cli.status <= 1, cli.stderr);
    const { page, context, seen, requests } = await openCheck({ acceptDownloads: true });
    await page.fill("#city", "Detroit");
    await page.setInputFiles("#file", CALENDAR);
    await page.locator("#summary").filter({ hasText: "google-calendar.ics, made into feed.json:" }).waitFor({ timeout: 30_000 });
    // The campaign's id and title from the file's name, shown in their fields.
    assert.deepEqual([await page.inputValue("#campaign"), await page.inputValue("#title")], ["google-calendar", "google-calendar"]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    const made = readFileSync(await download.path(), "utf8");
    assert.ok(JSON.parse(made).campaigns[0].meetings.length >= 3, "the calendar's events");
    assert.equal(made, cli.stdout);
    assert.equal(await page.textContent("#made-by"), "upcoming-meetings import ics");
    const leftOut = cli.stderr.split("\n").filter((l) => l.includes(": left out: ")).length;
    assert.equal(await page.locator('.finding[data-severity="left out"] .where', { hasText: "the calendar" }).count(), leftOut);
    // Only a calendar fetches the calendar module.
    assert.ok(requests.some((r) => /^GET \/calendar-wasm-[0-9a-f]+_bg\.wasm$/.test(r)));
    assert.ok(!requests.some((r) => /sheet/.test(r)));
    await screenshot(page, "check-calendar-desktop");
    // A calendar of floating times that names no zone: the zone field is --time-zone.
    const FLOATING = resolve(ROOT, "tests/fixtures/calendars/recurring-ical-events/issue_201_test_matrix.ics");
    await page.fill("#zone", "Europe/Berlin");
    await page.setInputFiles("#file", FLOATING);
    await page.locator("#summary").filter({ hasText: "issue_201_test_matrix.ics, made into feed.json:" }).waitFor({ timeout: 30_000 });
    const [again] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    const named = [await page.inputValue("#campaign"), await page.inputValue("#title")];
    const zoned = spawnSync(CLI, ["import", "ics", FLOATING, "--campaign", named[0], "--title", named[1], "--city", "Detroit", "--time-zone", "Europe/Berlin", "--now", FIXED_NOW.toISOString()], { encoding: "utf8" });
    assert.ok(zoned.status <= 1, zoned.stderr);
    assert.ok(zoned.stdout.includes('"time_zone": "Europe/Berlin"'), "its times placed in the zone given");
    assert.equal(readFileSync(await again.path(), "utf8"), zoned.stdout);
    noHarm(seen);
    await context.close();
  });

  test("check.html?feed=ADDRESS checks that address at once, under the strict CSP the README gives", async () => {
    h.server.state.headers = { "content-security-policy": STRICT_CSP };
    try {
      const { page, context, seen } = await openPage(h.browser);
      const violations = [];
      page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
      await page.goto(`${h.server.url}/check.html?feed=${encodeURIComponent("/fixtures/invalid/many-problems.json")}`);
      await page.locator("#summary").filter({ hasText: "many-problems.json: 3 left out" }).waitFor();
      assert.deepEqual(await pageFindings(page), cliFindings(MANY));
      assert.deepEqual(violations, []);
      noHarm(seen);
      await context.close();
    } finally {
      h.server.state.headers = {};
    }
  });
});
