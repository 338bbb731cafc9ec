// End-to-end: the built dist/ served on 127.0.0.1, driven in Debian's Chromium at a phone and a
// desktop size and in two browser time zones. Screenshots go to test-output/screens/. What
// depends on the size or the zone is here: venue times, a reload on a chosen city, the panel's
// shape. How the city, the panel and Retry behave is tested once, below this level, in
// tests/web.rs, and in every engine in engines.test.mjs.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { BUNDLED_CARDS, VIEWPORTS, ZONES, cards, harness, noHarm, openPage, screenshot, until, widgetsReady, chooseCity } from "./harness.mjs";

const h = harness();
const meeting = (page, text) => page.locator(".um-meeting:visible", { hasText: text });

async function loaded(page, path = "/") {
  await page.goto(h.server.url + path);
  await widgetsReady(page);
}

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  for (const timezoneId of ZONES) {
    const tag = `${size}-${timezoneId.replace("/", "-")}`;
    describe(`${size} ${viewport.width}×${viewport.height}, browser in ${timezoneId}`, () => {
      test("the bundled feed loads, in venue time", async () => {
        const { page, context, seen } = await openPage(h.browser, { viewport, timezoneId });
        await loaded(page);
        assert.equal(await cards(page).count(), BUNDLED_CARDS);
        assert.equal(
          await cards(page).first().getByRole("heading", { level: 2 }).textContent(),
          "No to war in the Middle East! For a new anti-war movement!",
        );
        // The venue's wall-clock time, whatever the reader's zone.
        assert.equal(await meeting(page, "Sprengel Haus").locator(".um-time").textContent(), "6:30 PM GMT+2");
        assert.equal(await meeting(page, "Los Angeles City College").locator(".um-time").textContent(), "7:00 PM PDT");
        // It has a livestream: the reader's own clock too (00:30 UTC on Saturday).
        const yours = { "America/Los_Angeles": "4:30 PM", "Asia/Tokyo": "Sat 9:30 AM" }[timezoneId];
        assert.equal(await meeting(page, "Verso Books office").locator(".um-time").textContent(), `7:30 PM – 10:00 PM EST · ${yours} your time`);
        // A campaign with no meetings still shows, with its notice.
        const water = cards(page).filter({ hasText: "The Water Crisis" });
        assert.equal(await water.locator(".um-notice").textContent(), "Meeting dates and locations coming soon!");
        assert.equal(await water.locator(".um-meeting").count(), 0);
        await screenshot(page, `${tag}-bundled`);
        noHarm(seen);
        assert.deepEqual(seen.consoleErrors, []);
        await context.close();
      });

      test("a chosen city lands in the URL and survives a reload", async () => {
        const { page, context, seen } = await openPage(h.browser, { viewport, timezoneId });
        await loaded(page);
        await chooseCity(page, "new y");
        await until(() => new URL(page.url()).searchParams.get("city") === "new-york", "?city=new-york");
        await until(async () => (await page.locator(".um-meeting:visible").count()) === 5, "five New York meetings");
        for (const street of await page.locator(".um-meeting:visible .um-street").allTextContents()) {
          assert.match(street, /New York, NY/);
        }
        await screenshot(page, `${tag}-city`);

        await page.reload();
        await widgetsReady(page);
        assert.equal(await page.getByLabel("City").filter({ visible: true }).inputValue(), "New York");
        // A chosen city's cards come a screenful at a time.
        await until(async () => (await page.locator(".um-meeting:visible").count()) === 5, "the five again after a reload");
        noHarm(seen);
        await context.close();
      });

      test("the RSVP panel is a bottom sheet on a phone and centred on a desktop", async () => {
        const { page, context, seen } = await openPage(h.browser, { viewport, timezoneId });
        await loaded(page, "/?city=new-york");
        const card = cards(page).filter({ has: page.getByRole("heading", { name: "The Threat of Fascism and How to Fight it" }) });
        await card.getByRole("button", { name: /Details & RSVP/ }).click();
        const dialog = page.getByRole("dialog", { name: "New York University Global Center" });
        await dialog.waitFor();
        assert.match(await dialog.textContent(), /Thursday, April 15, 2027/);
        assert.match(await dialog.textContent(), /6:30 PM EDT/);
        await dialog.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
        const box = await dialog.boundingBox();
        if (size === "phone") {
          assert.ok(Math.abs(box.y + box.height - viewport.height) <= 1, "a bottom sheet on a phone");
          assert.ok(box.width >= viewport.width - 1, "full width on a phone");
        } else {
          assert.ok(box.x > 100 && Math.abs(box.x + box.width / 2 - viewport.width / 2) <= 2, "centred on a desktop");
        }
        await screenshot(page, `${tag}-rsvp`, { fullPage: false });
        noHarm(seen);
        await context.close();
      });
    });
  }
}

describe("the bundled page is pre-rendered", () => {
  test("its listings show before the widget starts, and the widget then takes over in place", async () => {
    const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone });
    let releaseWasm;
    const wasmHeld = new Promise((ok) => (releaseWasm = ok));
    await page.route("**/*.wasm", async (route) => {
      await wasmHeld;
      await route.continue();
    });
    await page.goto(h.server.url + "/");
    // Before any wasm: the pre-rendered listings, on screen, with the live widget not started.
    await until(async () => (await cards(page).count()) === BUNDLED_CARDS, "pre-rendered cards on screen");
    const live = () => page.evaluate(() => document.querySelector("[data-upcoming-meetings]").shadowRoot?.querySelectorAll("article").length ?? 0);
    assert.equal(await live(), 0);
    const before = await cards(page).first().boundingBox();
    releaseWasm();
    await widgetsReady(page);
    assert.equal(await live(), BUNDLED_CARDS);
    assert.equal(await cards(page).count(), BUNDLED_CARDS, "the pre-rendered cards are no longer rendered");
    const after = await cards(page).first().boundingBox();
    assert.ok(Math.abs(after.y - before.y) < 1 && Math.abs(after.height - before.height) < 2, `the first card stays in place (${before.y}/${before.height} → ${after.y}/${after.height})`);
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  });
});
