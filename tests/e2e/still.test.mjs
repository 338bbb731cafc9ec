// The host page stays still while the widget loads (Chromium's layout-shift entries; the other
// engines measure a meeting's movement in engines.test.mjs): a plain chapter page with text and a
// footer after the two-line snippet, no CSS of its own for the widget, the loader slowed so that
// the page paints before any widget code could run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { harness, noHarm, openPage, VIEWPORTS } from "./harness.mjs";

const h = harness();
const LOADER = join(resolve(import.meta.dirname, "../.."), "dist/upcoming-meetings.js");

/** Serves the loader `ms` late, as a slow network would. */
function slowLoader(server, ms) {
  server.state.routes.set("/upcoming-meetings.js", async (req, res) => {
    const body = await readFile(LOADER);
    setTimeout(() => {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      res.end(body);
    }, ms);
  });
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`a plain chapter page does not move while its widget loads (${name}, ${viewport.width} px)`, async () => {
    slowLoader(h.server, 500);
    const { page, context, seen } = await openPage(h.browser, { viewport, now: null });
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__shifts.push({ value: e.value, input: e.hadRecentInput, sources: e.sources.map((s) => s.node?.nodeName) });
      }).observe({ type: "layout-shift", buffered: true });
      window.__painted = null;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === "first-paint") window.__painted = e.startTime;
      }).observe({ type: "paint", buffered: true });
    });
    await page.goto(`${h.server.url}/pages/chapter.html?now=2026-12-01T12:00:00Z`);
    const host = page.locator("[data-upcoming-meetings]");
    await host.locator("article.um-card").first().waitFor();
    // The room is given back once the widget shows (its listings are taller than the room here).
    await page.waitForFunction(() => document.querySelector("[data-upcoming-meetings]").hasAttribute("data-um-fitted"));
    await page.waitForTimeout(500);
    const { shifts, painted } = await page.evaluate(() => ({ shifts: window.__shifts, painted: window.__painted }));
    assert.ok(painted !== null, "the page painted");
    assert.deepEqual(shifts, [], "no layout shift at all, of any element");
    const sizes = await page.evaluate(() => {
      const host = document.querySelector("[data-upcoming-meetings]");
      return { host: host.getBoundingClientRect().height, widget: host.shadowRoot.querySelector(".um").getBoundingClientRect().height };
    });
    assert.ok(Math.abs(sizes.host - sizes.widget) < 1, `the element as tall as its widget: ${JSON.stringify(sizes)}`);
    noHarm(seen);
    await context.close();
    h.server.state.routes.delete("/upcoming-meetings.js");
  });
}
