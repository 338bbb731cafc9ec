// Near me, and finding a city among hundreds: "Near me" shows only for a feed with coordinates,
// asks for the position only on a tap, lists the cities nearest first, chooses the nearest with
// upcoming meetings and says how far it is (miles for a US reader, kilometres in German). The
// position never reaches the URL, storage or the network. A denied position says so. The city
// field finds a city among 400 by a few letters typed, by keys and by taps, and ?city= and Back
// work as before.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { STRICT_CSP, VIEWPORTS, harness, noHarm, openPage, screenshot, until, widgetsReady } from "./harness.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const NEAR = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/near.json"), "utf8"));
const h = harness();
const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);

/** The great-circle distance in km (the test's own haversine, not the widget's). */
function km(a, b) {
  const rad = (d) => (d * Math.PI) / 180;
  const s = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(s));
}

/** Where the fixture's city is: the average of its venues (plain means do within a city). */
function cityAt(city) {
  const places = NEAR.campaigns.flatMap((c) => c.meetings).map((m) => m.place).filter((p) => p.city === city);
  const mean = (k) => places.reduce((sum, p) => sum + p[k], 0) / places.length;
  return { lat: mean("lat"), lon: mean("lon") };
}

/** What the reader reads: "13 mi", "1,4 km". */
function distanceText(kmValue, unit, decimal) {
  const v = unit === "mi" ? kmValue / 1.609344 : kmValue;
  if (v >= 9.95) return `${Math.round(v)} ${unit}`;
  return `${(Math.max(1, Math.round(v * 10)) / 10).toFixed(1).replace(".", decimal)} ${unit}`;
}

/** Everything a page could have kept or sent: its URL, its storage, every request path. */
async function traces(page, server) {
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  return [page.url(), storage, ...server.state.requests].join("\n");
}

// In Chula Vista: the nearest city of the feed, but its only meeting is past; San Diego is next.
const CHULA_VISTA = { latitude: 32.6405, longitude: -117.0105 };

describe("Near me", () => {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test(`${size}: a tap asks for the position, lists the cities nearest first and chooses the nearest with meetings, in miles`, async () => {
      const { page, context, seen } = await openPage(h.browser, { viewport, timezoneId: "America/Los_Angeles", hasTouch: size === "phone" });
      await context.grantPermissions(["geolocation"], { origin: h.server.url });
      await context.setGeolocation(CHULA_VISTA);
      // Count the position requests the page makes.
      await page.addInitScript(() => {
        const ask = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
        window.__asked = 0;
        navigator.geolocation.getCurrentPosition = (...a) => (window.__asked++, ask(...a));
      });
      h.server.state.requests.length = 0;
      await page.goto(h.page("/fixtures/near.json"));
      await widgetsReady(page);
      assert.equal(await page.evaluate(() => window.__asked), 0, "nothing asked before the tap");
      // Once the page is idle the widget fetches its later wasm modules (the code of Near me's
      // distances among them): after those, nothing more may be requested.
      await page.waitForLoadState("networkidle");
      const requestsBefore = h.server.state.requests.length;

      const button = page.getByRole("button", { name: "Near me" });
      await (size === "phone" ? button.tap() : button.click());
      const expected = distanceText(km({ lat: CHULA_VISTA.latitude, lon: CHULA_VISTA.longitude }, cityAt("San Diego")), "mi", ".");
      await page.getByRole("status").filter({ hasText: `Nearest to you: San Diego · ${expected}` }).waitFor();
      assert.equal(await page.evaluate(() => window.__asked), 1);
      await until(() => params(page).city === "san-diego", "?city=san-diego");
      assert.deepEqual(await page.locator(".um-meeting:visible .um-title-text").allTextContents(), ["UC San Diego, Price Center", "San Diego State University"]);
      await screenshot(page, `${size}-near-me`, { fullPage: false });

      // The list, nearest first: Chula Vista (no upcoming meetings, but nearest), San Diego, LA…
      const field = page.getByRole("combobox", { name: "City" });
      assert.equal(await field.inputValue(), "San Diego");
      await (size === "phone" ? page.getByRole("button", { name: "Show all cities" }).tap() : field.click());
      const options = await page.getByRole("option").allTextContents();
      assert.equal(options[0], "All cities (8)");
      const order = options.slice(1).map((o) => o.replace(/ \(\d+\).*/, ""));
      assert.deepEqual(order, ["Chula Vista", "San Diego", "Los Angeles", "Portland, OR", "Portland, ME", "Berlin", "München", "Colombo"]);
      assert.match(options[2], /^San Diego \(2\) · \d+ mi$/);
      assert.equal(options.at(-1), "Colombo (1)", "no coordinates: last, with no distance");
      await screenshot(page, `${size}-near-me-list`, { fullPage: false });
      await field.press("Escape");

      // The position went nowhere: not into the URL, storage or any request.
      const trace = await traces(page, h.server);
      for (const n of [CHULA_VISTA.latitude, CHULA_VISTA.longitude]) assert.ok(!trace.includes(String(n)), `${n} nowhere`);
      assert.equal(h.server.state.requests.length, requestsBefore, "no request after the tap");
      noHarm(seen);
      await context.close();
    });
  }

  test("a denied position says so and leaves the list as it was", async () => {
    const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone, hasTouch: true });
    await page.goto(h.page("/fixtures/near.json"));
    await widgetsReady(page);
    // Nothing granted: Chromium refuses the position.
    await page.getByRole("button", { name: "Near me" }).tap();
    await page.getByRole("status").filter({ hasText: "Your position was not shared: choose your city from the list." }).waitFor();
    assert.equal(params(page).city, undefined);
    assert.equal(await page.getByRole("combobox", { name: "City" }).inputValue(), "All cities");
    assert.equal(await page.locator("article.um-card:visible").count(), 2);
    noHarm(seen);
    await context.close();
  });

  test("the bundled page, under the strict CSP: its one placed city, Los Angeles", async () => {
    h.server.state.headers["content-security-policy"] = STRICT_CSP;
    try {
      const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone, hasTouch: true, timezoneId: "America/Los_Angeles" });
      const violations = [];
      page.on("console", (m) => /Content.Security.Policy/i.test(m.text()) && violations.push(m.text()));
      await context.grantPermissions(["geolocation"], { origin: h.server.url });
      const downtown = { latitude: 34.0522, longitude: -118.2437 };
      await context.setGeolocation(downtown);
      await page.goto(`${h.server.url}/`);
      await widgetsReady(page);
      const bundled = JSON.parse(readFileSync(join(ROOT, "public/feed.json"), "utf8"));
      const placed = bundled.campaigns.flatMap((c) => c.meetings).map((m) => m.place).filter((p) => p.lat !== undefined);
      assert.deepEqual([...new Set(placed.map((p) => p.city))], ["Los Angeles"], "the bundled feed places one city");
      await page.getByRole("button", { name: "Near me" }).filter({ visible: true }).tap();
      const expected = distanceText(km({ lat: downtown.latitude, lon: downtown.longitude }, placed[0]), "mi", ".");
      await page.getByRole("status").filter({ hasText: `Nearest to you: Los Angeles · ${expected}` }).waitFor();
      await until(() => params(page).city === "los-angeles", "?city=los-angeles");
      assert.deepEqual(violations, []);
      noHarm(seen);
      await context.close();
    } finally {
      delete h.server.state.headers["content-security-policy"];
    }
  });

  test("a feed without coordinates offers no Near me", async () => {
    const { page, context, seen } = await openPage(h.browser);
    await page.goto(h.page("/fixtures/web-feed.json"));
    await widgetsReady(page);
    await page.getByRole("combobox", { name: "City" }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Near me" }).count(), 0);
    noHarm(seen);
    await context.close();
  });

  test("German, in an iframe from another origin with the README's allow attribute, under the strict CSP: kilometres", async () => {
    // The frame's page is under the strict CSP (the host page's own policy is its business).
    h.other.state.headers["content-security-policy"] = STRICT_CSP;
    try {
      const { page, context, seen } = await openPage(h.browser, { viewport: VIEWPORTS.phone, locale: "de-DE", timezoneId: "Europe/Berlin", hasTouch: true });
      const violations = [];
      page.on("console", (m) => /Content.Security.Policy/i.test(m.text()) && violations.push(m.text()));
      await context.grantPermissions(["geolocation"], { origin: h.server.url });
      const alexanderplatz = { latitude: 52.5219, longitude: 13.4132 };
      await context.setGeolocation(alexanderplatz);
      await page.goto(`${h.server.url}/pages/near-frame.html`);
      const frame = page.frameLocator("iframe");
      await frame.locator(".um article").first().waitFor();
      await frame.getByRole("button", { name: "In meiner Nähe" }).tap();
      const expected = distanceText(km({ lat: 52.5219, lon: 13.4132 }, cityAt("Berlin")), "km", ",");
      assert.match(expected, /^\d,\d km$/);
      await frame.getByRole("status").filter({ hasText: `Am nächsten: Berlin · ${expected}` }).waitFor();
      assert.equal(await frame.getByRole("combobox", { name: "Stadt" }).inputValue(), "Berlin");
      await screenshot(page, "phone-near-me-de-frame", { fullPage: false });
      assert.deepEqual(violations, []);
      noHarm(seen);
      await context.close();
    } finally {
      delete h.other.state.headers["content-security-policy"];
    }
  });
});

describe("finding a city among 400", () => {
  // A feed of 800 meetings in 400 cities, made by the benchmark's generator.
  const dir = mkdtempSync(join(tmpdir(), "um-cities-"));
  const feed = join(dir, "cities.json");
  execFileSync(process.execPath, [join(ROOT, "bench/gen-feed.mjs"), feed, "800", "400"], { stdio: "ignore" });
  const body = readFileSync(feed);

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test(`${size}: a few letters narrow the list, keys or a tap choose, and Back undoes it`, async () => {
      h.server.state.routes.set("/cities.json", (req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
      const { page, context, seen } = await openPage(h.browser, { viewport, hasTouch: size === "phone" });
      await page.goto(h.page("/cities.json"));
      await widgetsReady(page);
      const field = page.getByRole("combobox", { name: "City" });
      await field.click();
      // The list's first entries go in at once, the rest after the next paint.
      await until(async () => (await page.getByRole("option").count()) === 401, "All cities and 400 cities in the list");
      await field.press("Escape");
      assert.equal(await page.getByRole("listbox").count(), 0, "Escape closes the list");

      // The 137th city, found by the first letters of its name.
      const wanted = (await (async () => {
        await field.click();
        const label = (await page.getByRole("option").nth(137).textContent()).replace(/ \(\d+\)$/, "");
        await field.press("Escape");
        return label;
      })());
      // Typed as a visitor types: a tap or click on the field (which shows "All cities"), then keys.
      await (size === "phone" ? field.tap() : field.click());
      await page.keyboard.type(wanted.slice(0, 5).toLowerCase());
      assert.equal(await field.inputValue(), wanted.slice(0, 5).toLowerCase(), "the typed letters replace the shown city");
      const narrowed = await page.getByRole("option").allTextContents();
      assert.ok(narrowed.length > 0 && narrowed.length < 40, `${narrowed.length} cities for "${wanted.slice(0, 5)}"`);
      assert.equal(await field.getAttribute("aria-expanded"), "true");
      await screenshot(page, `${size}-city-search`, { fullPage: false });

      const index = narrowed.findIndex((o) => o.replace(/ \(\d+\)$/, "") === wanted);
      const count = Number(narrowed[index]?.match(/\((\d+)\)$/)[1]);
      assert.ok(index >= 0, `${wanted} among ${narrowed}`);
      if (size === "phone") {
        await page.getByRole("option").nth(index).tap();
      } else {
        // The best match is active; the arrow keys move to the wanted one.
        for (let i = 0; i < index; i++) await field.press("ArrowDown");
        const active = await field.getAttribute("aria-activedescendant");
        assert.equal((await page.locator(`[id="${active}"]`).textContent()).replace(/ \(\d+\)$/, ""), wanted);
        assert.equal(await page.locator(`[id="${active}"]`).getAttribute("aria-selected"), "true");
        await field.press("Enter");
      }
      const slug = await until(() => params(page).city, "?city=");
      assert.equal(await field.inputValue(), wanted);
      assert.equal(await page.getByRole("listbox").count(), 0, "closed once chosen");
      await until(async () => (await page.locator(".um-meeting:visible").count()) === count, `the ${count} meetings of ${wanted}`);

      // Back: all cities again; the link with ?city= chooses it again.
      await page.goBack();
      await until(async () => (await field.inputValue()) === "All cities", "All cities after Back");
      assert.equal(params(page).city, undefined);
      await page.goto(h.page("/cities.json") + `&city=${slug}`);
      await widgetsReady(page);
      assert.equal(await page.getByRole("combobox", { name: "City" }).inputValue(), wanted);
      noHarm(seen);
      await context.close();
    });
  }

  test("a text that matches no city says so; accents and case do not matter", async () => {
    const { page, context, seen } = await openPage(h.browser);
    await page.goto(h.page("/fixtures/near.json"));
    await widgetsReady(page);
    const field = page.getByRole("combobox", { name: "City" });
    await field.fill("atlantis");
    await page.getByRole("status").filter({ hasText: "No city matches “atlantis”." }).waitFor();
    assert.equal(await page.getByRole("option").count(), 0);
    await field.fill("MUNCH");
    assert.deepEqual(await page.getByRole("option").allTextContents(), ["München (1)"]);
    await field.press("Enter");
    await until(() => params(page).city === "münchen", "?city=münchen");
    noHarm(seen);
    await context.close();
  });
});
