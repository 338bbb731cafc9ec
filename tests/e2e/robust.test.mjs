// End-to-end, never a blank page: every way a feed can be wrong, a network that hangs or drops
// (retries, the saved copy), hostile feed content, a panic, and time on the hard days, in
// Debian's Chromium against dist/ on 127.0.0.1.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { BUNDLED_CARDS, cards, harness, noHarm, openPage, screenshot, until, widgetsReady } from "./harness.mjs";

const h = harness();
const feedPage = (feed) => h.page(feed);

/** Serves `body` at `path` for the rest of the test file. */
function serve(path, body, headers = {}) {
  h.server.state.routes.set(path, (req, res) => {
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store", ...headers });
    res.end(body);
  });
}

describe("a feed that is partly wrong shows everything good and says what was left out", () => {
  test("good entries show; a quiet notice counts and explains the rest", async () => {
    const { page, context, seen } = await openPage(h.browser, { viewport: { width: 360, height: 740 } });
    await page.goto(feedPage("/fixtures/partial.json"));
    await widgetsReady(page);
    assert.deepEqual(await page.locator("article h2").allTextContents(), ["A good campaign", "Another good campaign"]);
    assert.deepEqual(await page.locator(".um-title-text").allTextContents(), [
      "Good Hall",
      "End Before Start Hall",
      "Odd Status Hall",
      "Wrong Offset Hall",
    ]);
    const notice = page.locator("details.um-problems");
    assert.equal(await notice.locator("summary").textContent(), "7 entries of the feed could not be shown.");
    assert.equal(await notice.getAttribute("open"), null, "folded away until asked for");
    await notice.locator("summary").click();
    const details = await notice.locator("li").allTextContents();
    assert.equal(details.length, 10, details.join("\n"));
    for (const expected of [
      /campaigns\[0\] "good" › meetings\[1\] "no-city".*left out.*"city"/,
      /meetings\[2\] \(left out\).*"id"/,
      /"bad-date".*left out.*April 19, 7pm/,
      /meetings\[4\] "ok".*left out.*used by an earlier meeting/,
      /campaigns\[2\] "good".*left out.*used by an earlier campaign/,
      /campaigns\[3\] \(left out\).*not an object/,
      /"end-first".*corrected.*not after the start/,
      /"wrong-offset".*corrected.*-08:00.*-07:00/,
      /"odd-status".*corrected.*shown as scheduled/,
    ]) {
      assert.ok(details.some((d) => expected.test(d)), `${expected} in\n${details.join("\n")}`);
    }
    // Mended entries show as mended: the wall-clock time kept with the zone's offset.
    assert.equal(await page.locator(".um-meeting", { hasText: "Wrong Offset Hall" }).locator(".um-time").textContent(), "7:00 PM PDT");
    assert.equal(await page.locator(".um-meeting", { hasText: "End Before Start Hall" }).locator(".um-time").textContent(), "7:00 PM EDT");
    await screenshot(page, "robust-partial-phone");
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  });

  test("absurdly long text is cut and the layout holds", async () => {
    serve(
      "/long.json",
      JSON.stringify({
        version: 1,
        campaigns: [
          {
            id: "long",
            title: "Long ".repeat(200),
            summary: "word ".repeat(40_000),
            meetings: [{ id: "m", start: "2027-04-15", place: { city: "Detroit", name: "V".repeat(3_000), room: "R".repeat(3_000) } }],
          },
        ],
      }),
    );
    const { page, context } = await openPage(h.browser, { viewport: { width: 320, height: 700 } });
    await page.goto(feedPage("/long.json"));
    await widgetsReady(page);
    const venue = await page.locator(".um-title-text").textContent();
    assert.equal(venue.length, 301, "cut to 300 characters and an ellipsis");
    assert.ok(venue.endsWith("…"));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `no horizontal scroll (${overflow}px)`);
    const card = await cards(page).first().boundingBox();
    assert.ok(card.width <= 320, "the card keeps to the screen");
    assert.match(await page.locator("details.um-problems summary").textContent(), /Details for the feed's publisher/);
    await screenshot(page, "robust-long-text-320", { fullPage: false });
    await context.close();
  });
});

describe("each way loading can fail has its own message and Retry", () => {
  const big = `{"version":1,"campaigns":[],"pad":"${"x".repeat(5 * 1024 * 1024 + 10)}"}`;
  const cases = [
    ["an HTTP error", "/status/500", /the server answered with error 500/],
    ["a network failure", "/fixtures/unreachable.json", /the network did not answer/],
    ["a feed on another site named in the page URL", "https://evil.example/feed.json", /another site/],
    ["a protocol-relative feed address", "//evil.example/feed.json", /another site/],
    ["empty", "/fixtures/empty.json", /the feed is empty/],
    ["cut off", "/fixtures/truncated.json", /cut off before its end/],
    ["not JSON", "/fixtures/not-json.html", /not valid JSON/],
    ["another major version", "/fixtures/invalid/version-2.json", /format version 2/],
    ["JSON of the wrong shape", "/fixtures/wrong-shape.json", /does not have the shape of a meeting feed/],
    ["enormous, with its length announced", "/big-announced.json", /too large/],
    ["enormous, sent in chunks without a length", "/big-chunked.json", /too large/],
  ];
  before(() => {
    serve("/big-announced.json", big);
    h.server.state.routes.set("/big-chunked.json", (req, res) => {
      res.writeHead(200, { "content-type": "application/json", "transfer-encoding": "chunked" });
      for (let i = 0; i < big.length; i += 65536) res.write(big.slice(i, i + 65536));
      res.end();
    });
  });
  for (const [what, feed, message] of cases) {
    test(what, async () => {
      const { page, context, seen } = await openPage(h.browser);
      await page.route("**/fixtures/unreachable.json", (route) => route.abort("internetdisconnected"));
      await page.goto(feedPage(feed));
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert.match(await alert.textContent(), message);
      assert.equal(await page.getByRole("button", { name: "Retry" }).count(), 1);
      assert.equal(await cards(page).count(), 0);
      noHarm(seen);
      await context.close();
    });
  }

  test("Retry recovers once the server answers again", async () => {
    const { page, context, seen } = await openPage(h.browser);
    h.server.state.broken.add("/feed.json");
    try {
      await page.goto(h.server.url + "/");
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert.match(await alert.textContent(), /error 503/);
    } finally {
      h.server.state.broken.delete("/feed.json");
    }
    await page.getByRole("button", { name: "Retry" }).click();
    await widgetsReady(page);
    await until(async () => (await cards(page).count()) === BUNDLED_CARDS, "the listings after Retry");
    noHarm(seen);
    await context.close();
  });

  test("the detail tells the publisher where the JSON breaks", async () => {
    const { page, context } = await openPage(h.browser);
    await page.goto(feedPage("/fixtures/not-json.html"));
    await page.getByRole("alert").waitFor();
    assert.match(await page.locator(".um-error-detail").textContent(), /line 1, column 1/);
    await context.close();
  });
});

describe("a bad network", () => {
  test("a fetch that hangs is abandoned after the timeout and tried again with backoff", async () => {
    let asked = 0;
    h.server.state.routes.set("/hang.json", () => {
      asked++; // and never answer
    });
    const { page, context } = await openPage(h.browser);
    await page.goto(`${h.server.url}/pages/timeout.html`);
    const status = page.getByRole("status");
    await until(async () => (await status.count()) > 0 && /Trying again/.test(await status.first().textContent()), "the loading line says it is trying again");
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 20_000 });
    assert.match(await alert.textContent(), /too slow/);
    assert.equal(asked, 3, "three attempts");
    await context.close();
  });

  test("a server that fails twice is tried again until it answers, without the visitor doing anything", async () => {
    let asked = 0;
    h.server.state.routes.set("/flaky.json", async (req, res) => {
      asked++;
      if (asked <= 2) {
        res.writeHead(503);
        return res.end("busy");
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ version: 1, campaigns: [{ id: "c", title: "Recovered", meetings: [] }] }));
    });
    const { page, context } = await openPage(h.browser);
    await page.goto(feedPage("/flaky.json"));
    await cards(page).first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator("article h2").textContent(), "Recovered");
    assert.equal(asked, 3);
    await context.close();
  });

  test("when the feed cannot be reached, the saved copy shows, and a bad answer never replaces it", async () => {
    const { page, context, seen } = await openPage(h.browser);
    await page.goto(h.server.url + "/");
    await widgetsReady(page);
    assert.equal(await cards(page).count(), BUNDLED_CARDS);
    assert.equal(await page.locator(".um-saved").count(), 0);
    // The copy is written just after the listings show.
    await until(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.endsWith("feed.json:text"))), "the saved copy written");

    // The server stops answering.
    await page.route("**/feed.json", (route) => route.abort("connectionrefused"));
    await page.reload();
    const saved = page.locator(".um-saved");
    await saved.waitFor({ timeout: 15_000 });
    assert.match(await saved.textContent(), /Saved copy from .*2026.*: the latest listings could not be loaded\./);
    assert.match(await saved.textContent(), /the network did not answer/);
    assert.equal(await cards(page).count(), BUNDLED_CARDS);
    await screenshot(page, "robust-saved-copy", { fullPage: false });

    // A bad answer: the saved copy still shows, and is still there afterwards.
    await page.unroute("**/feed.json");
    await page.route("**/feed.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: "<html>oops" }));
    await page.reload();
    await saved.waitFor();
    assert.match(await saved.textContent(), /not valid JSON/);
    assert.equal(await cards(page).count(), BUNDLED_CARDS);
    await page.unroute("**/feed.json");
    await page.route("**/feed.json", (route) => route.abort("connectionrefused"));
    await page.reload();
    await saved.waitFor({ timeout: 15_000 });
    assert.equal(await cards(page).count(), BUNDLED_CARDS, "the good copy survived the bad answer");

    // Retry, once the feed is back, shows the live listings again.
    await page.unroute("**/feed.json");
    await page.getByRole("button", { name: "Retry" }).click();
    await until(async () => (await saved.count()) === 0, "the saved-copy notice goes once the feed loads");
    assert.equal(await cards(page).count(), BUNDLED_CARDS);
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  });
});

describe("hostile content", () => {
  test("no script runs, no unsafe href or src reaches the DOM, and the text shows as text", async () => {
    const { page, context, seen } = await openPage(h.browser);
    const dialogs = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.goto(feedPage("/fixtures/hostile.json"));
    await widgetsReady(page);
    // Hover what a feed might have tried to give a handler, then open the panel.
    for (const el of await page.locator(".um-meeting-title, .um-card-title, .um-subtitle, .um-summary > p").all()) await el.hover();
    await page.locator(".um-rsvp").first().click();
    await page.getByRole("dialog").waitFor();
    const audit = await page.evaluate(() => {
      const bad = [];
      const elements = [];
      let checked = 0;
      for (const host of document.querySelectorAll("[data-upcoming-meetings]")) {
        for (const el of host.shadowRoot.querySelectorAll("*")) {
          elements.push(el.tagName.toUpperCase());
          for (const attr of el.getAttributeNames()) {
            if (/^on/i.test(attr)) bad.push(`${el.tagName} ${attr}`);
            if (["href", "src", "action", "formaction", "xlink:href", "srcdoc"].includes(attr)) {
              checked++;
              if (!/^(https?:|mailto:)/.test(el.getAttribute(attr))) bad.push(`${el.tagName} ${attr}=${el.getAttribute(attr)}`);
            }
          }
        }
      }
      return { bad, checked, tags: [...new Set(elements)], pwned: window.__pwned ?? null };
    });
    assert.deepEqual(audit.bad, []);
    assert.ok(audit.checked >= 2, `checked ${audit.checked} links`);
    for (const tag of ["SCRIPT", "IFRAME", "IMG", "SVG", "STYLE", "B"]) assert.ok(!audit.tags.includes(tag), `no <${tag.toLowerCase()}> from the feed`);
    assert.equal(audit.pwned, null, "no feed script ran");
    assert.deepEqual(dialogs, []);
    // The markup is there, as text.
    assert.equal(await page.locator("article h2").textContent(), "<script>window.__pwned = 'title'</script>Hostile campaign");
    const links = await page.locator("article .um-links a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(links, ["https://example.org/safe"], "only the safe campaign link is a link");
    const rsvp = await page.getByRole("dialog").locator(".um-panel-section:not(.um-calendar) a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(rsvp, ["https://www.facebook.com/events/1/", "https://example.org/safe"]);
    // "Add to calendar": the feed's text travels in the Google link's query, percent-encoded.
    const google = await page.getByRole("dialog").locator(".um-calendar a").getAttribute("href");
    assert.match(google, /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&[\w%.~&=-]+$/);
    assert.equal(new URL(google).searchParams.get("location").split(", ")[0], '"><script>window.__pwned=\'venue\'</script>');
    assert.deepEqual(seen.pageErrors, []);
    assert.deepEqual(seen.offHost, []);
    await context.close();
  });

  test("a panic shows a message to the visitor instead of freezing the page", async () => {
    const { page, context } = await openPage(h.browser);
    await page.goto(`${h.server.url}/pages/hostile.html`);
    await widgetsReady(page);
    // A real trap of the shipped wasm, where one happens in real life: in an event handler the
    // browser calls, not in a call the page could catch. The JS glue the loader imported (the
    // same URL, so the same module, already started) gives the wasm's exports; its allocator,
    // asked for an alignment that is no power of two, aborts, and an abort is the `unreachable`
    // a panic also ends in (the release build's panic=immediate-abort): a RuntimeError.
    const trap = await page.evaluate(async () => {
      const loader = await (await fetch("/upcoming-meetings.js")).text();
      const glue = await import("/" + loader.match(/upcoming-meetings-app-[0-9a-f]+\.js/)[0]);
      const wasm = await glue.default();
      let thrown;
      const target = new EventTarget();
      target.addEventListener("poke", () => {
        try {
          wasm.__wbindgen_malloc(8, 3);
        } catch (e) {
          thrown = `${e.constructor.name}: ${e.message}`;
          throw e;
        }
      });
      target.dispatchEvent(new Event("poke"));
      return thrown;
    });
    assert.match(trap, /^RuntimeError: unreachable/, "the wasm trapped as a panic does");
    for (const id of ["war", "fascism"]) {
      const alert = page.locator(`#${id}`).getByRole("alert");
      await alert.waitFor();
      assert.equal(await alert.textContent(), "Something went wrong while showing the meetings. Please reload the page.");
      assert.equal(await page.locator(`#${id} article`).count(), 0);
    }
    await context.close();
  });
});

describe("time done right, with the clock pinned to 2027-03-14T06:30:00Z", () => {
  const expected = [
    ["Honolulu, today there, tomorrow in Tokyo", "Saturday, March 13, 2027", "Time TBA"],
    ["Started an hour ago", "Sunday, March 14, 2027", "12:30 AM EST"],
    ["Ends in ten minutes", "Saturday, March 13, 2027", "11:40 PM – Sunday, March 14, 2027, 12:40 AM CST"],
    ["Los Angeles, the night clocks change, before", "Sunday, March 14, 2027", "1:30 AM PST"],
    ["Los Angeles, the night clocks change, after", "Sunday, March 14, 2027", "3:30 AM PDT"],
    ["Berlin, same evening, still winter time", "Sunday, March 14, 2027", "7:00 PM GMT+1"],
    ["New York, first evening of summer time", "Sunday, March 14, 2027", "7:00 PM EDT"],
    ["Berlin, past midnight", "Saturday, March 20, 2027", "10:00 PM – Sunday, March 21, 2027, 1:00 AM GMT+1"],
  ];
  for (const timezoneId of ["America/Los_Angeles", "Europe/Berlin", "Asia/Tokyo", "Pacific/Kiritimati"]) {
    test(`the reader in ${timezoneId} sees venue times, and only what is not over`, async () => {
      const { page, context } = await openPage(h.browser, { timezoneId, now: new Date("2027-03-14T06:30:00Z") });
      await page.goto(feedPage("/fixtures/time-cases.json"));
      await widgetsReady(page);
      const shown = await page.locator(".um-meetings:not(.um-past) .um-meeting").evaluateAll((items) =>
        items.map((m) => [m.querySelector(".um-title-text").textContent, m.querySelector(".um-date").textContent, m.querySelector(".um-time")?.textContent ?? ""]),
      );
      assert.deepEqual(shown, expected);
      assert.equal(await page.locator(".um-past-fold summary").textContent(), "Show 1 past meetingHide past meetings");
      assert.equal(await page.locator(".um-past-fold .um-fold-closed").isVisible(), true);
      await page.locator(".um-past-fold summary").click();
      assert.equal(await page.locator(".um-past-fold .um-fold-open").isVisible(), true);
      assert.deepEqual(await page.locator(".um-past .um-title-text").allTextContents(), ["Ended a minute ago"]);
      await context.close();
    });
  }
});
