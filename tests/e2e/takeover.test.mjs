// End-to-end: the two stages, in Chromium (the core of it in every engine: engines.test.mjs).
// The first-paint module paints each widget's first screen before the app is fetched; the app,
// held back here by the server until the test lets it go, takes the painted screen over with
// the very same markup, and nothing moves: a meeting scrolled to stays to the pixel, the page
// has no layout shift, the reader's focus, typing and taps carry over. A module that cannot be
// fetched, or a feed that fails, still ends in what the reader can act on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { hold } from "../../tools/server.mjs";
import { VIEWPORTS, builtFiles, deepActiveElement, harness, noHarm, openPage, recordViolations, widgetsPainted, widgetsReady } from "./harness.mjs";

const h = harness();
const FILES = builtFiles();
const isApp = (path) => path === FILES.app || path === FILES.appWasm;
const chapter = () => `${h.server.url}/pages/chapter.html`;

/** Records, from the page's first script, each swap of a widget's painted screen for the app's:
 * both as normalized markup (attributes sorted, comments and empty text left out: they take no
 * place on the page). */
async function recordSwaps(page) {
  await page.addInitScript(() => {
    window.__swaps = [];
    const norm = (node) => {
      if (node.nodeType === 3) return node.data;
      if (node.nodeType !== 1) return "";
      const attrs = [...node.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
      return `<${node.localName} ${attrs.join(" ")}>${[...node.childNodes].map(norm).join("")}</${node.localName}>`;
    };
    const watch = (shadow) =>
      new MutationObserver((records) => {
        for (const r of records) {
          const [gone] = [...r.removedNodes].filter((n) => n.nodeType === 1);
          const [came] = [...r.addedNodes].filter((n) => n.nodeType === 1);
          if (gone && came) window.__swaps.push({ painted: norm(gone), app: norm(came), listings: !!gone.querySelector(".um-filter") });
        }
      }).observe(shadow, { childList: true });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const shadow = attach.call(this, init);
      watch(shadow);
      return shadow;
    };
  });
  return () => page.evaluate(() => window.__swaps);
}

test("the first screen is painted before the app is asked for, which then comes by itself", async () => {
  const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone });
  const app = hold(h.server.state, isApp);
  const asked = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(chapter());
  await widgetsPainted(page);
  const painted = [...asked];
  for (const file of [FILES.paint, FILES.paintWasm, FILES.css, "/feed.json"]) assert.ok(painted.includes(file), `${file} before the first screen`);
  assert.ok(!painted.some(isApp), `no part of the app before the first screen: ${painted}`);
  // Then, with nothing done by the reader, the app is asked for: the page is idle.
  await app.requested;
  app.release();
  await widgetsReady(page);
  noHarm(seen);
  await context.close();
});

test("the feed is fetched beside the first-paint module, not after it", async () => {
  const { page, context } = await openPage(h.browser);
  const module = hold(h.server.state, (p) => p === FILES.paintWasm);
  const feed = hold(h.server.state, (p) => p === "/feed.json");
  await page.goto(chapter());
  // Both asked for while the module is held: neither waited for the other.
  await Promise.all([module.requested, feed.requested]);
  module.release();
  feed.release();
  await widgetsReady(page);
  await context.close();
});

const PAGES = {
  "the bundled feed": () => chapter(),
  "a city chosen in the address": () => `${chapter()}?um-city=new-york`,
  "seven widgets, every data- option": () => `${h.server.url}/pages/options.html`,
  "German, a feed of many zones": () => `${h.server.url}/pages/engines.html?lang=de&feed=/fixtures/world.json`,
  "a feed with problems": () => h.page("/fixtures/invalid/many-problems.json"),
};

for (const [name, url] of Object.entries(PAGES)) {
  test(`the app's first render is the painted screen, element for element: ${name}`, async () => {
    const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone });
    const swaps = await recordSwaps(page);
    await page.goto(url());
    await widgetsReady(page);
    const listed = (await swaps()).filter((s) => s.listings);
    const widgets = await page.locator("[data-upcoming-meetings]").count();
    assert.equal(listed.length, widgets, "each widget's painted listings swapped for the app's, once");
    for (const swap of listed) assert.equal(swap.app, swap.painted, "the same markup");
    noHarm(seen);
    await context.close();
  });
}

test("with the app held back, a tap on Details & RSVP opens that meeting's panel once it comes", async () => {
  const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone });
  const app = hold(h.server.state, isApp);
  await page.goto(chapter());
  await widgetsPainted(page);
  const button = page.locator(".um-meeting", { hasText: "Sprengel Haus" }).getByRole("button", { name: /Details & RSVP/ });
  await button.click();
  // The tap asked for the app at once; until it is there, the tap is kept, and shown as busy.
  await app.requested;
  assert.equal(await button.getAttribute("aria-busy"), "true");
  assert.equal(await page.getByRole("dialog").count(), 0, "no panel without the app");
  app.release();
  const dialog = page.getByRole("dialog", { name: "Sprengel Haus" });
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /Thursday, April 15, 2027/);
  assert.equal((await deepActiveElement(page))?.text, "Close", "focus on Close, as a tap on the live widget gives");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.match((await deepActiveElement(page))?.text ?? "", /Sprengel Haus/, "focus back on the meeting's button");
  noHarm(seen);
  await context.close();
});

test("with the app held back, what the reader types in the city field is kept, and Enter chooses", async () => {
  const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.desktop });
  const app = hold(h.server.state, isApp);
  await page.goto(chapter());
  await widgetsPainted(page);
  const field = page.locator("input[role=combobox]");
  await field.click();
  await app.requested;
  await field.press("Control+a");
  await page.keyboard.type("new y");
  await page.keyboard.press("Enter");
  assert.equal(await field.inputValue(), "new y", "typed into the painted field");
  app.release();
  await page.waitForURL((u) => new URL(u).searchParams.get("um-city") === "new-york");
  assert.equal(await field.inputValue(), "New York", "the field shows the city Enter chose");
  assert.match((await deepActiveElement(page))?.className ?? "", /um-city-input/, "the focus still in the field");
  noHarm(seen);
  await context.close();
});

test("with the app held back, a meeting scrolled to does not move as the app takes over, and the page does not shift", async () => {
  const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone });
  const app = hold(h.server.state, isApp);
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(chapter());
  await widgetsPainted(page);
  // The reader scrolls a meeting to the middle of the screen, then the app comes; its button
  // (the same place in the same markup) is watched in every frame until the app is live and
  // for 30 frames after.
  const watched = page.evaluate(async () => {
    const root = () => document.querySelector("[data-upcoming-meetings]").shadowRoot;
    const buttons = () => [...root().querySelectorAll("button.um-rsvp")];
    const index = Math.floor(buttons().length * 0.6);
    const top = () => buttons()[index].getBoundingClientRect().top;
    scrollBy(0, top() - innerHeight / 2);
    const start = top();
    const painted = buttons()[index];
    let worst = 0;
    let after = 0;
    window.__scrolled = true;
    while (after < 30) {
      await new Promise((ok) => requestAnimationFrame(ok));
      worst = Math.max(worst, Math.abs(top() - start));
      if (document.querySelector("[data-upcoming-meetings]").hasAttribute("data-um-live")) after++;
    }
    return { worst, start, replaced: !painted.isConnected, scrollY };
  });
  await page.waitForFunction(() => window.__scrolled);
  app.release();
  const moved = await watched;
  assert.ok(moved.replaced, "the painted button was replaced by the app's");
  assert.ok(moved.start > 0 && moved.start < 740, `on screen: ${JSON.stringify(moved)}`);
  assert.equal(moved.worst, 0, `it moved by ${moved.worst} px`);
  assert.equal(await page.evaluate(() => window.__shift), 0, "no layout shift");
  noHarm(seen);
  await context.close();
});

test("the app that cannot be fetched: the painted widget says so where the reader tapped, and Retry brings it", async () => {
  const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone });
  const app = hold(h.server.state, isApp, { fail: true });
  await page.goto(chapter());
  await widgetsPainted(page);
  const meeting = page.locator(".um-meeting", { hasText: "Sprengel Haus" });
  await meeting.getByRole("button", { name: /Details & RSVP/ }).click();
  await app.requested;
  app.release();
  const alert = meeting.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded/);
  await alert.getByRole("button", { name: "Retry" }).click();
  await widgetsReady(page);
  await meeting.getByRole("button", { name: /Details & RSVP/ }).click();
  await page.getByRole("dialog", { name: "Sprengel Haus" }).waitFor();
  assert.deepEqual(seen.offHost, []);
  await context.close();
});

test("the first-paint module that cannot be fetched: the app shows the widget", async () => {
  const { page, context, seen } = await openPage(h.browser);
  h.server.state.broken.add(FILES.paintWasm);
  try {
    await page.goto(chapter());
    await widgetsReady(page);
    assert.ok((await page.locator("article.um-card:visible").count()) > 0);
  } finally {
    h.server.state.broken.delete(FILES.paintWasm);
  }
  noHarm(seen);
  await context.close();
});

test("a meeting's link opens its panel at once: the app comes without waiting for the page to be idle", async () => {
  const { page, context, seen } = await openPage(h.browser);
  const app = hold(h.server.state, isApp);
  await page.goto(`${chapter()}?um-meeting=${encodeURIComponent("threat-of-fascism/nyu")}`);
  // Asked for before the first screen has even been painted, or at that moment.
  await app.requested;
  app.release();
  await page.getByRole("dialog", { name: "New York University Global Center" }).waitFor();
  noHarm(seen);
  await context.close();
});

test("on a CDN, under a strict CSP: both stages come from beside the loader, on its origin", async () => {
  // The widget's files on the second origin, which answers as a CDN does (CORS for everyone).
  const cdn = h.other.url;
  const csp = `default-src 'self'; script-src 'self' ${cdn} 'wasm-unsafe-eval'; connect-src 'self' ${cdn}; style-src 'self'`;
  h.server.state.headers = { "content-security-policy": csp };
  h.other.state.headers = { "access-control-allow-origin": "*" };
  try {
    const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone });
    const violations = await recordViolations(page);
    h.other.state.requests.length = 0;
    h.server.state.requests.length = 0;
    await page.goto(`${h.server.url}/pages/cdn.html`);
    await widgetsReady(page);
    await page.locator(".um-meeting", { hasText: "Sprengel Haus" }).getByRole("button", { name: /Details & RSVP/ }).click();
    await page.getByRole("dialog", { name: "Sprengel Haus" }).getByRole("heading", { name: "Add to calendar" }).waitFor();
    for (const file of [FILES.paint, FILES.paintWasm, FILES.app, FILES.appWasm, FILES.css]) {
      assert.ok(h.other.state.requests.includes(file), `${file} from the CDN: ${h.other.state.requests}`);
    }
    assert.ok(!h.server.state.requests.some((r) => /\.(wasm|js)$/.test(r)), "no script or wasm asked of the page's own origin");
    assert.deepEqual(await violations(), []);
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  } finally {
    h.server.state.headers = {};
    h.other.state.headers = {};
  }
});
