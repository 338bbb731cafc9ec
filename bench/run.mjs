// `make bench`: the widget measured on a slow phone against the fastest possible page, the
// static page of the same feed rendered by `upcoming-meetings render`, and against a plain
// JavaScript widget (bench/plain-widget.js); the layout shift it causes on a host page; how still
// a meeting stays once scrolled to, in Chromium, Firefox and WebKit, as the widget loads and as
// the app takes over the first screen; the latency of a city choice made with real input; and
// Lighthouse's scores. Prints a table,
// each figure beside its budget, and writes it into bench/results.md (between the RESULTS
// markers; the rest of that file is kept).
//
// Expects `make bench` to have built dist/ (release) and target/release/upcoming-meetings.
// Firefox and WebKit (section 8 only) are driven through tests/engines.mjs.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { cpus, totalmem } from "node:os";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { hold, startServer } from "../tools/server.mjs";
import { CHROMIUM_ARGS, ENGINES, openEngine } from "../tests/engines.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "bench/out");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LH_RUNS = 3;
// BENCH_ONLY=load,filter runs only those sections (of bytes, load, filter, shift, move, takeover, choose,
// lighthouse), prints them and leaves bench/results.md alone: for measuring one change quickly.
const ONLY = process.env.BENCH_ONLY?.split(",");
// BENCH_BEFORE=<a dist/ folder of an earlier build> adds its two-line snippet to section 2, for
// figures measured against it in the same run (it is served under /before/).
const BEFORE = process.env.BENCH_BEFORE;
const wanted = (section) => !ONLY || ONLY.includes(section);
const NOW = "2026-12-01T12:00:00Z";
const PHONE = {
  cpu: 4, // CPU slowed 4×
  network: { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
};
const SIZE_BUDGET = JSON.parse(readFileSync(join(ROOT, "tests/size-budget.json"), "utf8"));
const BUDGET = {
  // Everything transferred before the bundled page's first card, the page and the feed included;
  // and of it the first-paint path, the loader, the first-paint module, its glue and the
  // stylesheet (the parts' exact budgets, which `make test` holds: tests/size-budget.json).
  gzipTotal: 60 * 1024,
  firstPaint: SIZE_BUDGET.stages["first paint"].goal,
  // First card against the static page: the two-line snippet from cold, bundled feed; at 5,000
  // meetings against the plain JavaScript widget; the shipped page against the static page.
  snippetRatio: { bundled: 1.7 },
  plainRatio: { 5000: 1.0 },
  pageRatio: 1.3,
  // The app live (the loader's upcoming-meetings:live mark: a tap is the app's), bundled feed, at
  // most 1.1× the snippet's first card before issue 34, which was 3.95× the static page
  // (bench/results.md, run of 2026-12-05 20:10): against this run's static page.
  liveRatio: 1.1 * 3.95,
  filterMedian: 16,
  filterWorst: 33,
  backToAll: 50,
  parseAndIndex: 100,
  // As the app takes over the first screen, in every engine: layout shift (Chromium) and how far
  // a meeting scrolled to moves.
  takeoverShift: 0,
  takeoverMove: 0,
  layoutShift: 0.05,
  // A plain chapter page with the two-line snippet and no CSS of its own for the widget.
  chapterShift: 0.01,
  // A meeting scrolled to: how far it moves while it is centred and in the 2 s after, per engine.
  movement: 4,
  // A city chosen with real input (Enter), CPU 4× slower: the Event Timing duration (what INP
  // is made of), and keydown to the second frame after it.
  chooseEventWorst: 100,
  chooseFrameMedian: 50,
  inp: 100,
  lighthouse: 95,
  memory: 30 * 1024 * 1024,
};

mkdirSync(OUT, { recursive: true });
copyFileSync(join(ROOT, "bench/plain-widget.js"), join(OUT, "plain-widget.js"));
const log = (...a) => console.error("bench:", ...a);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${Math.round(n)} ms`;

// ---------------------------------------------------------------- the pages
// Every generated page pins the widget's clock itself (an inline script before the loader), so
// that it works the same in every engine, whatever the driver can inject.
const PIN_NOW = `<script>globalThis.UPCOMING_MEETINGS_NOW = "${NOW}";</script>`;
const tool = join(ROOT, "target/release/upcoming-meetings");
function render(feed, args) {
  return execFileSync(tool, ["render", feed, "--now", NOW, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}
log("generating the 5,000-meeting feed and the pages");
execFileSync("node", [join(ROOT, "bench/gen-feed.mjs"), join(OUT, "feed-5000.json")], { stdio: "inherit" });
const FEEDS = { bundled: { file: join(ROOT, "public/feed.json"), url: "/feed.json" }, "5000": { file: join(OUT, "feed-5000.json"), url: "/bench/feed-5000.json" } };
const distIndex = readFileSync(join(ROOT, "dist/index.html"), "utf8");
for (const [name, feed] of Object.entries(FEEDS)) {
  writeFileSync(join(OUT, `static-${name}.html`), render(feed.file, []));
  // The shipped page (dist/index.html) built for this feed: pre-rendered, then the widget.
  const widget = `<div data-upcoming-meetings data-feed="${feed.url}" data-city-param="city">${render(feed.file, ["--prerender"])}</div>`;
  writeFileSync(
    join(OUT, `page-${name}.html`),
    // (The release page is minified: no <head> tag, attributes unquoted and in any order.)
    distIndex.replace(/(<html[^>]*>)/, '$1<base href="/">').replace(/<div [^>]*data-upcoming-meetings[\s\S]*<\/div>(\s*<\/main>)/, `${widget}$1`),
  );
  // The two-line snippet (README) on a bare page: the widget alone, from cold.
  writeFileSync(
    join(OUT, `snippet-${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Snippet</title>${PIN_NOW}</head>` +
      `<body><h1>Upcoming meetings</h1><script src="/upcoming-meetings.js"></script><div data-upcoming-meetings data-feed="${feed.url}"></div></body></html>`,
  );
  // An earlier build's two-line snippet (BENCH_BEFORE), on the same bare page.
  writeFileSync(
    join(OUT, `before-${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Snippet</title>${PIN_NOW}</head>` +
      `<body><h1>Upcoming meetings</h1><script src="/before/upcoming-meetings.js"></script><div data-upcoming-meetings data-feed="${feed.url}"></div></body></html>`,
  );
  // The same bare page with the plain JavaScript widget, and the widget's stylesheet.
  const css = readdirSync(join(ROOT, "dist")).find((f) => /^widget-[0-9a-f]+\.css$/.test(f));
  writeFileSync(
    join(OUT, `plain-${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Plain JavaScript</title>${PIN_NOW}<link rel="stylesheet" href="/${css}"></head>` +
      `<body><h1>Upcoming meetings</h1><div class="um" data-upcoming-meetings data-plain-widget data-feed="${feed.url}"></div><script src="/bench/plain-widget.js"></script></body></html>`,
  );
}

// A plain chapter page as a chapter would write it: no CSS at all (none keeps room for the
// widget), some text, the two-line snippet with the bundled feed, more text below it, a footer.
const LOREM = [
  "The International Youth and Students for Social Equality holds regular meetings on campus and in the city. Everyone is welcome: come along, ask questions and get involved in the discussion.",
  "Our meetings take up the great questions of our time: war, the attacks on democratic rights, social inequality and the crisis of the profit system, and the way forward for young people and workers.",
  "Each lecture is followed by a discussion. Bring your friends and classmates; there is no fee, and no need to sign up in advance, though the RSVP helps us to find a room of the right size.",
  "If you cannot come in person, several of the lectures are also streamed. Write to us to receive the link, or to ask about holding a meeting at your own school or workplace.",
  "The chapter was founded by students who wanted an answer to the crises they saw around them. Since then it has held meetings every term, with speakers from across the country and abroad.",
  "Read our statements and the coverage of our meetings on the news pages, and follow the chapter to hear about new meetings as soon as they are planned.",
];
writeFileSync(
  join(OUT, "chapter-bundled.html"),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>IYSSE at Wayne State University</title>${PIN_NOW}</head>\n` +
    `<body>\n<h1>Meetings of the IYSSE at Wayne State University</h1>\n<p>${LOREM[0]}</p>\n<p>${LOREM[1]}</p>\n` +
    `<script src="/upcoming-meetings.js"></script>\n<div data-upcoming-meetings data-feed="/feed.json"></div>\n` +
    LOREM.map((p) => `<p>${p}</p>\n`).join("") +
    `<footer><p>IYSSE at Wayne State University · Student Center, 5221 Gullen Mall, Detroit, MI 48202</p></footer>\n</body></html>\n`,
);

// A sheet (CSV) feed, the README's example, in the two-line snippet (and an earlier build's).
copyFileSync(join(ROOT, "tests/fixtures/import/chapter-sheet.csv"), join(OUT, "chapter-sheet.csv"));
for (const [name, loader] of [["sheet", "/upcoming-meetings.js"], ["sheet-before", "/before/upcoming-meetings.js"]]) {
  writeFileSync(
    join(OUT, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Snippet</title>${PIN_NOW}</head>` +
      `<body><h1>Upcoming meetings</h1><script src="${loader}"></script><div data-upcoming-meetings data-time-zone="America/Detroit" data-feed="/bench/chapter-sheet.csv"></div></body></html>`,
  );
}

const server = await startServer({ compress: true, mounts: { "/bench/": "bench/out", ...(BEFORE ? { "/before/": BEFORE } : {}) } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
const chromiumVersion = browser.version();

// ---------------------------------------------------------------- 1. bytes
log("bytes of the bundled page's first load");
// What the page asked for before the widget's first card (all of which it needs for that card),
// and after it: the app, fetched once the first screen is painted and the page is idle.
const loaded = [];
let beforeCard = [];
if (wanted("bytes")) {
  const page = await browser.newPage();
  page.on("request", (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto(server.url + "/");
  await page.waitForFunction(() => document.querySelector("[data-upcoming-meetings]")?.shadowRoot?.querySelector("article"));
  beforeCard = [...new Set(loaded)];
  await page.waitForLoadState("networkidle");
  await page.close();
}
const sized = (path) => {
  const raw = readFileSync(join(ROOT, "dist", path === "/" ? "index.html" : path.slice(1)));
  return {
    path: path === "/" ? "/index.html" : path,
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const files = beforeCard.map(sized);
const laterFiles = [...new Set(loaded)].filter((p) => !beforeCard.includes(p)).map(sized);
const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
// The first-paint path: the loader, the first-paint module and its glue, the stylesheet.
const firstPaint = files
  .filter((f) => /^\/(upcoming-meetings\.js|upcoming-meetings-paint-.*|widget-.*\.css)$/.test(f.path))
  .reduce((t, f) => t + f.gzip, 0);

// ---------------------------------------------------------------- 2. timings
const PROBE = `(() => {
  const b = (window.__bench = { first: null, all: null, live: null, done: false });
  let firstSeen = false, allSeen = false, parsed = false;
  document.addEventListener("DOMContentLoaded", () => (parsed = true));
  const host = () => document.querySelector("[data-upcoming-meetings]");
  const shows = (el) => !!el && el.getBoundingClientRect().height > 0;
  const card = () => shows(document.querySelector("article.um-card")) || shows(host()?.shadowRoot?.querySelector("article.um-card"));
  // A static page has every meeting once parsed; a widget once its own listings are in.
  const all = () => (host() ? performance.getEntriesByName("upcoming-meetings:listings").length > 0 : parsed);
  const frame = () => {
    const now = performance.now();
    // Stamped in the frame after the one that rendered it: that frame has been painted.
    if (firstSeen && b.first === null) b.first = now;
    if (allSeen && b.all === null) b.all = now;
    if (!firstSeen && document.body && card()) firstSeen = true;
    if (!allSeen && all()) allSeen = true;
    // The app live: the loader's mark, in the frame after it.
    if (b.live === null && performance.getEntriesByName("upcoming-meetings:live").length > 0) b.live = now;
    const loader = document.querySelector("script[src$='upcoming-meetings.js']:not([src^='/before/'])");
    if (b.first !== null && b.all !== null && (b.live !== null || !loader)) b.done = true;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

async function phonePage({ throttleNetwork = true, width = 360 } = {}) {
  const mobile = width < 600;
  const viewport = mobile ? { width, height: 740 } : { width, height: 900 };
  const context = await browser.newContext({ viewport, deviceScaleFactor: mobile ? 2 : 1, isMobile: mobile, hasTouch: mobile });
  const page = await context.newPage();
  // The widget's own clock pin (src/edge/clock.rs): the static pages are rendered at NOW too.
  await page.addInitScript(`globalThis.UPCOMING_MEETINGS_NOW = "${NOW}";`);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttleNetwork) await cdp.send("Network.emulateNetworkConditions", PHONE.network);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpu });
  return { context, page, cdp };
}

async function timeLoad(path) {
  const { context, page } = await phonePage();
  await page.addInitScript(PROBE);
  await page.goto(server.url + path, { waitUntil: "commit", timeout: 600_000 });
  // A page that misses a file would never finish: fail at once, saying which.
  const missing = new Promise((_, reject) => page.on("response", (r) => r.status() >= 400 && reject(new Error(`${path}: HTTP ${r.status()} for ${r.url()}`))));
  missing.catch(() => {});
  await Promise.race([page.waitForFunction(() => window.__bench?.done, null, { timeout: 600_000, polling: 250 }), missing]);
  const result = await page.evaluate(() => ({
    ...window.__bench,
    parse: performance.getEntriesByName("upcoming-meetings:parse")[0]?.duration ?? null,
    index: performance.getEntriesByName("upcoming-meetings:index")[0]?.duration ?? null,
    // The first-paint module's own reading of the feed.
    paintParse: performance.getEntriesByName("upcoming-meetings:paint-parse")[0]?.duration ?? null,
    paintIndex: performance.getEntriesByName("upcoming-meetings:paint-index")[0]?.duration ?? null,
    // The page's own first paint (its heading and text): what the widget's downloads must not delay.
    paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
  }));
  await context.close();
  return result;
}

const timings = {};
const KINDS = ["static", "page", "snippet", "plain", ...(BEFORE ? ["before"] : [])];
if (wanted("load")) for (const feed of Object.keys(FEEDS)) {
  for (const kind of KINDS) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      // Interleave kinds run by run? Each kind's runs are back to back; the machine is shared,
      // so the table quotes medians and ratios from this one run of the benchmark.
      runs.push(await timeLoad(`/bench/${kind}-${feed}.html`));
    }
    const of = (key) => (runs[0][key] === null ? null : median(runs.map((r) => r[key])));
    timings[`${kind}-${feed}`] = {
      first: median(runs.map((r) => r.first)),
      all: median(runs.map((r) => r.all)),
      paint: median(runs.map((r) => r.paint)),
      live: of("live"),
      parse: of("parse"),
      index: of("index"),
      paintParse: of("paintParse"),
      paintIndex: of("paintIndex"),
    };
    log(`${kind}-${feed}: first ${ms(timings[`${kind}-${feed}`].first)}, all ${ms(timings[`${kind}-${feed}`].all)} (median of ${RUNS})`);
  }
}

// A sheet (CSV) feed's first card: this build's snippet, and an earlier one's (BENCH_BEFORE).
const sheets = {};
if (wanted("load")) for (const name of ["sheet", ...(BEFORE ? ["sheet-before"] : [])]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timeLoad(`/bench/${name}.html`));
  sheets[name] = { first: median(runs.map((r) => r.first)), live: runs[0].live === null ? null : median(runs.map((r) => r.live)) };
  log(`${name}: first ${ms(sheets[name].first)} (median of ${RUNS})`);
}

// The floor of any reader of that text in this page: the browser's own JSON.parse of it, on the
// same slow phone.
let jsonParse = null;
if (wanted("load")) {
  const { context, page } = await phonePage({ throttleNetwork: false });
  await page.goto(server.url + "/bench/static-bundled.html");
  jsonParse = await page.evaluate(async (url) => {
    const text = await (await fetch(url)).text();
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      JSON.parse(text);
      runs.push(performance.now() - start);
    }
    return runs.sort((a, b) => a - b)[2];
  }, FEEDS["5000"].url);
  await context.close();
  log(`JSON.parse of the 5,000-meeting feed: ${ms(jsonParse)} (median of 5)`);
}

// ---------------------------------------------------------------- 3. filter, 4. memory
log("city filter latency and memory at 5,000 meetings");
const filter = { changes: [], backToAll: null };
let memory;
if (wanted("filter")) {
  const { context, page, cdp } = await phonePage({ throttleNetwork: false });
  await page.goto(server.url + "/bench/snippet-5000.html");
  // Every meeting in: 25 campaigns, the first 20 of each (the widget brings them in by steps).
  await page.waitForFunction(() => document.querySelector("[data-upcoming-meetings]").shadowRoot?.querySelectorAll(".um-meeting").length === 500, null, { timeout: 120_000 });
  // The city labels, read from the city list (open once, then closed with Escape).
  const field = page.locator("[data-upcoming-meetings] input[role=combobox]");
  await field.click();
  const labels = await page.evaluate(() =>
    [...document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelectorAll("[role=option]")].slice(1).map((o) => o.firstChild.textContent.replace(/ \(\d+\)$/, "")),
  );
  await field.press("Escape");
  const step = Math.floor(labels.length / 20);
  // A change as a visitor makes it: the city's name typed into the field (not timed), then Enter,
  // timed from its keydown to the next frame painted.
  const change = (label) =>
    page.evaluate(
      (label) =>
        new Promise((done) => {
          const field = document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelector("input[role=combobox]");
          field.focus();
          field.value = label;
          field.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
          requestAnimationFrame(() =>
            setTimeout(() => {
              const start = performance.now();
              field.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true, cancelable: true }));
              // The next frame's callbacks run before it paints; a task queued from there runs after.
              requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0));
            }, 0),
          );
        }),
      label,
    );
  for (let i = 0; i < 20; i++) filter.changes.push(await change(labels[i * step]));
  filter.backToAll = await change("");

  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  // The wasm's memory, from its exports: the JS glue the loader imported (the same URL, so the
  // same module, already started) gives them.
  const wasm = await page.evaluate(async () => {
    const loader = await (await fetch("/upcoming-meetings.js")).text();
    const glue = await import("/" + loader.match(/upcoming-meetings-app-[0-9a-f]+\.js/)[0]);
    return (await glue.default()).memory.buffer.byteLength;
  });
  const listed = await page.evaluate(() => document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelectorAll(".um-meeting").length);
  memory = { js: metrics.JSHeapUsedSize, wasm, nodes: metrics.Nodes, listed };
  await context.close();
}
// ---------------------------------------------------------------- 6. layout shift
log("layout shift of embed-example.html and of a plain chapter page while the widget loads");
const SHIFT_PROBE = `(() => {
  window.__shift = 0;
  window.__shifts = []; // for the log: when, how much, and what moved where
  const what = (n) => !n ? "?" : n.nodeType !== 1 ? n.nodeName : n.localName + (typeof n.className === "string" && n.className ? "." + n.className.trim().split(/\\s+/)[0] : "");
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) {
      window.__shift += e.value;
      window.__shifts.push(e.value.toFixed(3) + " at " + Math.round(e.startTime) + " ms: " + e.sources.map((s) => what(s.node) + " y " + Math.round(s.previousRect.y) + "→" + Math.round(s.currentRect.y) + " h " + Math.round(s.previousRect.height) + "→" + Math.round(s.currentRect.height)).join(", "));
    }
  }).observe({ type: "layout-shift", buffered: true });
})();`;
// Every widget of the page shows its listings (the widget's own mark), and they are laid out.
const listingsIn = () =>
  performance.getEntriesByName("upcoming-meetings:listings").length > 0 &&
  [...document.querySelectorAll("[data-upcoming-meetings]")].every((h) => [...(h.shadowRoot?.querySelectorAll("article") ?? [])].some((a) => a.getBoundingClientRect().height > 0));
// And every meeting is in: the widget brings long listings in a step at a time, one step per
// painted frame, so the listings are complete once the number of meetings in the page has stayed
// the same for 20 frames in a row. Resolves to that number, or 0 if it is still changing after
// 10 s (ask again). Runs in any engine.
async function listingsStill({ frames = 20, within = 10_000 } = {}) {
  const count = () => [...document.querySelectorAll("[data-upcoming-meetings]")].reduce((n, h) => n + (h.shadowRoot?.querySelectorAll(".um-meeting").length ?? 0), 0);
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  const end = performance.now() + within;
  let last = -1, same = 0;
  while (performance.now() < end) {
    await frame();
    const n = count();
    if (n !== last) (last = n), (same = 0);
    else if (++same >= frames) return n;
  }
  return 0;
}
async function allListings(page, timeout = 180_000) {
  await page.waitForFunction(listingsIn, null, { timeout, polling: 100 });
  const end = Date.now() + timeout;
  while (!(await page.evaluate(listingsStill))) if (Date.now() > end) throw new Error("the listings never stopped changing");
}
const SHIFT_PAGES = { "embed-example.html": { path: "/embed-example.html", budget: BUDGET.layoutShift }, "chapter page": { path: "/bench/chapter-bundled.html", budget: BUDGET.chapterShift } };
const shifts = {};
if (wanted("shift")) for (const [name, { path }] of Object.entries(SHIFT_PAGES)) for (const width of [360, 1280]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await phonePage({ width });
    await page.addInitScript(SHIFT_PROBE);
    await page.goto(server.url + path, { waitUntil: "commit", timeout: 600_000 });
    // Laid out and painted (20 frames without a new meeting), then the second that the budget counts.
    await allListings(page, 600_000);
    await page.waitForTimeout(1000);
    const { shift, entries } = await page.evaluate(() => ({ shift: window.__shift, entries: window.__shifts }));
    runs.push(shift);
    if (entries.length) log(`layout shifts of ${name} at ${width} px, run ${i + 1}: ${entries.join("; ")}`);
    await context.close();
  }
  shifts[`${name} ${width}`] = { name, width, value: median(runs), runs };
  log(`layout shift of ${name} at ${width} px: ${median(runs).toFixed(3)} (median of ${RUNS}: ${runs.map((r) => r.toFixed(3)).join(", ")})`);
}

// ---------------------------------------------------------------- 8. movement of a meeting scrolled to
// In Chromium, Firefox and WebKit (tests/engines.mjs drives the last two; Chromium here is this
// script's own playwright), no throttling: once the listings are in, the "Details & RSVP" button
// at 60 % of the list is scrolled to the middle of the window with window.scrollBy and its
// getBoundingClientRect (scrollIntoView does nothing in WebKit for content in a skipped
// content-visibility subtree). Content above it may change size as it is laid out on the way:
// each frame, while the button is more than 2 px off the middle, it is aimed at again (counted);
// from the first frame where it is within 2 px (the first settle), its top is sampled every
// animation frame for 2 s, and the figure is the largest deviation from where the last aim put it.
const MOVE_PAGES = { "chapter page (bundled)": "/bench/chapter-bundled.html", "5,000 meetings": "/bench/snippet-5000.html" };
const MOVE_RUNS = Math.min(RUNS, 3);
const MOVE_ZONE = "America/Detroit";
// Runs inside the page, in any engine: self-contained, one JSON-able argument and result.
async function moveProbe({ fraction }) {
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  const host = document.querySelector("[data-upcoming-meetings]");
  // The buttons shown (not in a list kept hidden), by the DOM alone: Chromium gives no client
  // rects for some buttons in a skipped content-visibility subtree.
  const buttons = [...host.shadowRoot.querySelectorAll("button.um-rsvp")].filter((b) => !b.closest("[hidden]"));
  const index = Math.floor(buttons.length * fraction);
  const button = buttons[index];
  if (!button) return { error: `no button ${index} of ${buttons.length}` };
  const top = () => button.getBoundingClientRect().top;
  const off = () => {
    const r = button.getBoundingClientRect();
    return r.top + r.height / 2 - innerHeight / 2;
  };
  // Aims: returns false when the window could not scroll (the page's end), leaving it there.
  const aim = () => {
    const before = scrollY;
    scrollBy(0, off());
    return scrollY !== before || Math.abs(off()) <= 2;
  };
  await frame();
  const startY = scrollY;
  let aims = 1;
  let clamped = !aim();
  let base = top();
  // Before the first settle: the largest distance from where the latest aim put it (each aim puts
  // it at the middle, so this is how far from the middle it went before it stayed there).
  let drift = 0;
  let settled = clamped;
  for (let f = 0; !settled && f < 300; f++) {
    await frame();
    drift = Math.max(drift, Math.abs(top() - base));
    if (Math.abs(off()) <= 2) settled = true;
    else {
      aims++;
      clamped = !aim();
      base = top();
      if (clamped) settled = true;
    }
  }
  // The first settle: 2 s of frames, each frame's top against where the last aim put it.
  let moved = 0, frames = 0, movedAt = null;
  const t0 = performance.now();
  while (performance.now() - t0 < 2000) {
    await frame();
    frames++;
    const d = Math.abs(top() - base);
    if (d > moved) (moved = d), (movedAt = Math.round(performance.now() - t0));
  }
  return { index, of: buttons.length, aims, drift, moved, worst: Math.max(drift, moved), movedAt, clamped, settled, offAtEnd: off(), frames, scrolled: Math.round(scrollY - startY), innerWidth, innerHeight };
}
// This script's Chromium behind the same interface as tests/engines.mjs's openEngine.
async function chromiumEngine({ width, height, timeZone, init }) {
  const context = await browser.newContext({ viewport: { width, height }, timezoneId: timeZone });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  return {
    goto: (url) => page.goto(url, { timeout: 120_000 }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    innerWidth: () => page.evaluate(() => innerWidth),
    close: () => context.close(),
  };
}
// Without throttling a widget shows its listings in seconds: a minute means it never will (a 404,
// dist/ rebuilt under the server), and the cell says so.
async function until(p, fn, what, timeout = 60_000) {
  const end = Date.now() + timeout;
  while (!(await p.evaluate(fn))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
const movement = [];
if (wanted("move")) {
  log("movement of a meeting scrolled to, in Chromium, Firefox and WebKit");
  for (const engine of ENGINES) {
    for (const width of [1280, 360]) {
      const height = width < 600 ? 740 : 900;
      const cell = (page, extra) => movement.push({ engine, width, page, ...extra });
      let p;
      try {
        p = engine === "chromium" ? await chromiumEngine({ width, height, timeZone: MOVE_ZONE }) : await openEngine(engine, { width, height, timeZone: MOVE_ZONE, now: NOW });
      } catch (e) {
        for (const page of Object.keys(MOVE_PAGES)) cell(page, { error: `${engine} did not start: ${e.message.split("\n")[0]}` });
        continue;
      }
      try {
        for (const [page, path] of Object.entries(MOVE_PAGES)) {
          const runs = [];
          try {
            for (let i = 0; i < MOVE_RUNS; i++) {
              // A new address each run: a fresh document, never a restored scroll position.
              await p.goto(`${server.url}${path}?run=${i}`);
              await until(p, listingsIn, `the listings of ${path} in ${engine}`);
              await until(p, listingsStill, `every meeting of ${path} in ${engine}`);
              await p.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 250)))));
              const r = await p.evaluate(moveProbe, { fraction: 0.6 });
              if (r.error) throw new Error(r.error);
              runs.push(r);
              log(`move ${engine} ${width} px (innerWidth ${r.innerWidth}) ${page} run ${i + 1}: button ${r.index + 1} of ${r.of}, ${r.aims} aim(s), drift ${r.drift.toFixed(1)} px before settling${r.clamped ? " (page end)" : ""}${r.settled ? "" : " (never settled)"}, then moved ${r.moved.toFixed(1)} px (largest at ${r.movedAt} ms) over ${r.frames} frames`);
            }
            cell(page, { runs, innerWidth: runs[0].innerWidth, worst: median(runs.map((r) => r.worst)), moved: median(runs.map((r) => r.moved)), aims: median(runs.map((r) => r.aims)), drift: median(runs.map((r) => r.drift)) });
          } catch (e) {
            cell(page, { error: e.message.split("\n")[0], runs });
            log(`move ${engine} ${width} px ${page}: ${e.message.split("\n")[0]}`);
          }
        }
      } finally {
        await p.close().catch(() => {});
      }
    }
  }
}

// ---------------------------------------------------------------- 10. the app taking over
// In Chromium, Firefox and WebKit, no throttling: the app held back by the server until the first
// screen is painted and the reader has scrolled the "Details & RSVP" button at 60 % of the list to
// the middle of the window; then the page lets the app come (it asks /bench/release-app), and the
// button at that place (the app's, once it has taken over: the same markup) is read every
// animation frame until the widget is live and 60 frames after. In Chromium also the layout
// shift (every `layout-shift` entry without recent input) from the release on.
const BUILT = readFileSync(join(ROOT, "dist/upcoming-meetings.js"), "utf8");
const APP_FILES = ["app", "appWasm"].map((k) => "/" + BUILT.match(new RegExp(`\\b${k}:\\s*"([^"]+)"`))[1]);
async function takeoverProbe({ fraction }) {
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  const host = document.querySelector("[data-upcoming-meetings]");
  const buttons = () => [...host.shadowRoot.querySelectorAll("button.um-rsvp")].filter((b) => !b.closest("[hidden]"));
  const index = Math.floor(buttons().length * fraction);
  if (!buttons()[index]) return { error: `no button ${index} of ${buttons().length}` };
  const top = () => buttons()[index].getBoundingClientRect().top;
  scrollBy(0, top() - innerHeight / 2);
  await frame();
  await frame();
  const start = top();
  const painted = buttons()[index];
  const shiftFrom = window.__shift ?? null;
  await fetch("/bench/release-app");
  let worst = 0, after = 0, frames = 0;
  const t0 = performance.now();
  while (after < 60 && performance.now() - t0 < 30_000) {
    await frame();
    frames++;
    worst = Math.max(worst, Math.abs(top() - start));
    if (host.hasAttribute("data-um-live")) after++;
  }
  return { index, of: buttons().length, start, worst, frames, live: after > 0, replaced: !painted.isConnected, shift: shiftFrom === null ? null : window.__shift - shiftFrom, innerWidth };
}
const takeovers = [];
if (wanted("takeover")) {
  log("the app taking over the first screen, in Chromium, Firefox and WebKit");
  for (const engine of ENGINES) {
    for (const width of [1280, 360]) {
      const height = width < 600 ? 740 : 900;
      let p;
      try {
        p = engine === "chromium" ? await chromiumEngine({ width, height, timeZone: MOVE_ZONE, init: SHIFT_PROBE }) : await openEngine(engine, { width, height, timeZone: MOVE_ZONE, now: NOW });
      } catch (e) {
        for (const page of Object.keys(MOVE_PAGES)) takeovers.push({ engine, width, page, error: `${engine} did not start: ${e.message.split("\n")[0]}` });
        continue;
      }
      try {
        for (const [page, path] of Object.entries(MOVE_PAGES)) {
          const runs = [];
          try {
            for (let i = 0; i < MOVE_RUNS; i++) {
              const app = hold(server.state, (path) => APP_FILES.includes(path));
              server.state.routes.set("/bench/release-app", (req, res) => {
                app.release();
                res.writeHead(204).end();
              });
              try {
                await p.goto(`${server.url}${path}?run=${i}`);
                await until(p, () => !!document.querySelector("[data-upcoming-meetings]")?.shadowRoot?.querySelector("article"), `the first screen of ${path} in ${engine}`);
                const r = await p.evaluate(takeoverProbe, { fraction: 0.6 });
                if (r.error) throw new Error(r.error);
                if (!r.live) throw new Error(`the app did not take ${path} over in ${engine}`);
                runs.push(r);
                log(`takeover ${engine} ${width} px ${page} run ${i + 1}: button ${r.index + 1} of ${r.of}${r.replaced ? " (replaced by the app's)" : ""}, moved ${r.worst.toFixed(1)} px over ${r.frames} frames${r.shift === null ? "" : `, layout shift ${r.shift.toFixed(3)}`}`);
              } finally {
                app.release();
              }
            }
            takeovers.push({ engine, width, page, runs, innerWidth: runs[0].innerWidth, worst: Math.max(...runs.map((r) => r.worst)), shift: runs[0].shift === null ? null : Math.max(...runs.map((r) => r.shift)) });
          } catch (e) {
            takeovers.push({ engine, width, page, error: e.message.split("\n")[0], runs });
            log(`takeover ${engine} ${width} px ${page}: ${e.message.split("\n")[0]}`);
          }
        }
      } finally {
        await p.close().catch(() => {});
      }
    }
  }
}

// ---------------------------------------------------------------- 9. choosing a city with real input
// Chromium, CPU 4× slower, at 1280 and 360 px, at 5,000 meetings and on the bundled feed: the
// city field clicked (opens the list), the city's name typed with real keys, then Enter (real
// keys: playwright's keyboard, trusted events). Timed two ways: the browser's Event Timing
// duration of each interaction (input to the next paint, 8 ms steps, only entries of 16 ms or
// more are reported: "< 16 ms" when none is), and, for Enter, from the keydown's timestamp to
// the second animation frame after it (two requestAnimationFrame: the first frame has then been
// rendered with the change).
const EVENT_PROBE = `(() => {
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__events.push({ name: e.name, start: e.startTime, duration: e.duration, id: e.interactionId });
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
  // Armed before an Enter: its keydown (seen first, in the capture phase) to the second frame.
  addEventListener("keydown", (e) => {
    const a = window.__arm;
    if (!a || e.key !== a.key) return;
    window.__arm = null;
    a.down = e.timeStamp;
    requestAnimationFrame(() => requestAnimationFrame(() => { a.frame2 = performance.now(); a.done(a.frame2 - a.down); }));
  }, true);
})();`;
const CHOOSE_FEEDS = { "5000": "/bench/snippet-5000.html", bundled: "/bench/chapter-bundled.html" };
const choices = [];
if (wanted("choose")) {
  log("choosing a city with real input (Event Timing, keydown to the second frame)");
  for (const [feed, path] of Object.entries(CHOOSE_FEEDS)) for (const width of [1280, 360]) {
    const { context, page } = await phonePage({ throttleNetwork: false, width });
    await page.addInitScript(EVENT_PROBE);
    await page.goto(server.url + path, { timeout: 120_000 });
    await allListings(page);
    const field = page.locator("[data-upcoming-meetings] input[role=combobox]");
    const now = () => page.evaluate(() => performance.now());
    const frames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await field.click();
    const labels = await page.evaluate(() =>
      [...document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelectorAll("[role=option]")].slice(1).map((o) => o.firstChild.textContent.replace(/ \(\d+\)$/, "")),
    );
    await page.keyboard.press("Escape");
    await frames();
    await page.waitForTimeout(300);
    const windows = []; // [kind, from, to]: which event entries belong to which action
    const timed = async (kind, act) => {
      const from = await now();
      await act();
      await frames();
      windows.push({ kind, from, to: await now() });
    };
    const enter = async (kind) => {
      const from = await now();
      // Armed (and awaited) before the key is sent, so the keydown cannot come first.
      await page.evaluate(() => void (window.__armed = new Promise((done) => (window.__arm = { key: "Enter", done }))));
      await page.keyboard.press("Enter");
      const toFrame = await page.evaluate(() => window.__armed);
      await frames();
      const w = { kind, from, to: await now(), toFrame };
      windows.push(w);
      return w;
    };
    const pick = (i) => labels[labels.length >= 20 ? Math.floor((i * labels.length) / 20) : i % labels.length];
    const wrong = [];
    for (let i = 0; i < 20; i++) {
      const label = pick(i);
      await timed("open", () => field.click());
      await timed("letter", () => page.keyboard.type(label[0]));
      await page.keyboard.type(label.slice(1));
      await frames();
      await enter("change");
      const shown = await field.inputValue();
      if (shown !== label) wrong.push(`${label} → ${shown}`);
      await page.waitForTimeout(150);
    }
    // Back to All cities, as a keyboard user does it: the field's text cleared (the click selects
    // it all), which makes "All cities" the entry Enter takes.
    await timed("open", () => field.click());
    await page.keyboard.press("Backspace");
    await frames();
    await enter("all");
    const allLabel = await field.inputValue();
    await page.waitForTimeout(1000); // Event Timing entries are reported after their paint
    const events = await page.evaluate(() => window.__events);
    await context.close();
    const of = (kind) =>
      windows
        .filter((w) => w.kind === kind)
        .map((w) => {
          const inside = events.filter((e) => e.start >= w.from - 1 && e.start <= w.to);
          const top = inside.reduce((a, e) => (e.duration > (a?.duration ?? -1) ? e : a), null);
          return { event: top?.duration ?? 0, name: top?.name ?? null, frame: w.toFrame ?? null };
        });
    const result = { feed, width, cities: labels.length, open: of("open"), letter: of("letter"), change: of("change"), all: of("all")[0], allLabel, wrong };
    choices.push(result);
    const m = (xs, k) => median(xs.map((x) => x[k]));
    const w = (xs, k) => Math.max(...xs.map((x) => x[k]));
    const names = (xs) => Object.entries(xs.reduce((n, x) => ((n[x.name ?? "none ≥ 16 ms"] = (n[x.name ?? "none ≥ 16 ms"] ?? 0) + 1), n), {})).map(([k, v]) => `${k} ${v}×`).join(", ");
    log(`choose ${feed} ${width} px: the longest Event Timing entries: Enter ${names(result.change)}; click ${names(result.open)}; letter ${names(result.letter)}`);
    log(`choose ${feed} ${width} px: Enter Event Timing median ${m(result.change, "event")} worst ${w(result.change, "event")} ms, keydown to 2nd frame median ${ms(m(result.change, "frame"))} worst ${ms(w(result.change, "frame"))}; back to All cities ${result.all.event} / ${ms(result.all.frame)} ("${allLabel}"); open ${w(result.open, "event")}, letter ${w(result.letter, "event")} ms worst${wrong.length ? `; not chosen: ${wrong.join(", ")}` : ""}`);
  }
}

await browser.close();
await server.close();

// ---------------------------------------------------------------- 7. Lighthouse
log("Lighthouse, mobile, on the bundled page and embed-example.html");
const lighthouse = {};
const lighthouseVersion = JSON.parse(readFileSync(join(ROOT, "node_modules/lighthouse/package.json"), "utf8")).version;
if (wanted("lighthouse")) {
  const lhServer = await startServer();
  // Three runs per page, as Lighthouse advises for a noisy machine; the table shows the run of
  // median performance. (One run in a few paints the bundled page's cards a frame after its
  // heading, and its simulated LCP then counts the widget's start-up: 83 once, 98–100 otherwise.)
  for (const path of ["/", "/embed-example.html"]) {
    const runs = [];
    for (let run = 0; run < LH_RUNS; run++) {
      const out = join(OUT, `lighthouse${path.replace(/[^a-z]+/g, "-")}${run}.json`);
      // Not execFileSync: the server that Lighthouse loads from runs in this process.
      await promisify(execFile)(
        join(ROOT, "node_modules/.bin/lighthouse"),
        [
          lhServer.url + path,
          "--quiet",
          "--output=json",
          `--output-path=${out}`,
          // Any request off 127.0.0.1 goes to a closed port and fails at once.
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu --proxy-server=http://127.0.0.1:9",
        ],
        { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 },
      );
      const report = JSON.parse(readFileSync(out, "utf8"));
      const failing = [];
      for (const category of Object.values(report.categories)) {
        for (const ref of category.auditRefs) {
          const audit = report.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) failing.push(`${ref.id} ${audit.displayValue ?? audit.score}`);
        }
      }
      runs.push({
        scores: Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round(v.score * 100)])),
        lcp: report.audits["largest-contentful-paint"].displayValue,
        tbt: report.audits["total-blocking-time"].displayValue,
        cls: report.audits["cumulative-layout-shift"].displayValue,
        failing,
      });
      log(`lighthouse ${path}, run ${run + 1}: ${JSON.stringify(runs.at(-1).scores)}`);
    }
    runs.sort((a, b) => a.scores.performance - b.scores.performance);
    lighthouse[path] = { ...runs[Math.floor(runs.length / 2)], performanceOfRuns: runs.map((r) => r.scores.performance) };
  }
  await lhServer.close();
}

// ---------------------------------------------------------------- the table
const mark = (ok) => (ok ? "✅ within budget" : "❌ over budget");
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const row = (cells) => `| ${cells.join(" | ")} |`;
const lines = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${execFileSync("uname", ["-srm"], { encoding: "utf8" }).trim()}, ` +
  `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Chromium ${chromiumVersion}. ` +
  `Slow phone: CPU ${PHONE.cpu}× slower, ${PHONE.network.downloadThroughput * 8 / 1e6} Mbit/s down, ${PHONE.network.uploadThroughput * 8 / 1e3} kbit/s up, ${PHONE.network.latency} ms latency, 360×740. ` +
  `Timings are medians of ${RUNS} cold loads each, all from this one run.`);
lines.push("");
if (wanted("bytes")) {
lines.push("### 1. Bytes of the bundled page's first load");
lines.push("");
lines.push("Every file the page asked for before the widget's first card (the first screen, painted by the first-paint module), then those it asked for after it (the app, fetched once the first screen is painted and the page is idle).");
lines.push("");
lines.push(row(["file", "raw", "gzip -9", "brotli -11"]));
lines.push(row(["---", "---:", "---:", "---:"]));
for (const f of files) lines.push(row([`\`${f.path}\``, kb(f.raw), kb(f.gzip), kb(f.brotli)]));
lines.push(row(["**before the first card**", `**${kb(total.raw)}**`, `**${kb(total.gzip)}**`, `**${kb(total.brotli)}**`]));
for (const f of laterFiles) lines.push(row([`after it: \`${f.path}\``, kb(f.raw), kb(f.gzip), kb(f.brotli)]));
lines.push("");
lines.push(`Budget: gzip total before the first card, the page and the feed included, at most ${kb(BUDGET.gzipTotal)}: ${kb(total.gzip)}, ${mark(total.gzip <= BUDGET.gzipTotal)}; the first-paint path (the loader, the first-paint module and its glue, the stylesheet) at most ${kb(BUDGET.firstPaint)}: ${kb(firstPaint)}, ${mark(firstPaint <= BUDGET.firstPaint)}. The exact budget of each part, which \`make test\` holds: \`tests/size-budget.json\`.`);
lines.push("");
}
if (wanted("load")) {
lines.push("### 2. Time to the first campaign card painted, and to every meeting rendered");
lines.push("");
lines.push("\"Page's first paint\": the page's own first contentful paint (its heading), which the widget's downloads must not delay. `static`: the static page of the feed (the floor). `page`: the shipped page, `dist/index.html`, whose listings are pre-rendered by the same renderer, then taken over by the widget. `snippet`: the two-line snippet on a bare page, the widget alone from cold: its first card is the first-paint module's. `plain`: a plain JavaScript widget on the same bare page (`bench/plain-widget.js`: fetch, `JSON.parse`, the first 20 upcoming meetings of each campaign written as text). \"App live\": the loader's mark when the app has taken the first screen over (a tap is then the app's). \"Every meeting\": for a widget, once the app's listings are in the page. The widget lists the first 20 upcoming meetings of each campaign (the default of `data-limit`) and the rest behind \"Show N more meetings\"; the static page lists them all (see section 4 for how many the widget holds).");
lines.push("");
lines.push(row(["feed", "page", "page's first paint", "first card", "vs static", "app live", "vs static", "every meeting", "vs static"]));
lines.push(row(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
for (const feed of Object.keys(FEEDS)) {
  const s = timings[`static-${feed}`];
  for (const kind of KINDS) {
    const t = timings[`${kind}-${feed}`];
    const live = t.live === null ? ["", ""] : [ms(t.live), ratio(t.live, s.first)];
    lines.push(row([feed === "5000" ? "5,000 meetings" : "bundled", kind, ms(t.paint), ms(t.first), ratio(t.first, s.first), ...live, ms(t.all), ratio(t.all, s.all)]));
  }
}
lines.push("");
{
  const b = (kind) => timings[`${kind}-bundled`];
  const c = b("snippet").first / b("static").first;
  const r = b("page").first / b("static").first;
  const live = b("snippet").live / b("static").first;
  lines.push(`Budget, bundled feed: the snippet's first card at most ${BUDGET.snippetRatio.bundled}× the static page's: ${c.toFixed(2)}×, ${mark(c <= BUDGET.snippetRatio.bundled)}; the app live at most ${BUDGET.liveRatio.toFixed(2)}× the static page's first card (1.1× the snippet's first card before issue 34, 3.95×): ${live.toFixed(2)}×, ${mark(live <= BUDGET.liveRatio)}; the shipped page's first card at most ${BUDGET.pageRatio}×: ${r.toFixed(2)}×, ${mark(r <= BUDGET.pageRatio)}.`);
  lines.push("");
  if (BEFORE) {
    const before = (feed) => timings[`before-${feed}`].first;
    lines.push(`Against the earlier build served from \`BENCH_BEFORE\` (\`before\`: its two-line snippet, same run): the snippet's first card ${ratio(b("snippet").first, before("bundled"))} of its, bundled; ${ratio(timings["snippet-5000"].first, before("5000"))} at 5,000 meetings; the app live ${ratio(b("snippet").live, before("bundled"))} of its first card (budget: at most 1.1×, ${mark(b("snippet").live <= 1.1 * before("bundled"))}).`);
    lines.push("");
  }
  const sheetLine = sheets.sheet ? `A sheet (CSV) feed, the README's example in the two-line snippet (\`data-time-zone\`): its first card at ${ms(sheets.sheet.first)}, the app live at ${ms(sheets.sheet.live)}` : null;
  if (sheetLine) lines.push(sheets["sheet-before"] ? `${sheetLine}; the earlier build's first card at ${ms(sheets["sheet-before"].first)}: ${ratio(sheets.sheet.first, sheets["sheet-before"].first)} (at most 1×, ${mark(sheets.sheet.first <= sheets["sheet-before"].first)}).` : `${sheetLine}.`);
  if (sheetLine) lines.push("");
  const f = (kind) => timings[`${kind}-5000`];
  const p = f("snippet").first / f("plain").first;
  const r5 = f("page").first / f("static").first;
  lines.push(`Budget, 5,000 meetings: the snippet's first card at most ${BUDGET.plainRatio[5000]}× the plain JavaScript widget's: ${p.toFixed(2)}×, ${mark(p <= BUDGET.plainRatio[5000])}; the shipped page's at most ${BUDGET.pageRatio}× the static page's: ${r5.toFixed(2)}×, ${mark(r5 <= BUDGET.pageRatio)}.`);
  lines.push("");
}
}
if (wanted("filter")) {
lines.push(`### 3. City filter at 5,000 meetings (CPU ${PHONE.cpu}× slower)`);
lines.push("");
lines.push(`From Enter in the city field (the city typed in) to the next frame painted, 20 changes (All cities → a city, then city to city): median ${ms(median(filter.changes))}, worst ${ms(Math.max(...filter.changes))}. ` +
  `Then back to All cities (all 5,000 meetings again): ${ms(filter.backToAll)}.`);
lines.push("");
lines.push(`Budget: median at most ${BUDGET.filterMedian} ms, ${mark(median(filter.changes) <= BUDGET.filterMedian)}; worst at most ${BUDGET.filterWorst} ms, ${mark(Math.max(...filter.changes) <= BUDGET.filterWorst)}; back to All cities at most ${BUDGET.backToAll} ms, ${mark(filter.backToAll <= BUDGET.backToAll)}.`);
lines.push("");
lines.push("### 4. Memory after loading 5,000 meetings");
lines.push("");
lines.push(`JS heap ${kb(memory.js)} + wasm memory ${kb(memory.wasm)} = ${kb(memory.js + memory.wasm)} (after a garbage collection, back on All cities; ${memory.nodes} DOM nodes, ${memory.listed} meetings in the page). Budget: at most ${kb(BUDGET.memory)}, ${mark(memory.js + memory.wasm <= BUDGET.memory)}.`);
lines.push("");
}
if (wanted("load")) {
lines.push(`### 5. Parsing the 5,000-meeting feed in the browser (CPU ${PHONE.cpu}× slower)`);
lines.push("");
const p5 = timings["snippet-5000"];
lines.push(`In the first-paint module: parse_feed ${ms(p5.paintParse)}, then indexing (cities, past/upcoming) ${ms(p5.paintIndex)}: ${ms(p5.paintParse + p5.paintIndex)} together; median of ${RUNS} loads (${kb(readFileSync(FEEDS["5000"].file).length)} of JSON). Budget: at most ${BUDGET.parseAndIndex} ms together, ${mark(p5.paintParse + p5.paintIndex <= BUDGET.parseAndIndex)}. In the app, after the first screen: ${ms(p5.parse)} + ${ms(p5.index)}. For scale, the browser's own \`JSON.parse\` of the same text, which only builds JavaScript objects (no checks, no dates, zones or cities), on the same slow phone: ${ms(jsonParse)} (median of 5).`);
lines.push("");
}
if (wanted("shift")) {
lines.push("### 6. Layout shift of a host page while the widget loads");
lines.push("");
lines.push(`On the slow phone, cold: the cumulative layout shift (every \`layout-shift\` entry without recent input, summed) until every widget of the page shows its listings, all of them are laid out (the widget brings a long list in a step per frame: until the number of meetings has not changed for 20 frames), and one second after. Median of ${RUNS} loads. \`embed-example.html\`: the example chapter page with two widgets and its own CSS for them. Chapter page: \`bench/out/chapter-bundled.html\`, a plain page with no CSS at all (nothing keeps room for the widget): a heading, two paragraphs, the two-line snippet with the bundled feed, six paragraphs and a footer.`);
lines.push("");
lines.push(row(["page", "width", "cumulative layout shift", "runs", "budget"]));
lines.push(row(["---", "---", "---:", "---", "---"]));
for (const { name, width, value, runs } of Object.values(shifts)) {
  const budget = SHIFT_PAGES[name].budget;
  lines.push(row([name, `${width} px`, value.toFixed(3), runs.map((r) => r.toFixed(3)).join(", "), `at most ${budget}, ${mark(value <= budget)}`]));
}
lines.push("");
}
if (wanted("lighthouse")) {
lines.push("### 7. Lighthouse");
lines.push("");
lines.push(`Lighthouse ${lighthouseVersion}, its default mobile configuration (simulated slow 4G, CPU 4× slower), Debian's Chromium, ${LH_RUNS} runs per page: the run of median performance (all runs' performance in brackets). Budget: every category at least ${BUDGET.lighthouse}.`);
lines.push("");
lines.push(row(["page", "performance", "accessibility", "best practices", "SEO", "LCP", "TBT", "CLS"]));
lines.push(row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
for (const [path, r] of Object.entries(lighthouse)) {
  const score = (k) => `${r.scores[k]}${r.scores[k] >= BUDGET.lighthouse ? "" : " ❌"}`;
  lines.push(row([`\`${path}\``, `${score("performance")} (${r.performanceOfRuns.join(", ")})`, score("accessibility"), score("best-practices"), score("seo"), r.lcp, r.tbt, r.cls]));
}
lines.push("");
const lhMissed = Object.entries(lighthouse).flatMap(([path, r]) => r.failing.map((a) => `${path}: ${a}`));
lines.push(`Budget: ${mark(lhMissed.length === 0 && Object.values(lighthouse).every((r) => Object.values(r.scores).every((v) => v >= BUDGET.lighthouse)))}.${lhMissed.length ? " Audits below 90: " + lhMissed.join("; ") + "." : ""}`);
}
if (wanted("move")) {
if (lines.at(-1) !== "") lines.push("");
lines.push("### 8. Movement of a meeting scrolled to (Chromium, Firefox, WebKit)");
lines.push("");
lines.push(`Once the listings are in (every step of them: the number of meetings unchanged for 20 frames), the \`Details & RSVP\` button at 60 % of the list (of the buttons shown) is scrolled to the middle of the window with \`window.scrollBy\` and its \`getBoundingClientRect()\` (not \`scrollIntoView\`, which WebKit ignores in a skipped \`content-visibility\` subtree). While content above it changes size as it is laid out, the button is aimed at again each frame until it is within 2 px of the middle ("aims": 1 is a clean landing; "before settling": the largest distance, at a frame, from where the latest aim had put it). From that first settle, its top is read every animation frame for 2 s ("after settling": the largest distance from where the last aim put it). The figure held to the budget is the larger of the two: the re-aiming counts as movement, since a reader scrolling there would have seen it. No CPU or network throttling in any engine (only Chromium could throttle). Chapter page: \`bench/out/chapter-bundled.html\` (section 6); 5,000 meetings: \`bench/out/snippet-5000.html\`. Chromium ${chromiumVersion} through playwright-core, Firefox and WebKit through \`tests/engines.mjs\`; "width" is the asked width and, in brackets, the page's real \`innerWidth\` where it differs (WebKit's MiniBrowser window is at least about 447 px wide). Median of ${MOVE_RUNS} loads (each run's figure in brackets).`);
lines.push("");
lines.push(row(["engine", "page", "width", "button", "aims", "before settling", "after settling (2 s)", "largest movement", "budget"]));
lines.push(row(["---", "---", "---", "---:", "---:", "---:", "---:", "---:", "---"]));
const px = (n) => `${n.toFixed(1)} px`;
for (const c of movement) {
  const name = { chromium: "Chromium", firefox: "Firefox", webkit: "WebKit" }[c.engine];
  const width = c.innerWidth && c.innerWidth !== c.width ? `${c.width} px (${c.innerWidth})` : `${c.width} px`;
  if (c.error) {
    lines.push(row([name, c.page, width, "", "", "", "", `not measured: ${c.error}`, ""]));
    continue;
  }
  const all = (k, f) => c.runs.map((r) => f(r[k])).join(", ");
  const odd = [c.runs.some((r) => r.clamped) && "page end reached", c.runs.some((r) => !r.settled) && "never within 2 px"].filter(Boolean);
  lines.push(row([name, c.page, width, `${c.runs[0].index + 1} of ${c.runs[0].of}`, `${c.aims} (${all("aims", String)})`, `${px(c.drift)} (${all("drift", (v) => v.toFixed(1))})`, `${px(c.moved)} (${all("moved", (v) => v.toFixed(1))})`, `**${px(c.worst)}**${odd.length ? ` (${odd.join(", ")})` : ""}`, `at most ${BUDGET.movement} px, ${mark(c.worst <= BUDGET.movement)}`]));
}
lines.push("");
}
if (wanted("takeover")) {
if (lines.at(-1) !== "") lines.push("");
lines.push("### 10. The app taking over the first screen (Chromium, Firefox, WebKit)");
lines.push("");
lines.push(`The app held back by the server until the first-paint module has painted the first screen and the \`Details & RSVP\` button at 60 % of the list is scrolled to the middle of the window; then the page lets the app come, and the button at that place (the app's, once it has taken over: the same markup) is read every animation frame until the widget is live and 60 frames after. "Layout shift": every \`layout-shift\` entry without recent input from the release on (Chromium only; Firefox and WebKit have no such entries, and the movement is what they are held to). No throttling. Largest of ${MOVE_RUNS} loads (each run's figure in brackets).`);
lines.push("");
lines.push(row(["engine", "page", "width", "button", "movement", "layout shift", "budget"]));
lines.push(row(["---", "---", "---", "---:", "---:", "---:", "---"]));
for (const c of takeovers) {
  const name = { chromium: "Chromium", firefox: "Firefox", webkit: "WebKit" }[c.engine];
  const width = c.innerWidth && c.innerWidth !== c.width ? `${c.width} px (${c.innerWidth})` : `${c.width} px`;
  if (c.error) {
    lines.push(row([name, c.page, width, "", `not measured: ${c.error}`, "", ""]));
    continue;
  }
  const all = (k) => c.runs.map((r) => (r[k] === null ? "" : r[k].toFixed(k === "shift" ? 3 : 1))).join(", ");
  const ok = c.worst <= BUDGET.takeoverMove && (c.shift === null || c.shift <= BUDGET.takeoverShift);
  lines.push(row([name, c.page, width, `${c.runs[0].index + 1} of ${c.runs[0].of}`, `**${c.worst.toFixed(1)} px** (${all("worst")})`, c.shift === null ? "" : `**${c.shift.toFixed(3)}** (${all("shift")})`, `${BUDGET.takeoverMove} px and ${BUDGET.takeoverShift} shift, ${mark(ok)}`]));
}
lines.push("");
}
if (wanted("choose")) {
if (lines.at(-1) !== "") lines.push("");
lines.push(`### 9. Choosing a city with real input (Chromium, CPU ${PHONE.cpu}× slower)`);
lines.push("");
lines.push(`The city field clicked (which opens the city list), the city's name typed with real keys, then Enter, all through playwright's mouse and keyboard (trusted input events); 20 changes (All cities → a city, then city to city, spread over the list of cities), then back to All cities (the field's text cleared with Backspace, which makes "All cities" the entry Enter takes). "Event Timing": the browser's own \`duration\` of the interaction (\`PerformanceObserver\` type \`event\`, \`durationThreshold: 16\`; the longest entry of the interaction, from input to the next paint, in 8 ms steps, what INP is made of; "< 16 ms" when the browser reported none). "Keydown → 2nd frame": from the Enter keydown's \`timeStamp\` to the second \`requestAnimationFrame\` callback after it (the first frame, with the change, has then been rendered). "Open the list": the click on the field; "type a letter": the first letter of the city's name (which narrows the list). Bundled feed: the plain chapter page of section 6; 5,000 meetings: \`bench/out/snippet-5000.html\`. No network throttling.`);
lines.push("");
lines.push(row(["feed", "width", "action", "Event Timing median", "worst", "keydown → 2nd frame median", "worst", "budget"]));
lines.push(row(["---", "---", "---", "---:", "---:", "---:", "---:", "---"]));
const et = (n) => (n < 16 ? "< 16 ms" : ms(n));
for (const c of choices) {
  const feed = c.feed === "5000" ? "5,000 meetings" : "bundled";
  const em = median(c.change.map((x) => x.event)), ew = Math.max(...c.change.map((x) => x.event));
  const fm = median(c.change.map((x) => x.frame)), fw = Math.max(...c.change.map((x) => x.frame));
  const budgets = [`Event Timing worst at most ${BUDGET.chooseEventWorst} ms, ${mark(ew <= BUDGET.chooseEventWorst)}`, `keydown → 2nd frame median at most ${BUDGET.chooseFrameMedian} ms, ${mark(fm <= BUDGET.chooseFrameMedian)}`];
  lines.push(row([feed, `${c.width} px`, `a city (20 changes, ${c.cities} cities)${c.wrong.length ? `; ${c.wrong.length} not chosen` : ""}`, et(em), et(ew), ms(fm), ms(fw), budgets.join("; ")]));
  lines.push(row([feed, `${c.width} px`, `back to All cities${c.allLabel === "All cities" ? "" : ` (field shows "${c.allLabel}")`}`, et(c.all.event), "", ms(c.all.frame), "", `Event Timing at most ${BUDGET.inp} ms, ${mark(c.all.event <= BUDGET.inp)}; keydown → 2nd frame at most ${BUDGET.chooseFrameMedian} ms, ${mark(c.all.frame <= BUDGET.chooseFrameMedian)}`]));
  for (const [kind, label] of [["open", "open the list: a click"], ["letter", "type a letter"]]) {
    const xs = c[kind].map((x) => x.event);
    lines.push(row([feed, `${c.width} px`, `${label} (${xs.length}×)`, et(median(xs)), et(Math.max(...xs)), "", "", `Event Timing worst at most ${BUDGET.inp} ms (INP), ${mark(Math.max(...xs) <= BUDGET.inp)}`]));
  }
}
lines.push("");
}
const table = lines.join("\n");

console.log(`\n${table}\n`);
if (!ONLY) {
  const resultsFile = join(ROOT, "bench/results.md");
  const previous = existsSync(resultsFile) ? readFileSync(resultsFile, "utf8") : "# Benchmark results\n\n<!-- RESULTS -->\n<!-- /RESULTS -->\n";
  writeFileSync(resultsFile, previous.replace(/<!-- RESULTS -->[\s\S]*<!-- \/RESULTS -->/, `<!-- RESULTS -->\n${table}\n<!-- /RESULTS -->`));
  log("written to bench/results.md");
}
