// Every zone and language: a feed with meetings in Colombo, São Paulo, Regina, Lord Howe Island
// and Berlin (and one online, and one in Arabic), read in the six languages by readers in four
// zones. Each meeting shows its venue's wall-clock time with the zone's label, the same text
// whatever the reader's zone, and the same text as the static page that `upcoming-meetings
// render` writes natively (ICU4X) for that language; an online meeting adds the reader's own
// time. A right-to-left host page keeps its layout (the widget reads in its own language's direction), and
// feed text takes its own direction.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { FIXED_NOW, VIEWPORTS, harness, noHarm, openPage, screenshot, widgetsReady } from "./harness.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const CLI = resolve(ROOT, "target/release/upcoming-meetings");
const FEED_PATH = resolve(ROOT, "tests/fixtures/world.json");
const FEED = JSON.parse(readFileSync(FEED_PATH, "utf8"));
const LANGS = ["en", "de", "fr", "es", "pt", "tr"];
const READERS = ["Asia/Kolkata", "America/New_York", "Europe/Berlin", "Australia/Sydney"];
const h = harness();

/** The feed's wall-clock hour and minute of a meeting ("2027-01-16T16:00:00+05:30" → [16, 0]). */
function wallClock(id) {
  const start = FEED.campaigns[0].meetings.find((m) => m.id === id).start;
  const [, hh, mm] = start.match(/T(\d\d):(\d\d)/);
  return [Number(hh), Number(mm)];
}

/** How that wall-clock time starts in each language: 12-hour English, one-digit Spanish hours,
 * two-digit hours elsewhere (German, French, Portuguese, Turkish). */
function clockText(lang, [hh, mm]) {
  const m = String(mm).padStart(2, "0");
  if (lang === "en") return `${hh % 12 || 12}:${m} ${hh < 12 ? "AM" : "PM"}`;
  if (lang === "es") return `${hh}:${m}`;
  return `${String(hh).padStart(2, "0")}:${m}`;
}

/** Each meeting's date and time lines, by meeting title, as shown (`root`: a document or a
 * shadow root). The reader's own time is returned apart. */
function readMeetings(page, fromShadow) {
  return page.evaluate((fromShadow) => {
    const root = fromShadow ? document.querySelector("[data-upcoming-meetings]").shadowRoot : document;
    return [...root.querySelectorAll(".um-meeting")].map((li) => {
      const time = li.querySelector(".um-time");
      const yours = time?.querySelector(".um-your-time");
      return {
        title: li.querySelector(".um-title-text").textContent,
        date: li.querySelector(".um-date").textContent,
        time: time ? [...time.childNodes].filter((n) => n !== yours).map((n) => n.textContent).join("") : "",
        yours: yours?.textContent ?? null,
      };
    });
  }, fromShadow);
}

/** The widget's own words on the page, in order: the feed notice's summary and the listings'
 * heading for screen readers (both the static page and the widget show them). */
function readWords(page, fromShadow) {
  return page.evaluate((fromShadow) => {
    const root = fromShadow ? document.querySelector("[data-upcoming-meetings]").shadowRoot : document;
    return [...root.querySelectorAll("h3.um-sr, .um-problems-for")].map((e) => e.textContent);
  }, fromShadow);
}

/** A text of a language file (`locales/<lang>.txt`), read here as a translator wrote it. */
function word(lang, key) {
  const line = readFileSync(resolve(ROOT, `locales/${lang}.txt`), "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${key} = `));
  return line.slice(key.length + 3).trim();
}

const TITLES = { colombo: "Colombo public meeting", "sao-paulo": "Reunião em São Paulo", regina: "University of Regina", "lord-howe": "Lord Howe Island forum", berlin: "Versammlung in Berlin" };
/** Labels a reader of these languages sees, where CLDR has a name (else the offset). */
const LABELS = {
  colombo: () => "GMT+5:30",
  "sao-paulo": (lang) => (lang === "pt" ? "BRT" : "GMT-3"),
  regina: (lang) => (lang === "en" ? "CST" : "GMT-6"),
  "lord-howe": () => "GMT+11",
  berlin: (lang) => ({ de: "MEZ", es: "CET", fr: "GMT+1" })[lang] ?? "GMT+1",
};

for (const lang of LANGS) {
  describe(`in ${lang}`, () => {
    let expected, expectedWords;
    test(`the static page (native) writes each venue's wall-clock time and zone label`, async () => {
      const html = execFileSync(CLI, ["render", FEED_PATH, "--lang", lang, "--now", FIXED_NOW.toISOString()], { encoding: "utf8" });
      const { page, context } = await openPage(h.browser, { javaScriptEnabled: false, now: null });
      await page.setContent(html);
      expected = await readMeetings(page, false);
      expectedWords = await readWords(page, false);
      await context.close();
      assert.deepEqual(expectedWords, [word(lang, "feed_problems_details"), word(lang, "meetings")], "the language's own words");
      assert.equal(expected.length, 7);
      for (const [id, title] of Object.entries(TITLES)) {
        const m = expected.find((e) => e.title === title);
        assert.ok(m, `${id} listed: ${JSON.stringify(expected.map((e) => e.title))}`);
        assert.ok(m.time.startsWith(clockText(lang, wallClock(id))), `${id}: "${m.time}" starts with the venue's ${clockText(lang, wallClock(id))}`);
        assert.ok(m.time.endsWith(` ${LABELS[id](lang)}`), `${id}: "${m.time}" ends with ${LABELS[id](lang)}`);
        assert.ok(/2027/.test(m.date), `${id}: a date "${m.date}"`);
      }
      assert.ok(expected.every((m) => m.yours === null), "a static page has no reader");
    });

    for (const timezoneId of READERS) {
      test(`the widget shows the same for a reader in ${timezoneId}`, async () => {
        const feed = `/fixtures/world.json`;
        const { page, context, seen } = await openPage(h.browser, { timezoneId, viewport: VIEWPORTS.phone });
        // The host page's own language chooses the widget's (Portuguese with its region, pt-BR).
        const pageLang = lang === "pt" ? "pt-BR" : lang;
        await page.route(/\/pages\/plain\.html/, async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, body: (await response.text()).replace('<html lang="en">', `<html lang="${pageLang}">`) });
        });
        await page.goto(h.page(feed));
        await widgetsReady(page);
        const shown = await readMeetings(page, true);
        assert.deepEqual(
          shown.map(({ title, date, time }) => ({ title, date, time })),
          expected.map(({ title, date, time }) => ({ title, date, time })),
          "the widget's text is the static page's",
        );
        // Its words too: English's are in the wasm, the others' come from locales/<lang>.txt.
        assert.deepEqual(await readWords(page, true), expectedWords, "the widget's words are the static page's");
        // The online meeting (19:00 in Berlin, 18:00 UTC) in the reader's own clock.
        const online = shown.find((m) => m.title === "Online lecture");
        const readersClock = await page.evaluate(
          (lang) => new Intl.DateTimeFormat(lang, { timeStyle: "short" }).format(new Date("2027-01-20T18:00:00Z")),
          lang,
        );
        if (timezoneId === "Europe/Berlin") {
          assert.equal(online.yours, null, "a reader in Berlin reads the venue's clock");
        } else {
          assert.ok(online.yours?.startsWith(" · "), `your time after the venue's: ${online.yours}`);
          assert.ok(online.yours.includes(readersClock), `${online.yours} has ${readersClock}`);
        }
        assert.ok(shown.filter((m) => m.title !== "Online lecture").every((m) => m.yours === null), "only the online meeting");
        noHarm(seen);
        await context.close();
      });
    }
  });
}

describe("words beside the wasm", () => {
  /** Opens the plain page with the world feed, and `lang` as its `<html lang>` or (`on`:
   * "element") as its widget's data-lang; what the server was asked for in locales/. */
  async function open(lang, on = "page") {
    const { page, context, seen } = await openPage(h.browser, { timezoneId: "Europe/Berlin" });
    await page.route(/\/pages\/plain\.html/, async (route) => {
      const response = await route.fetch();
      const [from, to] =
        on === "page"
          ? ['<html lang="en">', `<html lang="${lang}">`]
          : ["<div data-upcoming-meetings", `<div data-upcoming-meetings data-lang="${lang}"`];
      await route.fulfill({ response, body: (await response.text()).replace(from, to) });
    });
    h.server.state.requests.length = 0;
    await page.goto(h.page("/fixtures/world.json"));
    await widgetsReady(page);
    const asked = h.server.state.requests.filter((r) => r.startsWith("/locales/"));
    return { page, context, seen, asked };
  }

  test("a German widget fetches its words once, beside the feed; an English one fetches none", async () => {
    // data-lang="de": the loader fetches the words beside the feed, for the first screen, and
    // hands them to the app, which fetches them no more.
    const de = await open("de", "element");
    assert.deepEqual(de.asked, ["/locales/de.txt"], "once, for both stages");
    assert.equal((await readWords(de.page, true))[1], word("de", "meetings"));
    const crashed = await de.page.evaluate(() => document.querySelector("[data-upcoming-meetings]").dataset.umCrashed);
    assert.equal(crashed, word("de", "crashed"), "the message shown if it ever crashes, in German");
    noHarm(de.seen);
    await de.context.close();
    const en = await open("en-GB");
    assert.deepEqual(en.asked, [], "English is in the wasm");
    assert.equal((await readWords(en.page, true))[1], word("en", "meetings"));
    noHarm(en.seen);
    await en.context.close();
  });

  test("when its words cannot be loaded, a German widget shows its listings in English words and German dates", async () => {
    h.server.state.broken.add("/locales/de.txt");
    try {
      const { page, context, seen, asked } = await open("de");
      assert.deepEqual(asked, ["/locales/de.txt"], "asked once, not again");
      assert.equal((await readWords(page, true))[1], word("en", "meetings"));
      const berlin = (await readMeetings(page, true)).find((m) => m.title === "Versammlung in Berlin");
      assert.equal(berlin.date, "Dienstag, 19. Januar 2027", "dates still in German (the browser writes them)");
      assert.equal(await page.evaluate(() => document.querySelector("[data-upcoming-meetings]").dataset.umCrashed), word("en", "crashed"));
      noHarm(seen);
      await context.close();
    } finally {
      h.server.state.broken.delete("/locales/de.txt");
    }
  });
});

describe("right to left", () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    test(`a right-to-left page keeps its layout at ${viewport.width} px, feed text in its own direction`, async () => {
      const { page, context, seen } = await openPage(h.browser, { viewport, timezoneId: "Asia/Beirut" });
      await page.goto(`${h.server.url}/pages/rtl.html?feed=${encodeURIComponent("/fixtures/world.json")}`);
      await widgetsReady(page);
      const layout = await page.evaluate(() => {
        const root = document.querySelector("[data-upcoming-meetings]").shadowRoot;
        const dir = (text) => {
          const el = [...root.querySelectorAll(".um-title-text")].find((e) => e.textContent.startsWith(text));
          return getComputedStyle(el).direction;
        };
        const box = document.querySelector("[data-upcoming-meetings]").getBoundingClientRect();
        return {
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          within: box.left >= 0 && box.right <= document.documentElement.clientWidth + 0.5,
          widgetDir: getComputedStyle(root.querySelector(".um")).direction,
          arabic: dir("اجتماع"),
          latin: dir("Colombo"),
          cards: root.querySelectorAll("article").length,
          time: root.querySelector(".um-time").textContent,
        };
      });
      assert.equal(layout.overflow, 0, "nothing wider than the page");
      assert.ok(layout.within, "the widget inside the page");
      assert.equal(layout.widgetDir, "ltr", "the widget reads in its own language's direction (English here), not the page's");
      assert.equal(layout.time, "4:00 PM GMT+5:30", "its times keep their order");
      assert.equal(layout.arabic, "rtl", "an Arabic title reads right to left");
      assert.equal(layout.latin, "ltr", "a Latin title reads left to right, in a right-to-left page");
      assert.equal(layout.cards, 1);
      await screenshot(page, `rtl-${name}`);
      noHarm(seen);
      await context.close();
    });
  }
});
