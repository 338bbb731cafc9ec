// Dev aid: where a city change spends its time at 5,000 meetings (script vs. style/layout/paint).
//   node bench/prof-filter.mjs   (after `make bench` has written bench/out)
import { chromium } from "playwright-core";
import { startServer } from "../tools/server.mjs";
const server = await startServer({ compress: true, mounts: { "/bench/": "bench/out" } });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
const page = await context.newPage();
await page.addInitScript(`globalThis.UPCOMING_MEETINGS_NOW = "2026-12-01T12:00:00Z";`);
const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
await page.goto(server.url + "/bench/snippet-5000.html");
await page.waitForFunction(() => performance.getEntriesByName("upcoming-meetings:listings").length > 0, null, { timeout: 120_000 });
const slugs = await page.evaluate(() => [...document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelectorAll("select option")].map((o) => o.value).filter(Boolean));
const change = (slug) => page.evaluate((slug) => new Promise((done) => {
  const select = document.querySelector("[data-upcoming-meetings]").shadowRoot.querySelector("select");
  const t = { start: performance.now() };
  select.value = slug;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  t.sync = performance.now() - t.start;
  setTimeout(() => { t.tasks = performance.now() - t.start; document.body.offsetHeight; t.layout = performance.now() - t.start; }, 0);
  requestAnimationFrame(() => setTimeout(() => { t.frame = performance.now() - t.start; done(t); }, 0));
}), slug);
const step = Math.floor(slugs.length / 20);
for (let i = 0; i < 8; i++) console.log(slugs[i * step], JSON.stringify(await change(slugs[i * step]), (k, v) => typeof v === "number" ? Math.round(v) : v));
console.log("all", JSON.stringify(await change("")));
await browser.close(); await server.close();
