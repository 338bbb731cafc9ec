// Worth sharing: every meeting has a link of its own. Opening a meeting's panel puts its link in
// the widget's own URL parameter (Back closes the panel); opening such a link shows the panel
// (with the city it carries); "Share" copies the link where the browser has no share sheet.
// The host's own parameters and a second widget's stay as they were.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { VIEWPORTS, harness, noHarm, openPage, screenshot, until, widgetsReady } from "./harness.mjs";

const h = harness();
const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);

describe("a link of its own for every meeting", () => {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test(`${size}: the panel's link lands in the URL, Back closes it, and the link opens it again with its city`, async () => {
      const { page, context, seen } = await openPage(h.browser, { viewport });
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.server.url });
      await page.goto(`${h.server.url}/?city=new-york&utm_source=host`);
      await widgetsReady(page);
      await page.locator(".um-meeting:visible", { hasText: "New York University Global Center" }).getByRole("button", { name: /Details & RSVP/ }).click();
      const dialog = page.getByRole("dialog", { name: "New York University Global Center" });
      await dialog.waitFor();
      await until(() => params(page).meeting, "?meeting= in the URL");
      const link = page.url();
      assert.deepEqual(Object.keys(params(page)).sort(), ["city", "meeting", "utm_source"], "the host's parameter kept");
      assert.match(params(page).meeting, /^[\w-]+\/[\w-]+$/);

      // Share: headless Chromium has no share sheet here, so the link goes to the clipboard.
      await dialog.getByRole("button", { name: "Share" }).click();
      await dialog.getByRole("status").filter({ hasText: "Link copied." }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
      await screenshot(page, `${size}-share`, { fullPage: false });

      // Back closes the panel and takes the meeting out of the URL; the city stays.
      await page.goBack();
      await dialog.waitFor({ state: "hidden" });
      assert.deepEqual(params(page), { city: "new-york", utm_source: "host" });

      // The link, opened anew: the panel is open, in its city.
      await page.goto(link);
      await widgetsReady(page);
      await dialog.waitFor();
      assert.equal(await page.getByLabel("City").filter({ visible: true }).inputValue(), "New York");
      // Closing a panel the link opened takes the meeting out of the URL in place.
      await dialog.getByRole("button", { name: "Close" }).click();
      await dialog.waitFor({ state: "hidden" });
      await until(() => !params(page).meeting, "no ?meeting= once closed");
      assert.deepEqual(params(page), { city: "new-york", utm_source: "host" });
      noHarm(seen);
      await context.close();
    });
  }

  test("two widgets on a page keep their own meeting parameters", async () => {
    const { page, context, seen } = await openPage(h.browser);
    await page.goto(`${h.server.url}/embed-example.html`);
    await widgetsReady(page);
    const hosts = page.locator("[data-upcoming-meetings]");
    assert.ok((await hosts.count()) >= 2);
    await hosts.nth(1).locator(".um-rsvp").first().click();
    await until(() => Object.keys(params(page)).some((k) => k.includes("meeting")), "a meeting parameter");
    const [name] = Object.keys(params(page)).filter((k) => k.includes("meeting"));
    // Not the first widget's: it has no panel open.
    assert.equal(await hosts.nth(0).evaluate((el) => el.shadowRoot.querySelector("dialog").open), false);
    await page.goto(page.url());
    await widgetsReady(page);
    await until(() => hosts.nth(1).evaluate((el) => el.shadowRoot.querySelector("dialog").open), `the second widget's panel, from ?${name}=`);
    assert.equal(await hosts.nth(0).evaluate((el) => el.shadowRoot.querySelector("dialog").open), false);
    noHarm(seen);
    await context.close();
  });

  test("a link to a meeting the feed no longer has shows the listings, no panel", async () => {
    const { page, context, seen } = await openPage(h.browser);
    await page.goto(`${h.server.url}/?meeting=gone/gone`);
    await widgetsReady(page);
    await page.waitForTimeout(300);
    assert.equal(await page.getByRole("dialog").count(), 0);
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  });
});
