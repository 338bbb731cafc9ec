// `make bench`: the widget measured on a slow phone against the fastest possible page, the
// static page of the same feed rendered by `upcoming-meetings render`; the layout shift it causes
// on a host page; and Lighthouse's scores. Prints a table, each figure beside its budget, and
// writes it into bench/results.md (between the RESULTS markers; the rest of that file is kept).
//
// Expects `make bench` to have built dist/ (release) and target/release/upcoming-meetings.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { cpus, totalmem } from "node:os";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { startServer } from "../tools/server.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "bench/out");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LH_RUNS = 3;
// BENCH_ONLY=load,filter runs only those sections (of bytes, load, filter, shift, lighthouse),
// prints them and leaves bench/results.md alone: for measuring one change quickly.
const ONLY = process.env.BENCH_ONLY?.split(",");
const wanted = (section) => !ONLY || ONLY.includes(section);
const NOW = "2026-12-01T12:00:00Z";
const PHONE = {
  cpu: 4, // CPU slowed 4×
  network: { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
};
const BUDGET = {
  gzipTotal: 120 * 1024,
  // First card against the static page: the two-line snippet from cold, per feed; the shipped page.
  snippetRatio: { bundled: 2.0, 5000: 2.5 },
  pageRatio: 1.3,
  filterMedian: 16,
  filterWorst: 33,
  backToAll: 50,
  parseAndIndex: 100,
  layoutShift: 0.05,
  lighthouse: 95,
  memory: 30 * 1024 * 1024,
};
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

mkdirSync(OUT, { recursive: true });
const log = (...a) => console.error("bench:", ...a);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${Math.round(n)} ms`;

// ---------------------------------------------------------------- the pages
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
  // The two-line snippet on a bare page: the widget alone, from cold.
  writeFileSync(
    join(OUT, `snippet-${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Snippet</title></head>` +
      `<body><h1>Upcoming meetings</h1><div data-upcoming-meetings data-feed="${feed.url}"></div><script type="module" src="/upcoming-meetings.js"></script></body></html>`,
  );
}

const server = await startServer({ compress: true, mounts: { "/bench/": "bench/out" } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
const chromiumVersion = browser.version();

// ---------------------------------------------------------------- 1. bytes
log("bytes of the bundled page's first load");
const loaded = [];
if (wanted("bytes")) {
  const page = await browser.newPage();
  page.on("requestfinished", (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto(server.url + "/");
  await page.waitForFunction(() => document.querySelector("[data-upcoming-meetings]")?.shadowRoot?.querySelector("article"));
  await page.waitForLoadState("networkidle");
  await page.close();
}
const files = [...new Set(loaded)].map((path) => {
  const raw = readFileSync(join(ROOT, "dist", path === "/" ? "index.html" : path.slice(1)));
  return {
    path: path === "/" ? "/index.html" : path,
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });

// ---------------------------------------------------------------- 2. timings
const PROBE = `(() => {
  const b = (window.__bench = { first: null, all: null, done: false });
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
    if (b.first !== null && b.all !== null) b.done = true;
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
  }));
  await context.close();
  return result;
}

const timings = {};
if (wanted("load")) for (const feed of Object.keys(FEEDS)) {
  for (const kind of ["static", "page", "snippet"]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      // Interleave kinds run by run? Each kind's runs are back to back; the machine is shared,
      // so the table quotes medians and ratios from this one run of the benchmark.
      runs.push(await timeLoad(`/bench/${kind}-${feed}.html`));
    }
    timings[`${kind}-${feed}`] = {
      first: median(runs.map((r) => r.first)),
      all: median(runs.map((r) => r.all)),
      parse: runs[0].parse === null ? null : median(runs.map((r) => r.parse)),
      index: runs[0].index === null ? null : median(runs.map((r) => r.index)),
    };
    log(`${kind}-${feed}: first ${ms(timings[`${kind}-${feed}`].first)}, all ${ms(timings[`${kind}-${feed}`].all)} (median of ${RUNS})`);
  }
}

// ---------------------------------------------------------------- 3. filter, 4. memory
log("city filter latency and memory at 5,000 meetings");
const filter = { changes: [], backToAll: null };
let memory;
if (wanted("filter")) {
  const { context, page, cdp } = await phonePage({ throttleNetwork: false });
  await page.goto(server.url + "/bench/snippet-5000.html");
  await page.waitForFunction(() => performance.getEntriesByName("upcoming-meetings:listings").length > 0, null, { timeout: 120_000 });
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
  const wasm = await page.evaluate(() => window.upcomingMeetings.memoryBytes());
  const listed = await page.evaluate(() => document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelectorAll(".um-meetings:not([hidden]) .um-meeting").length);
  memory = { js: metrics.JSHeapUsedSize, wasm, nodes: metrics.Nodes, listed };
  await context.close();
}
// ---------------------------------------------------------------- 6. layout shift
log("layout shift of embed-example.html while its widgets load");
const SHIFT_PROBE = `(() => {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: "layout-shift", buffered: true });
})();`;
const shifts = {};
if (wanted("shift")) for (const width of [360, 1280]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await phonePage({ width });
    await page.addInitScript(SHIFT_PROBE);
    await page.goto(server.url + "/embed-example.html", { waitUntil: "commit", timeout: 600_000 });
    await page.waitForFunction(
      () => [...document.querySelectorAll("[data-upcoming-meetings]")].every((h) => h.shadowRoot?.querySelector("article")),
      null,
      { timeout: 600_000, polling: 100 },
    );
    await page.waitForTimeout(1000);
    runs.push(await page.evaluate(() => window.__shift));
    await context.close();
  }
  shifts[width] = median(runs);
  log(`layout shift at ${width} px: ${shifts[width].toFixed(3)} (median of ${RUNS})`);
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
lines.push(row(["file", "raw", "gzip -9", "brotli -11"]));
lines.push(row(["---", "---:", "---:", "---:"]));
for (const f of files) lines.push(row([`\`${f.path}\``, kb(f.raw), kb(f.gzip), kb(f.brotli)]));
lines.push(row(["**total**", `**${kb(total.raw)}**`, `**${kb(total.gzip)}**`, `**${kb(total.brotli)}**`]));
lines.push("");
lines.push(`Budget: gzip total at most ${kb(BUDGET.gzipTotal)}: ${kb(total.gzip)}, ${mark(total.gzip <= BUDGET.gzipTotal)}.`);
lines.push("");
}
if (wanted("load")) {
lines.push("### 2. Time to the first campaign card painted, and to every meeting rendered");
lines.push("");
lines.push("`static`: the static page of the feed (the floor). `page`: the shipped page, `dist/index.html`, whose listings are pre-rendered by the same renderer, then taken over by the widget. `snippet`: the two-line snippet on a bare page, the widget alone from cold. \"Every meeting\": for a widget, once its own listings are in the page. The widget lists the first 20 upcoming meetings of each campaign (the default of \`data-limit\`) and the rest behind \"Show N more meetings\"; the static page lists them all (see section 4 for how many the widget holds).");
lines.push("");
lines.push(row(["feed", "page", "first card", "vs static", "every meeting", "vs static"]));
lines.push(row(["---", "---", "---:", "---:", "---:", "---:"]));
for (const feed of Object.keys(FEEDS)) {
  const s = timings[`static-${feed}`];
  for (const kind of ["static", "page", "snippet"]) {
    const t = timings[`${kind}-${feed}`];
    lines.push(row([feed === "5000" ? "5,000 meetings" : "bundled", kind, ms(t.first), ratio(t.first, s.first), ms(t.all), ratio(t.all, s.all)]));
  }
}
lines.push("");
for (const feed of Object.keys(FEEDS)) {
  const r = timings[`page-${feed}`].first / timings[`static-${feed}`].first;
  const c = timings[`snippet-${feed}`].first / timings[`static-${feed}`].first;
  const name = feed === "5000" ? "5,000 meetings" : "bundled feed";
  lines.push(`Budget, ${name}: the snippet's first card at most ${BUDGET.snippetRatio[feed]}× the static page's: ${c.toFixed(2)}×, ${mark(c <= BUDGET.snippetRatio[feed])}; the shipped page's at most ${BUDGET.pageRatio}×: ${r.toFixed(2)}×, ${mark(r <= BUDGET.pageRatio)}.`);
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
lines.push(`JS heap ${kb(memory.js)} + wasm memory ${kb(memory.wasm)} = ${kb(memory.js + memory.wasm)} (after a garbage collection, back on All cities; ${memory.nodes} DOM nodes, ${memory.listed} meetings listed). Budget: at most ${kb(BUDGET.memory)}, ${mark(memory.js + memory.wasm <= BUDGET.memory)}.`);
lines.push("");
}
if (wanted("load")) {
lines.push(`### 5. Parsing the 5,000-meeting feed in the browser (CPU ${PHONE.cpu}× slower)`);
lines.push("");
const p5 = timings["snippet-5000"];
lines.push(`parse_feed ${ms(p5.parse)}, then indexing (cities, past/upcoming) ${ms(p5.index)}: ${ms(p5.parse + p5.index)} together; median of ${RUNS} loads (${kb(readFileSync(FEEDS["5000"].file).length)} of JSON). Budget: at most ${BUDGET.parseAndIndex} ms together, ${mark(p5.parse + p5.index <= BUDGET.parseAndIndex)}.`);
lines.push("");
}
if (wanted("shift")) {
lines.push("### 6. Layout shift of a host page while the widgets load");
lines.push("");
lines.push(`\`embed-example.html\` (a chapter page with two widgets) on the slow phone, cold: the cumulative layout shift (every shift without recent input, summed) until both widgets show their listings and one second after. Median of ${RUNS} loads.`);
lines.push("");
lines.push(row(["width", "cumulative layout shift", "budget"]));
lines.push(row(["---", "---:", "---"]));
for (const [width, value] of Object.entries(shifts)) lines.push(row([`${width} px`, value.toFixed(3), `at most ${BUDGET.layoutShift}, ${mark(value <= BUDGET.layoutShift)}`]));
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
const table = lines.join("\n");

console.log(`\n${table}\n`);
if (!ONLY) {
  const resultsFile = join(ROOT, "bench/results.md");
  const previous = existsSync(resultsFile) ? readFileSync(resultsFile, "utf8") : "# Benchmark results\n\n<!-- RESULTS -->\n<!-- /RESULTS -->\n";
  writeFileSync(resultsFile, previous.replace(/<!-- RESULTS -->[\s\S]*<!-- \/RESULTS -->/, `<!-- RESULTS -->\n${table}\n<!-- /RESULTS -->`));
  log("written to bench/results.md");
}
