// End-to-end: a spreadsheet is the feed. A sheet as spreadsheet programs export it (a byte-order
// mark, quoted commas and a quoted line break, Windows line endings, an empty last row, and a
// row with a date that does not exist), named by the two-line snippet's data-feed: the widget
// shows every good row exactly as it shows the JSON feed `import csv` makes of the same sheet,
// and its notice for the publisher names the row it left out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { VIEWPORTS, harness, noHarm, openPage, widgetsReady } from "./harness.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const CLI = resolve(ROOT, "target/release/upcoming-meetings");
const SHEET = "/fixtures/import/sheet-as-exported.csv";
const h = harness();

/** Each meeting of the widget on `url`, as the reader sees it, and its notice for the publisher.
 * `context`: a browser context to keep (its saved copies), else a new one closed after. */
async function shown(url, kept) {
  const { page, context, seen } = kept ? { page: await kept.newPage(), context: null, seen: null } : await openPage(h.browser, { viewport: VIEWPORTS.desktop, timezoneId: "Asia/Tokyo" });
  await page.goto(url);
  await widgetsReady(page);
  const out = await page.evaluate(() => {
    const root = document.querySelector("[data-upcoming-meetings]").shadowRoot;
    return {
      meetings: [...root.querySelectorAll(".um-meeting")].map((m) => m.textContent.replace(/\s+/g, " ").trim()),
      notice: root.querySelector(".um-problems")?.textContent.replace(/\s+/g, " ").trim() ?? null,
      saved: root.querySelector(".um-saved") !== null,
    };
  });
  // The widget keeps a copy of a good feed a moment after it shows it (edge/storage.rs).
  if (kept && !out.saved) {
    await page.waitForFunction(() => {
      const feed = new URL(document.querySelector("[data-upcoming-meetings]").dataset.feed, location.href).href;
      return localStorage.getItem(`upcoming-meetings:v1:${feed}:at`) !== null;
    });
  }
  if (context) {
    noHarm(seen);
    await context.close();
  } else {
    await page.close();
  }
  return out;
}

test("a CSV feed: every good row as `import csv`'s JSON shows it, and the row left out named", async () => {
  // The command line leaves the bad row out too, says so, and exits 1.
  const cli = spawnSync(CLI, ["import", "csv", resolve(ROOT, "tests/fixtures", SHEET.slice("/fixtures/".length))], { encoding: "utf8" });
  assert.match(cli.stderr, /row 8: left out: the date "30\.02\.2027"/);
  const json = cli.stdout;
  h.server.state.routes.set("/uploaded/feed.json", (req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(json);
  });
  try {
    const fromJson = await shown(h.page("/uploaded/feed.json"));
    const fromSheet = await shown(h.page(SHEET));
    assert.equal(fromJson.meetings.length, 6, "the sheet's six good rows");
    assert.deepEqual(fromSheet.meetings, fromJson.meetings, "the same meetings, times and zones");
    assert.ok(fromSheet.meetings.some((m) => m.includes("Doors open at 6:30.") && m.includes("Bring a friend.")), "the quoted line break");
    assert.equal(fromJson.notice, null);
    assert.match(fromSheet.notice ?? "", /1 entry of the feed could not be shown/);
    assert.match(fromSheet.notice ?? "", /row 8 \(left out\): this row of the sheet was left out: the date "30\.02\.2027" is not a date like 2027-04-19/);
  } finally {
    h.server.state.routes.delete("/uploaded/feed.json");
  }
});

/** A route that answers with `body` as `type`, or with 503 while `state.down`. */
function serve(path, type, body, state = {}) {
  h.server.state.routes.set(path, (req, res) => {
    res.writeHead(state.down ? 503 : 200, { "content-type": type, "cache-control": "no-store" });
    res.end(state.down ? "down" : body);
  });
  return state;
}

test("a sheet published as text/csv at any address, in data-time-zone, kept for when it cannot be reached; a JSON feed never loads the sheet module", async () => {
  // As a spreadsheet service publishes it: no .csv in the address, no time_zone column.
  const sheet = "campaign,campaign_title,city,date,time,venue\r\nspring,Spring talks,Detroit,2027-04-19,7:00 PM,Union\r\nspring,,Detroit,2027-03-14,2:30 AM,Union\r\nspring,,Detroit,2027-02-30,7:00 PM,Union\r\n";
  const file = join(mkdtempSync(join(tmpdir(), "um-sheet-")), "sheet.csv");
  writeFileSync(file, sheet);
  const cli = spawnSync(CLI, ["import", "csv", "--time-zone", "America/Detroit", file], { encoding: "utf8" });
  assert.equal(cli.status, 1, "import csv exits 1 when it leaves a row out");
  const published = serve("/published/sheet", "text/csv; charset=utf-8", sheet);
  serve("/uploaded/spring.json", "application/json", cli.stdout);
  const snippet = (feed) => `<!doctype html><meta charset="utf-8"><title>A chapter</title>
    <script src="/upcoming-meetings.js"></script>
    <div data-upcoming-meetings data-feed="${feed}" data-time-zone="America/Detroit"></div>`;
  serve("/chapter/sheet.html", "text/html; charset=utf-8", snippet("/published/sheet"));
  serve("/chapter/json.html", "text/html; charset=utf-8", snippet("/uploaded/spring.json"));
  const sheetModule = () => h.server.state.requests.filter((r) => /^\/upcoming-meetings-sheet-/.test(r));
  const { context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.desktop, timezoneId: "Asia/Tokyo" });
  try {
    h.server.state.requests.length = 0;
    const fromJson = await shown(`${h.server.url}/chapter/json.html`, context);
    assert.deepEqual(sheetModule(), [], "a JSON feed's widget fetches nothing of the sheet module");
    const fromSheet = await shown(`${h.server.url}/chapter/sheet.html`, context);
    assert.equal(sheetModule().length, 2, "a CSV feed's widget fetches the sheet module: its JS and its wasm");
    // 2:30 AM on 14 March 2027 does not exist in Detroit (the clocks go forward): both read it
    // as 3:30 AM, with the browser's zones and with the command line's. 30 February is left
    // out, and named.
    assert.equal(fromJson.meetings.length, 2);
    assert.deepEqual(fromSheet.meetings, fromJson.meetings, "the same meetings at the same times, in data-time-zone");
    assert.match(fromSheet.notice ?? "", /row 4 \(left out\)/);
    // The sheet cannot be reached: the copy kept from the last visit shows, read as a sheet again.
    published.down = true;
    const saved = await shown(`${h.server.url}/chapter/sheet.html`, context);
    assert.ok(saved.saved, "the notice of a saved copy");
    assert.deepEqual(saved.meetings, fromJson.meetings, "the saved copy of the sheet");
    noHarm(seen);
  } finally {
    await context.close();
    for (const path of ["/published/sheet", "/uploaded/spring.json", "/chapter/sheet.html", "/chapter/json.html"]) h.server.state.routes.delete(path);
  }
});

test("a sheet without a sheet's columns says so; a sheet module that cannot be fetched is a network failure, and Retry fetches it again", async () => {
  serve("/published/wrong.csv", "text/csv", "name,when\r\nTalk,tomorrow\r\n");
  const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone });
  const alert = (p) => p.locator("[data-upcoming-meetings] .um-error");
  try {
    await page.goto(h.page("/published/wrong.csv"));
    await alert(page).waitFor();
    assert.match(await alert(page).textContent(), /does not have the columns of a sheet of meetings/);
    assert.match(await alert(page).textContent(), /The header row has no "campaign", "campaign_title", "city" columns \(it has: name, when\)/);

    const sheetModule = /\/upcoming-meetings-sheet-[0-9a-f]+(_bg\.wasm|\.js)$/;
    const other = await context.newPage();
    await other.route(sheetModule, (route) => route.abort());
    await other.goto(h.page(SHEET));
    await alert(other).waitFor();
    assert.match(await alert(other).textContent(), /network/i);
    await other.unroute(sheetModule);
    await alert(other).locator("button").click();
    await other.locator("[data-upcoming-meetings] .um-meeting").first().waitFor();
    noHarm(seen);
  } finally {
    await context.close();
    h.server.state.routes.delete("/published/wrong.csv");
  }
});

test("the README's way: a sheet published as CSV by a spreadsheet service on its own site, the two-line snippet pointed at it; without the service's CORS header, the alert says so", async () => {
  const PUBLISHED = "/spreadsheets/d/e/2PACX-example/pub";
  let cors = true;
  h.other.state.routes.set(PUBLISHED, (req, res) => {
    res.writeHead(200, { "content-type": "text/csv", ...(cors ? { "access-control-allow-origin": "*" } : {}) });
    res.end(readFileSync(resolve(ROOT, "tests/fixtures", SHEET.slice("/fixtures/".length))));
  });
  const feed = `${h.other.url}${PUBLISHED}?gid=0&single=true&output=csv`;
  serve("/chapter/published.html", "text/html; charset=utf-8", `<!doctype html><meta charset="utf-8"><title>A chapter</title>
    <script src="/upcoming-meetings.js"></script>
    <div data-upcoming-meetings data-feed="${feed}"></div>`);
  try {
    const fromSheet = await shown(`${h.server.url}/chapter/published.html`);
    const fromFixture = await shown(h.page(SHEET));
    assert.equal(fromSheet.meetings.length, 6);
    assert.deepEqual(fromSheet.meetings, fromFixture.meetings);
    cors = false;
    const { page, context } = await openPage(h.browser, { viewport: VIEWPORTS.phone });
    await page.goto(`${h.server.url}/chapter/published.html`);
    const alert = page.locator("[data-upcoming-meetings] .um-error");
    await alert.waitFor();
    assert.match(await alert.textContent(), /does not allow this site to read it \(CORS\)/);
    await context.close();
  } finally {
    h.other.state.routes.delete(PUBLISHED);
    h.server.state.routes.delete("/chapter/published.html");
  }
});
