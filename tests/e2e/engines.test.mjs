// The core flows in all three browser engines, from Debian's packages: Chromium, Firefox ESR and
// WebKitGTK (tests/engines.mjs drives each one the same way). The built dist/ on 127.0.0.1, the
// bundled feed, the clock pinned to 1 December 2026, and a visitor's real clicks and keys:
//   load       the campaign cards show, with no page error;
//   city field a click on the city field selects what it shows, so typing replaces it;
//   city       typing part of a city's name and Enter shows only its meetings, puts the city in
//              the page address, and Back shows all cities again (the field emptied with
//              keys first, so that this holds apart from the city field's own check);
//   panel      "Details & RSVP" opens the meeting's dialog; Escape closes it, focus goes back;
//   link       the open panel's meeting is in the address, and that address opens it again;
//   zones      readers in Tokyo and Los Angeles read each venue's own wall-clock time and zone;
//   still      on a plain chapter page, a meeting scrolled to the middle stays where it is;
//   German     a German widget's words and dates are German;
//   before the app  with the app held back by the server, on the first screen the first-paint
//              module painted: a tap on "Details & RSVP" opens that meeting's panel once the app
//              comes, what one types in the city field is kept and Enter chooses, and a meeting
//              scrolled to stays to the pixel as the app takes the screen over.
// The deeper checks of each flow are Chromium-only, in the other suites of tests/e2e/.
// Screenshots go to test-output/screens/engines-*.png (and *-FAILED.png when a flow fails).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ENGINES, openEngine } from "../engines.mjs";
import { hold, startServer } from "../../tools/server.mjs";
import { builtFiles } from "./harness.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const SCREENS = join(ROOT, "test-output/screens");
const NOW = "2026-12-01T12:00:00Z";
const SIZE = { width: 1024, height: 800 };
const FEED = JSON.parse(await readFile(join(ROOT, "public/feed.json"), "utf8"));
const WORLD = JSON.parse(await readFile(join(ROOT, "tests/fixtures/world.json"), "utf8"));
/** A text of a language file, as its translator wrote it. */
const DE = Object.fromEntries(
  (await readFile(join(ROOT, "locales/de.txt"), "utf8"))
    .split("\n")
    .filter((l) => / = /.test(l) && !l.startsWith("#"))
    .map((l) => [l.slice(0, l.indexOf(" = ")), l.slice(l.indexOf(" = ") + 3).trim()]),
);
const title = (m) => m.title ?? m.place.name ?? m.place.city;
const upcoming = (m) => !m.start || m.start.slice(0, 10) >= NOW.slice(0, 10);

let server;
before(async () => {
  server = await startServer();
  await mkdir(SCREENS, { recursive: true });
  for (const file of ["/upcoming-meetings.js", "/feed.json"]) {
    const { status } = await fetch(server.url + file);
    assert.equal(status, 200, `${file} is served: build dist/ first (make build)`);
  }
});
after(() => server?.close());

const FILES = builtFiles();
/** Holds the app's files (its glue and wasm) until released: by the test, or by the page itself
 * asking for /release-app (an engine runs one command at a time). */
function holdApp() {
  const app = hold(server.state, (path) => path === FILES.app || path === FILES.appWasm);
  server.state.routes.set("/release-app", (req, res) => {
    app.release();
    res.writeHead(204).end();
  });
  return app;
}

/** Waits for the first screen the first-paint module painted (the app may not be there). */
const painted = (page) =>
  page.until(() => (document.querySelector("[data-upcoming-meetings]")?.shadowRoot?.querySelector("article.um-card") ? true : false), "the first screen painted");
/** Waits for the widget to be the app's. */
const live = (page) => page.until(() => document.querySelector("[data-upcoming-meetings]").hasAttribute("data-um-live"), "the widget live");

/** The test host page (tests/e2e/pages/engines.html) with these parameters. */
const pageUrl = (params = {}) => `${server.url}/pages/engines.html?${new URLSearchParams({ now: NOW, ...params })}`;
const params = async (page) => Object.fromEntries(new URL(await page.url()).searchParams);

// ------------------------------------------------------------------ in the page (serialized)

/** What the widget shows: its cards and meetings on screen (not hidden), the city field. */
function shown() {
  const root = document.querySelector("[data-upcoming-meetings]")?.shadowRoot;
  if (!root) return null;
  const visible = (e) => !e.closest("[hidden]") && e.getClientRects().length > 0;
  const time = (li) => {
    const t = li.querySelector(".um-time");
    const yours = t?.querySelector(".um-your-time");
    return t ? [...t.childNodes].filter((n) => n !== yours).map((n) => n.textContent).join("") : "";
  };
  // A button's own words, without the meeting's title for screen readers.
  const button = (li) => {
    const b = li.querySelector("button.um-rsvp");
    return b ? [...b.childNodes].filter((n) => !n.classList?.contains("um-sr")).map((n) => n.textContent).join("").trim() : null;
  };
  return {
    cards: [...root.querySelectorAll("article.um-card")].filter(visible).map((a) => a.querySelector("h2").textContent.trim()),
    meetings: [...root.querySelectorAll(".um-meeting")].filter(visible).map((li) => ({
      title: li.querySelector(".um-title-text").textContent,
      text: li.textContent,
      date: li.querySelector(".um-date")?.textContent ?? "",
      time: time(li),
      yours: li.querySelector(".um-your-time")?.textContent ?? null,
      button: button(li),
    })),
    city: root.querySelector("input[role=combobox]")?.value ?? null,
    alert: root.querySelector("[role=alert]")?.textContent ?? null,
    words: [...root.querySelectorAll("h3.um-sr")].map((e) => e.textContent),
  };
}

/** Brings `what` into the viewport with window.scrollBy, and returns its centre. `what`: "combobox", or
 * [campaign title, meeting title] for that meeting's "Details & RSVP" button. */
async function centreOf(what) {
  const root = document.querySelector("[data-upcoming-meetings]").shadowRoot;
  const find = () => {
    if (what === "combobox") return root.querySelector("input[role=combobox]");
    const [campaign, meeting] = what;
    const card = [...root.querySelectorAll("article.um-card")].find((a) => a.querySelector("h2").textContent.trim() === campaign);
    const li = [...(card?.querySelectorAll(".um-meeting") ?? [])].find((l) => l.querySelector(".um-title-text").textContent === meeting);
    return li?.querySelector("button.um-rsvp");
  };
  const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 20)));
  // On screen, not covered, and still where it was a frame ago.
  let last = null;
  const seen = [];
  for (let i = 0; i < 30; i++) {
    const el = find();
    if (!el) return { missing: true };
    const r = el.getBoundingClientRect();
    const inView = r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    // Not under something else (the widget's sticky city bar, say).
    const hit = inView && root.elementFromPoint(x, y);
    const clear = hit && (hit === el || el.contains(hit));
    if (clear && last && Math.abs(last.top - r.top) < 0.5 && Math.abs(last.left - r.left) < 0.5) return { x, y };
    last = clear ? r : null;
    seen.push([Math.round(r.top), inView, hit ? `${hit.tagName}.${hit.className}` : null, Math.round(scrollY)]);
    if (!clear) window.scrollBy(0, r.top - innerHeight / 3);
    await frame();
  }
  return { seen };
}

/** The open dialog: its title (by aria-labelledby) and where it is. */
function openDialog() {
  const root = document.querySelector("[data-upcoming-meetings]").shadowRoot;
  const d = [...root.querySelectorAll("dialog, [role=dialog]")].find((e) => e.open ?? e.getClientRects().length > 0);
  if (!d || !d.open) return null;
  const label = (d.getAttribute("aria-labelledby") ?? "")
    .split(/\s+/)
    .map((id) => root.getElementById(id)?.textContent.trim())
    .join(" ");
  const r = d.getBoundingClientRect();
  return { label, tag: d.tagName, onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight };
}

/** The focused element, looking inside shadow roots. */
function focused() {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a ? { tag: a.tagName, className: String(a.className), text: a.textContent } : null;
}

/** Requests the page made for anything but 127.0.0.1. */
function offHost() {
  return performance
    .getEntriesByType("resource")
    .map((e) => e.name)
    .filter((u) => !/^(data|blob):/.test(u) && new URL(u).hostname !== "127.0.0.1");
}

// ------------------------------------------------------------------------------ the helpers

/** The functions above, in the page as UMT.*, for functions that run there to call. */
/* global UMT -- the functions that run in the page find it there (HELPERS). */
const HELPERS = `(globalThis.UMT = { shown: ${shown}, openDialog: ${openDialog}, focused: ${focused}, offHost: ${offHost} }, true)`;

/** Loads `url` and waits for the widget's listings (or its alert). */
async function load(page, url) {
  await page.goto(url);
  await page.evaluate(HELPERS);
  return page.until(() => {
    const root = document.querySelector("[data-upcoming-meetings]")?.shadowRoot;
    return root?.querySelector("article.um-card, [role=alert]") ? true : false;
  }, "the widget's listings");
}

async function noHarm(page) {
  assert.deepEqual(await page.pageErrors(), [], "no page errors");
  assert.deepEqual(await page.evaluate(offHost), [], "no request leaves 127.0.0.1");
}

/** Clicks the centre of `what` (see centreOf) with the engine's real pointer. */
async function clickOn(page, what) {
  const at = await page.evaluate(centreOf, what);
  assert.ok(at.x !== undefined, `${JSON.stringify(what)} on screen, not covered: ${JSON.stringify(at)}`);
  await page.click(at.x, at.y);
}

/** Runs a flow; when it fails, keeps a screenshot of the page as it was. */
function flow(name, engine, get, body) {
  test(name, { timeout: 120_000 }, async () => {
    const page = get();
    assert.ok(page, `${engine} started`);
    try {
      await body(page);
    } catch (e) {
      const path = join(SCREENS, `engines-${engine}-${name.split(":")[0].replace(/\W+/g, "-")}-FAILED.png`);
      await page.screenshot(path).catch(() => {});
      e.message += `\n(${engine}: screenshot ${path})`;
      throw e;
    }
  });
}

// -------------------------------------------------------------------------------- the flows

const CARDS = FEED.campaigns.map((c) => c.title);
const NEW_YORK = FEED.campaigns.flatMap((c) => c.meetings?.filter((m) => m.place?.city === "New York" && upcoming(m)).map((m) => ({ campaign: c, meeting: m })) ?? []);
const FASCISM = FEED.campaigns.find((c) => c.id === "threat-of-fascism");
const NYU = FASCISM.meetings.find((m) => m.id === "nyu");

for (const engine of ENGINES) {
  describe(engine, { concurrency: false }, () => {
    let page;
    before(async () => {
      page = await openEngine(engine, { ...SIZE, now: NOW });
    });
    after(() => page?.close());
    const get = () => page;

    flow("load: the campaign cards show, with no page error", engine, get, async (page) => {
      await load(page, pageUrl());
      const now = await page.until(() => (document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelectorAll("article.um-card").length >= 14 ? globalThis.UPCOMING_MEETINGS_NOW : null), "14 cards");
      assert.equal(now, NOW, "the clock pinned before the widget ran");
      const s = await page.evaluate(shown);
      assert.equal(s.alert, null, "no alert");
      assert.deepEqual([...s.cards].sort(), [...CARDS].sort(), "a card for every campaign of the feed");
      assert.equal(s.meetings.length, FEED.campaigns.flatMap((c) => c.meetings ?? []).filter(upcoming).length, "every upcoming meeting");
      assert.equal(s.city, "All cities");
      const width = await page.innerWidth();
      assert.ok(width >= 400, `a real viewport (${width} px)`);
      await page.screenshot(join(SCREENS, `engines-${engine}-load.png`));
      await noHarm(page);
    });

    flow("city field: a click on it, and what one types replaces the city it shows", engine, get, async (page) => {
      await load(page, pageUrl());
      await clickOn(page, "combobox");
      await page.type("new y");
      const field = await page.evaluate(() => document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelector("input[role=combobox]").value);
      assert.equal(field, "new y", "the field's text selected on a click, so that typing replaces it");
      await page.press("Enter");
      await page.until(() => new URL(location.href).searchParams.get("um-city") === "new-york", "?um-city=new-york in the address");
      await noHarm(page);
    });

    flow("city: Enter takes the best match, only its meetings show, the URL has it, and Back undoes it", engine, get, async (page) => {
      await load(page, pageUrl());
      await clickOn(page, "combobox");
      // What the field shows, deleted with the keyboard whatever a click selected (see above).
      await page.press("End");
      for (let i = 0; i < "All cities".length; i++) await page.press("Backspace");
      await page.type("new y");
      await page.press("Enter");
      await page.until(() => new URL(location.href).searchParams.get("um-city") === "new-york", "?um-city=new-york in the address");
      // A chosen city's cards come in a screenful at a time: wait for as many as it has.
      const s = await page.until(
        (count) => {
          const s = UMT.shown();
          return s.city === "New York" && s.meetings.length >= count ? s : null;
        },
        "the field reading New York, and as many meetings as New York has",
        15_000,
        NEW_YORK.length,
      );
      assert.deepEqual(s.meetings.map((m) => m.title).sort(), NEW_YORK.map(({ meeting }) => title(meeting)).sort(), "only New York's meetings");
      for (const m of s.meetings) assert.match(m.text, /New York, NY/);
      assert.deepEqual([...s.cards].sort(), [...new Set(NEW_YORK.map(({ campaign }) => campaign.title))].sort(), "only campaigns meeting in New York");
      await page.screenshot(join(SCREENS, `engines-${engine}-city.png`));

      await page.evaluate(() => history.back());
      await page.until(() => !new URL(location.href).searchParams.has("um-city"), "the city gone from the address");
      const back = await page.until(() => {
        const s = UMT.shown();
        return s.cards.length === 14 ? s : null;
      }, "all campaigns again");
      assert.equal(back.city, "All cities");
      await noHarm(page);
    });

    flow("panel: Details & RSVP opens the meeting's dialog; Escape closes it and focus goes back", engine, get, async (page) => {
      await load(page, pageUrl());
      await clickOn(page, [FASCISM.title, title(NYU)]);
      const dialog = await page.until(openDialog, "the dialog open");
      assert.equal(dialog.tag, "DIALOG");
      assert.match(dialog.label, new RegExp(title(NYU)), "labelled by the meeting's title");
      assert.ok(dialog.onScreen, "on screen");
      const text = await page.evaluate(() => document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelector("dialog[open]").textContent);
      assert.match(text, /Thursday, April 15, 2027/);
      assert.match(text, /6:30 PM EDT/);
      await page.screenshot(join(SCREENS, `engines-${engine}-panel.png`));
      await page.press("Escape");
      await page.until(() => !document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelector("dialog[open]"), "the dialog closed");
      const active = await page.evaluate(focused);
      assert.match(active?.className ?? "", /um-rsvp/, `focus back on the button (${JSON.stringify(active)})`);
      assert.match(active.text, new RegExp(title(NYU)), "the button that opened it");
      await noHarm(page);
    });

    flow("link: the open panel's meeting is in the URL, and that URL opens it", engine, get, async (page) => {
      await load(page, pageUrl());
      await clickOn(page, [FASCISM.title, title(NYU)]);
      await page.until(openDialog, "the dialog open");
      await page.until(() => new URL(location.href).searchParams.has("um-meeting"), "?um-meeting= in the address");
      const link = await page.url();
      assert.equal((await params(page))["um-meeting"], `${FASCISM.id}/${NYU.id}`);
      // The link, opened anew: a fresh load (what this page held is gone).
      await page.evaluate(() => void (window.UM_STALE = true));
      await load(page, link);
      assert.equal(await page.evaluate(() => window.UM_STALE ?? null), null, "a fresh load");
      const dialog = await page.until(openDialog, "the linked meeting's dialog open", 20_000);
      assert.match(dialog.label, new RegExp(title(NYU)));
      assert.ok(dialog.onScreen, "on screen");
      await noHarm(page);
    });

    flow("still: a meeting scrolled to the middle of the screen stays there, on a plain chapter page", engine, get, async (page) => {
      await load(page, `${server.url}/pages/chapter.html?${new URLSearchParams({ now: NOW })}`);
      await page.until(() => document.querySelector("[data-upcoming-meetings]").hasAttribute("data-um-fitted"), "the widget showing, its room given back");
      // Scrolled to once, as a reader's fling would, then watched for a second and a half.
      // The button is found again in each frame, by its place among the buttons: the app may take
      // the painted screen over meanwhile, with the same markup.
      const moved = await page.evaluate(async () => {
        const buttons = () => [...document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelectorAll("button.um-rsvp")];
        const index = Math.floor(buttons().length * 0.6);
        const top = () => buttons()[index].getBoundingClientRect().top;
        window.scrollBy(0, top() + buttons()[index].offsetHeight / 2 - innerHeight / 2);
        const start = top();
        let worst = 0;
        const until = performance.now() + 1500;
        while (performance.now() < until) {
          await new Promise((ok) => requestAnimationFrame(ok));
          worst = Math.max(worst, Math.abs(top() - start));
        }
        return { worst, start, of: buttons().length };
      });
      assert.ok(moved.of > 10, `meetings listed: ${moved.of}`);
      assert.ok(moved.start > 0 && moved.start < (await page.evaluate(() => innerHeight)), `the button on screen: ${JSON.stringify(moved)}`);
      assert.ok(moved.worst <= 4, `the button moved by itself by ${moved.worst} px`);
      await noHarm(page);
    });

    flow("German: the widget's words and dates are German", engine, get, async (page) => {
      await load(page, pageUrl({ feed: "/fixtures/world.json", lang: "de" }));
      const s = await page.until(() => {
        const s = UMT.shown();
        return s.meetings.length > 0 ? s : null;
      }, "the listings");
      assert.equal(s.city, DE.all_cities);
      assert.ok(s.words.length > 0 && s.words.every((w) => w === DE.meetings), `the listings' heading: ${JSON.stringify(s.words)}`);
      assert.ok(s.meetings.every((m) => m.button === DE.rsvp_details), `every button reads ${DE.rsvp_details}: ${JSON.stringify(s.meetings.map((m) => m.button))}`);
      const berlin = s.meetings.find((m) => m.title === "Versammlung in Berlin");
      assert.equal(berlin.date, "Dienstag, 19. Januar 2027");
      assert.equal(berlin.time, "18:30 MEZ");
      await page.screenshot(join(SCREENS, `engines-${engine}-german.png`));
      await noHarm(page);
    });

    flow("before the app: a tap on Details & RSVP opens that meeting's panel once the app comes", engine, get, async (page) => {
      const app = holdApp();
      try {
        await page.goto(pageUrl());
        await page.evaluate(HELPERS);
        await painted(page);
        await clickOn(page, [FASCISM.title, title(NYU)]);
        // The tap asked for the app; until it is there, nothing opens, and the tap is kept.
        await app.requested;
        assert.equal(await page.evaluate(openDialog), null, "no panel without the app");
        const busy = await page.evaluate(() => document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelectorAll("[aria-busy=true]").length);
        assert.equal(busy, 1, "the tapped button shows it is busy");
      } finally {
        app.release();
      }
      const dialog = await page.until(openDialog, "the dialog open once the app came");
      assert.match(dialog.label, new RegExp(title(NYU)));
      await noHarm(page);
    });

    flow("before the app: what one types in the city field is kept, and Enter chooses", engine, get, async (page) => {
      const app = holdApp();
      try {
        await page.goto(pageUrl());
        await page.evaluate(HELPERS);
        await painted(page);
        await clickOn(page, "combobox");
        await app.requested;
        await page.press("End");
        for (let i = 0; i < "All cities".length; i++) await page.press("Backspace");
        await page.type("new y");
        await page.press("Enter");
        const typed = await page.evaluate(() => document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelector("input[role=combobox]").value);
        assert.equal(typed, "new y", "typed into the painted field");
        assert.equal((await params(page))["um-city"], undefined, "no choice without the app");
      } finally {
        app.release();
      }
      await page.until(() => new URL(location.href).searchParams.get("um-city") === "new-york", "?um-city=new-york once the app came");
      const s = await page.until(() => (UMT.shown().city === "New York" ? UMT.shown() : null), "the field reading New York");
      assert.ok(s.meetings.every((m) => /New York, NY/.test(m.text)), "only New York's meetings");
      await noHarm(page);
    });

    flow("before the app: a meeting scrolled to stays to the pixel as the app takes the screen over", engine, get, async (page) => {
      const app = holdApp();
      try {
        await page.goto(`${server.url}/pages/chapter.html?${new URLSearchParams({ now: NOW })}`);
        await painted(page);
        // In the page: the reader scrolls a meeting to the middle, the page lets the app come, and
        // the button at that place among the buttons is watched in every frame until the app
        // has the widget and 30 frames after.
        const moved = await page.evaluate(async () => {
          const host = document.querySelector("[data-upcoming-meetings]");
          const buttons = () => [...host.shadowRoot.querySelectorAll("button.um-rsvp")];
          const index = Math.floor(buttons().length * 0.6);
          const painted = buttons()[index];
          const top = () => buttons()[index].getBoundingClientRect().top;
          window.scrollBy(0, top() + painted.offsetHeight / 2 - innerHeight / 2);
          await new Promise((ok) => requestAnimationFrame(ok));
          const start = top();
          await fetch("/release-app");
          let worst = 0;
          let after = 0;
          const until = performance.now() + 20_000;
          while (after < 30 && performance.now() < until) {
            await new Promise((ok) => requestAnimationFrame(ok));
            worst = Math.max(worst, Math.abs(top() - start));
            if (host.hasAttribute("data-um-live")) after++;
          }
          return { worst, start, after, replaced: !painted.isConnected, height: innerHeight };
        });
        assert.equal(moved.after, 30, `the app came: ${JSON.stringify(moved)}`);
        assert.ok(moved.replaced, "the painted button was replaced by the app's");
        assert.ok(moved.start > 0 && moved.start < moved.height, `on screen: ${JSON.stringify(moved)}`);
        assert.equal(moved.worst, 0, `it moved by ${moved.worst} px`);
      } finally {
        app.release();
      }
      await live(page);
      await noHarm(page);
    });

    test("zones: readers in Tokyo and Los Angeles read each venue's own time and zone", { timeout: 180_000 }, async () => {
      const read = {};
      for (const timeZone of ["Asia/Tokyo", "America/Los_Angeles"]) {
        const reader = await openEngine(engine, { ...SIZE, timeZone, now: NOW });
        try {
          assert.equal(await reader.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), timeZone, "the reader's zone");
          await load(reader, pageUrl());
          const bundled = await reader.until(() => {
            const s = UMT.shown();
            return s.cards.length === 14 ? s.meetings : null;
          }, "the listings");
          const at = (text) => bundled.find((m) => m.text.includes(text));
          assert.equal(at("Sprengel Haus").time, "6:30 PM GMT+2");
          assert.equal(at("Los Angeles City College").time, "7:00 PM PDT");
          // An online meeting also in the reader's own clock (00:30 UTC on Saturday).
          const yours = { "America/Los_Angeles": "4:30 PM", "Asia/Tokyo": "Sat 9:30 AM" }[timeZone];
          assert.equal(at("Verso Books office").time, "7:30 PM – 10:00 PM EST");
          assert.equal(at("Verso Books office").yours, ` · ${yours} your time`);

          await load(reader, pageUrl({ feed: "/fixtures/world.json" }));
          const world = await reader.until(() => {
            const s = UMT.shown();
            return s.meetings.length === 7 ? s.meetings : null;
          }, "the world feed's 7 meetings");
          const expect = { colombo: "4:00 PM GMT+5:30", "sao-paulo": "7:30 PM GMT-3", "lord-howe": "6:00 PM GMT+11", berlin: "6:30 PM GMT+1" };
          for (const [id, time] of Object.entries(expect)) {
            const m = WORLD.campaigns[0].meetings.find((m) => m.id === id);
            assert.equal(world.find((w) => w.title === m.title).time, time, `${id}, read in ${timeZone}`);
          }
          assert.match(world.find((w) => w.title === "University of Regina").time, /^9:05 AM\b.* CST$/);
          read[timeZone] = [...bundled, ...world].map(({ title, date, time }) => ({ title, date, time }));
          await noHarm(reader);
        } catch (e) {
          const path = join(SCREENS, `engines-${engine}-zones-${timeZone.replace("/", "-")}-FAILED.png`);
          await reader.screenshot(path).catch(() => {});
          e.message += `\n(${engine}: screenshot ${path})`;
          throw e;
        } finally {
          await reader.close();
        }
      }
      assert.deepEqual(read["Asia/Tokyo"], read["America/Los_Angeles"], "the same dates and times whatever the reader's zone");
    });
  });
}
