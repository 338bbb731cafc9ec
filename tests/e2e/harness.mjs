// The one set-up of every end-to-end suite: the built dist/ served on 127.0.0.1 (and a second
// origin for cross-origin feeds), Debian's Chromium driven by playwright-core, each page with a
// fixed clock, a viewport and a time zone, and a record of what must never happen (page errors,
// requests to any host but 127.0.0.1).
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { mkdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { startServer } from "../../tools/server.mjs";
import { CHROMIUM_ARGS } from "../engines.mjs";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** The bundled feed (public/feed.json), which dist/ serves as feed.json: one card per campaign. */
export const BUNDLED = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../public/feed.json"), "utf8"));
export const BUNDLED_CARDS = BUNDLED.campaigns.length;

export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 900 },
};
export const ZONES = ["America/Los_Angeles", "Asia/Tokyo"];
/** The bundled feed's meetings are in 2027; tests run on 1 December 2026 whatever the date. */
export const FIXED_NOW = new Date("2026-12-01T12:00:00Z");
/** The strict Content Security Policy the README documents, which the widget must work under. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
export const SCREENS = resolve(import.meta.dirname, "../../test-output/screens");

/** The files of each stage of the built dist/, as the loader's BUILD names them: `paint` and
 * `paintWasm` (the first-paint module's glue and wasm), `app` and `appWasm`, `css`. */
export function builtFiles() {
  const loader = readFileSync(resolve(import.meta.dirname, "../../dist/upcoming-meetings.js"), "utf8");
  const named = (key) => loader.match(new RegExp(`\\b${key}:\\s*"([^"]+)"`))?.[1] ?? assert.fail(`no ${key} in the loader`);
  return Object.fromEntries(["paint", "paintWasm", "app", "appWasm", "css"].map((k) => [k, "/" + named(k)]));
}

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Registers the suite's set-up and tear-down: `h.server` serves dist/, `h.other` is a second
 * origin (a feed on another site; the host pages' %FEED_ORIGIN%), `h.browser` is Chromium.
 * `h.page(feed)`: the bare test page whose widget loads `feed` (through ?feed=). */
export function harness() {
  const h = {
    page: (feed) => `${h.server.url}/pages/plain.html?feed=${encodeURIComponent(feed)}`,
  };
  before(async () => {
    h.server = await startServer();
    h.other = await startServer();
    h.server.state.vars.FEED_ORIGIN = h.other.url;
    h.browser = await launch();
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
    await h.other?.close();
  });
  return h;
}

/** Records the page's Content Security Policy violations from its first script on; the function
 * it returns reads them ("directive blocked-URI" each). */
export async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  return () => page.evaluate(() => window.__violations);
}

/** What must never happen on any page: an uncaught error, or a request off 127.0.0.1. */
export function noHarm(seen) {
  assert.deepEqual(seen.pageErrors, [], "no page errors");
  assert.deepEqual(seen.offHost, [], "no request leaves 127.0.0.1");
}

export async function openPage(browser, { viewport = VIEWPORTS.desktop, timezoneId = "UTC", now = FIXED_NOW, reducedMotion, colorScheme, locale = "en-US", ...more } = {}) {
  const context = await browser.newContext({ viewport, timezoneId, locale, reducedMotion, colorScheme, ...more });
  const page = await context.newPage();
  if (now) await page.clock.setFixedTime(now);
  const seen = { pageErrors: [], consoleErrors: [], offHost: [] };
  page.on("pageerror", (e) => seen.pageErrors.push(e.message));
  page.on("console", (m) => m.type() === "error" && seen.consoleErrors.push(m.text()));
  page.on("request", (r) => {
    const { protocol, hostname } = new URL(r.url());
    if (protocol !== "data:" && hostname !== "127.0.0.1") seen.offHost.push(r.url());
  });
  return { page, context, seen };
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage });
}

/** Polls `check` (sync or async) until it returns a truthy value, or fails after `ms`. */
export async function until(check, what, ms = 10_000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await check();
    if (last) return last;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** The focused element, looking inside shadow roots. */
export function deepActiveElement(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a ? { tag: a.tagName, text: a.textContent, className: a.className } : null;
  });
}

/** Chooses a city in a widget's city field as a visitor does: types, and Enter takes the best
 * match ("" is All cities). `scope`: a page, a frame or a widget's element. */
export async function chooseCity(scope, typed) {
  const field = scope.locator("input[role=combobox]").filter({ visible: true }).first();
  await field.fill(typed);
  await field.press("Enter");
}

/** The campaign cards on screen. The bundled page also holds pre-rendered cards in the light
 * DOM, which stop being rendered once the widget shows its own: `:visible` tells them apart. */
export const cards = (page) => page.locator("article.um-card:visible");

/** Waits until every widget on the page is live (the app has taken over its first screen: the
 * element's `data-um-live`) and shows its listings or an alert (the pre-rendered listings of the
 * bundled page do not count). */
export function widgetsReady(page) {
  return until(
    () =>
      page.evaluate(() => {
        const hosts = [...document.querySelectorAll("[data-upcoming-meetings]")];
        return hosts.length > 0 && hosts.every((h) => h.hasAttribute("data-um-live") && h.shadowRoot?.querySelector("article, [role=alert], .um-message"));
      }),
    "every widget live",
  );
}

/** Waits until every widget on the page shows its first screen's listings, painted by the
 * first-paint module (the app may not have come yet). */
export function widgetsPainted(page) {
  return until(
    () =>
      page.evaluate(() => {
        const hosts = [...document.querySelectorAll("[data-upcoming-meetings]")];
        return hosts.length > 0 && hosts.every((h) => h.shadowRoot?.querySelector("article"));
      }),
    "every widget painted",
  );
}
