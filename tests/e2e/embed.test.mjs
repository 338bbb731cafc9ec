// End-to-end, embedding and phones: the two-line snippet on host pages (hostile styles, two
// widgets, a strict CSP, a feed on another origin), widgets mounted and unmounted by a
// single-page host, the iframe mode, every data- option, and the phone rules (no horizontal
// scroll, 44 px tap targets, 16 px text, bottom sheet, sticky filter, dark mode, reduced
// motion) at 320, 360, 768 and 1280 px. Screenshots: test-output/screens/.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { BUNDLED_CARDS, STRICT_CSP, cards, harness, noHarm, openPage, recordViolations, screenshot, until, widgetsReady, chooseCity } from "./harness.mjs";

const h = harness();


/** Inside one widget: the computed value of `prop` for the first element matching `selector`. */
function styleIn(page, hostId, selector, prop) {
  return page.evaluate(
    ([hostId, selector, prop]) => {
      const el = document.getElementById(hostId).shadowRoot.querySelector(selector);
      return el ? getComputedStyle(el)[prop] : null;
    },
    [hostId, selector, prop],
  );
}

/** Every widget on the page: controls smaller than 44×44 and text smaller than 16 px. */
function audit(page) {
  return page.evaluate(() => {
    const small = [];
    const tiny = [];
    let controls = 0;
    for (const host of document.querySelectorAll("[data-upcoming-meetings]")) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const el of root.querySelectorAll("a, button, input, summary")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        controls++;
        if (r.width < 43.5 || r.height < 43.5) small.push(`${el.tagName} "${el.textContent.trim().slice(0, 40)}" ${r.width}×${r.height}`);
      }
      for (const el of root.querySelectorAll("*")) {
        if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
        if (el.getBoundingClientRect().width === 0) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 16) tiny.push(`${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${size}px`);
      }
    }
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    return { small, tiny, controls, overflow };
  });
}

describe("two widgets on a host page with hostile styles", () => {
  test("each looks right, keeps to itself, and the page keeps its own styles", async () => {
    const { page, context, seen } = await openPage(h.browser);
    await page.goto(`${h.server.url}/pages/hostile.html?page=2#top`);
    await widgetsReady(page);
    // One campaign each (data-campaign).
    assert.equal(await page.locator("#war article").count(), 1);
    assert.equal(await page.locator("#fascism article h2").textContent(), "The Threat of Fascism and How to Fight it");
    // The host's global h2, a, button, box-sizing and body text do not reach in.
    assert.equal(await styleIn(page, "war", "h2", "fontSize"), "22px");
    assert.notEqual(await styleIn(page, "war", "h2", "color"), "rgb(0, 255, 0)");
    assert.equal(await styleIn(page, "war", "h2", "backgroundColor"), "rgba(0, 0, 0, 0)");
    assert.equal(await styleIn(page, "war", ".um-rsvp", "backgroundColor"), "rgb(180, 35, 24)");
    assert.equal(await styleIn(page, "war", ".um-links a", "color"), "rgb(180, 35, 24)");
    assert.equal(await styleIn(page, "war", ".um-card", "boxSizing"), "border-box");
    assert.equal(await styleIn(page, "war", ".um", "textTransform"), "none");
    assert.equal(await styleIn(page, "war", ".um", "textAlign"), "start");
    assert.equal(await styleIn(page, "war", ".um", "letterSpacing"), "normal");
    assert.equal(await styleIn(page, "war", ".um", "fontSize"), "16px");
    // The host's serif font is inherited on purpose: the widget looks like part of the page.
    assert.match(await styleIn(page, "war", ".um", "fontFamily"), /serif/);
    const button = await page.locator("#war .um-rsvp").first().boundingBox();
    assert.ok(button.width < 300, `the host's 500px buttons do not reach in (${button.width})`);
    // The widget's styles do not reach out to host elements that share its class names.
    const decoy = await page.evaluate(() => {
      const d = getComputedStyle(document.getElementById("decoy"));
      const h = getComputedStyle(document.getElementById("host-heading"));
      return { border: d.borderTopWidth, radius: d.borderTopLeftRadius, heading: h.fontSize };
    });
    assert.deepEqual(decoy, { border: "0px", radius: "0px", heading: "60px" });
    const { overflow, small } = await audit(page);
    assert.ok(overflow <= 0, `no horizontal scroll (${overflow}px)`);
    assert.deepEqual(small, []);
    await screenshot(page, "embed-hostile-desktop");
    assert.deepEqual(seen.pageErrors, []);
    assert.deepEqual(seen.offHost, []);
    await context.close();
  });

  test("each keeps its own city in its own URL parameter, and Back undoes one choice", async () => {
    const { page, context, seen } = await openPage(h.browser);
    await page.goto(`${h.server.url}/pages/hostile.html?page=2#top`);
    await widgetsReady(page);
    const params = () => new URL(page.url()).searchParams;
    const fascismMeetings = await page.locator("#fascism .um-meeting:visible").count();

    await chooseCity(page.locator("#war"), "berlin");
    await until(() => params().get("war-city") === "berlin", "war-city=berlin");
    assert.equal(params().get("page"), "2", "the host's own parameter is kept");
    assert.equal(new URL(page.url()).hash, "#top");
    assert.equal(await page.locator("#war .um-meeting:visible").count(), 1);
    assert.equal(await page.locator("#fascism").getByLabel("City").inputValue(), "All cities");
    assert.equal(await page.locator("#fascism .um-meeting:visible").count(), fascismMeetings, "the other widget is untouched");

    await chooseCity(page.locator("#fascism"), "detroit");
    await until(() => params().get("fascism-city") === "detroit", "fascism-city=detroit");
    assert.equal(params().get("war-city"), "berlin");

    await page.goBack();
    await until(() => !params().has("fascism-city"), "Back undoes the last choice");
    assert.equal(params().get("war-city"), "berlin");
    await until(async () => (await page.locator("#fascism .um-meeting:visible").count()) === fascismMeetings, "all cities again");
    assert.equal(await page.locator("#war .um-meeting:visible").count(), 1);
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  });

  test("the host page's own links still navigate (no router captures them)", async () => {
    const { page, context } = await openPage(h.browser);
    await page.goto(`${h.server.url}/pages/hostile.html`);
    await widgetsReady(page);
    await page.click("#host-link");
    await page.waitForURL("**/pages/elsewhere.html");
    assert.equal(await page.locator("h1").textContent(), "Elsewhere on the host site");
    await context.close();
  });
});

describe("the iframe mode", () => {
  test("embed.html takes its options from its address and the frame grows with its content", async () => {
    const { page, context, seen } = await openPage(h.browser, { viewport: { width: 360, height: 740 } });
    await page.goto(`${h.server.url}/pages/iframe.html`);
    const frame = page.frameLocator("iframe");
    await frame.locator("article:visible").first().waitFor();
    const frameHeight = () => page.locator("iframe").evaluate((f) => f.getBoundingClientRect().height);
    const contentHeight = () => page.frames()[1].evaluate(() => document.documentElement.getBoundingClientRect().height);
    await until(async () => Math.abs((await frameHeight()) - (await contentHeight())) <= 1 && (await frameHeight()) > 300, "frame fits its content");
    // ?city=new-york and ?limit=1 came through the frame's address.
    assert.equal(await frame.getByLabel("City").inputValue(), "New York");
    assert.equal(await frame.locator(".um-more-toggle:visible").textContent(), "Show 1 more meeting");
    const before = await frameHeight();
    await chooseCity(frame, "");
    await until(async () => (await frameHeight()) > before + 500, "the frame grows with all cities");
    await until(async () => Math.abs((await frameHeight()) - (await contentHeight())) <= 1, "and fits again");
    // The RSVP panel opens beside its button, inside the frame.
    const opener = frame.locator(".um-rsvp").nth(5);
    await opener.scrollIntoViewIfNeeded();
    await opener.click();
    const dialog = frame.getByRole("dialog");
    await dialog.waitFor();
    await dialog.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    const box = await dialog.boundingBox();
    const openerBox = await opener.boundingBox();
    assert.ok(Math.abs(box.y - openerBox.y) < 60, `panel beside its button (${box.y} vs ${openerBox.y})`);
    assert.ok((await page.evaluate(() => scrollY)) > 1000, "opening it did not scroll the host page away");
    assert.ok(box.y >= 0 && box.y + box.height <= 740 + 1, "the panel is in view");
    await screenshot(page, "embed-iframe-phone", { fullPage: false });
    assert.deepEqual(seen.pageErrors, []);
    assert.deepEqual(seen.offHost, []);
    await context.close();
  });
});

describe("the iframe page keeps its default city and the reader's choice apart", () => {
  test("embed.html?city=… is the default; the choice goes to its own parameter and survives a reload", async () => {
    const { page, context, seen } = await openPage(h.browser, { viewport: { width: 360, height: 740 } });
    await page.goto(`${h.server.url}/pages/iframe.html`);
    const frame = page.frameLocator("iframe");
    await frame.locator("article:visible").first().waitFor();
    const inner = page.frames().find((f) => f.url().includes("/embed.html"));
    const params = () => new URL(inner.url()).searchParams;
    const chosen = () => frame.getByLabel("City").inputValue();
    const reload = async () => {
      // location.reload() only starts the navigation: wait for the new document, not the old one.
      await inner.evaluate(() => ((window.__before = true), location.reload()));
      await until(async () => !(await inner.evaluate(() => window.__before).catch(() => true)), "the frame reloaded");
      await frame.locator("article:visible").first().waitFor();
    };
    assert.equal(await chosen(), "New York");
    await chooseCity(frame, "berlin");
    await until(() => params().get("um-city") === "berlin", "the choice in um-city");
    assert.equal(params().get("city"), "new-york", "the default stays as it was");
    await reload();
    assert.equal(await chosen(), "Berlin");
    // Choosing the default again is kept too, across a reload.
    await chooseCity(frame, "new-york");
    await until(() => !params().has("um-city"), "the default needs no parameter");
    await reload();
    assert.equal(await chosen(), "New York");
    await chooseCity(frame, "");
    await until(() => params().get("um-city") === "", "all cities, against a default city");
    await reload();
    assert.equal(await chosen(), "All cities");
    noHarm(seen);
    await context.close();
  });
});

describe("a single-page host adds and removes widgets", () => {
  /** Event listeners on the page's window, counted by Chromium's debugger. */
  async function windowListeners(page) {
    const cdp = await page.context().newCDPSession(page);
    const { result } = await cdp.send("Runtime.evaluate", { expression: "window" });
    const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
    await cdp.detach();
    return listeners.length;
  }
  /** The URL parameter a widget keeps its city in: choose one and see which parameter moves. */
  async function paramOf(page, widget, slug) {
    const before = new URL(page.url()).searchParams;
    await chooseCity(widget, slug);
    return until(() => {
      const now = new URL(page.url()).searchParams;
      return [...now.keys()].find((k) => now.get(k) === slug && before.get(k) !== slug);
    }, `a parameter with ${slug}`);
  }

  test("mount and mountAll name URL parameters alike, and never one a live widget has", async () => {
    const { page, context, seen } = await openPage(h.browser);
    await page.goto(`${h.server.url}/pages/spa.html`);
    await widgetsReady(page);
    const hosts = page.locator("[data-upcoming-meetings]");
    assert.equal(await paramOf(page, hosts.nth(0), "detroit"), "um-city");
    assert.equal(await paramOf(page, hosts.nth(1), "berlin"), "um-city-2");
    // A widget the host adds later, by mount(): the next free name.
    await page.evaluate(() => {
      const el = document.createElement("div");
      el.dataset.feed = "/feed.json";
      document.getElementById("later").append(el);
      window.upcomingMeetings.mount(el);
    });
    const added = page.locator("#later > div");
    await added.locator("article").first().waitFor();
    assert.equal(await paramOf(page, added, "new-york"), "um-city-3");
    // mountAll() again leaves mounted widgets alone: one widget each, its choice kept.
    await page.evaluate(() => window.upcomingMeetings.mountAll());
    const roots = await page.evaluate(() => [...document.querySelectorAll("[data-upcoming-meetings]")].map((el) => el.shadowRoot.querySelectorAll(".um").length));
    assert.deepEqual(roots, [1, 1]);
    assert.equal(await hosts.nth(0).getByLabel("City").inputValue(), "Detroit");
    noHarm(seen);
    await context.close();
  });

  test("unmount() aborts the fetch in flight, releases the listeners and frees the element", async () => {
    let asked = 0;
    let aborted = false;
    h.server.state.routes.set("/never.json", (req, res) => {
      asked++;
      res.on("close", () => (aborted = !res.writableEnded)); // closed before any answer: aborted
    });
    const { page, context, seen } = await openPage(h.browser);
    await page.goto(`${h.server.url}/pages/spa.html`);
    await widgetsReady(page);
    const baseline = await windowListeners(page);
    // A widget whose feed never answers.
    await page.evaluate(() => {
      const el = document.createElement("div");
      el.id = "slow";
      el.dataset.feed = "/never.json";
      el.innerHTML = "<p>The host's own words.</p>";
      document.getElementById("later").append(el);
      window.upcomingMeetings.mount(el);
    });
    await until(() => asked === 1, "the feed asked for");
    assert.ok((await windowListeners(page)) > baseline, "a mounted widget listens to the window (Back and Forward)");
    assert.equal(await page.evaluate(() => window.upcomingMeetings.unmount(document.getElementById("slow"))), true);
    await until(() => aborted, "the request aborted");
    assert.equal(await windowListeners(page), baseline, "its window listeners are gone");
    const left = await page.evaluate(() => {
      const el = document.getElementById("slow");
      return { widget: el.shadowRoot.querySelector(".um") !== null, crashed: el.hasAttribute("data-um-crashed") };
    });
    assert.deepEqual(left, { widget: false, crashed: false });
    assert.ok(await page.getByText("The host's own words.").isVisible(), "the element shows its own content again");
    // No retry follows the abort.
    await page.waitForTimeout(3_500);
    assert.equal(asked, 1, "no attempt after the widget went away");
    // The same element can take a widget again, with changed options.
    await page.evaluate(() => {
      const el = document.getElementById("slow");
      el.dataset.feed = "/feed.json";
      window.upcomingMeetings.mount(el);
    });
    await page.locator("#slow article").first().waitFor();
    // Unmounting every widget leaves the window as the page had it before any.
    await page.evaluate(() => document.querySelectorAll("[data-upcoming-meetings], #slow").forEach((el) => window.upcomingMeetings.unmount(el)));
    assert.ok((await windowListeners(page)) < baseline, "every widget's listeners released");
    noHarm(seen);
    await context.close();
  });
});

describe("a strict Content Security Policy", () => {
  for (const path of ["/", "/embed-example.html", "/embed.html?city=berlin"]) {
    test(`${path} works under ${STRICT_CSP} with no violation`, async () => {
      h.server.state.headers = { "content-security-policy": STRICT_CSP };
      try {
        const { page, context, seen } = await openPage(h.browser);
        const violations = await recordViolations(page);
        const response = await page.goto(h.server.url + path);
        assert.equal(response.headers()["content-security-policy"], STRICT_CSP);
        await widgetsReady(page);
        // The stylesheet applied: the cards have their border and radius.
        const radius = await cards(page).first().evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
        assert.notEqual(radius, "0px");
        assert.deepEqual(await violations(), []);
        assert.deepEqual(seen.consoleErrors.filter((m) => /Content Security Policy/i.test(m)), []);
        assert.deepEqual(seen.pageErrors, []);
        await context.close();
      } finally {
        h.server.state.headers = {};
      }
    });
  }
});

describe("a feed on another origin", () => {
  test("loads when its server sends Access-Control-Allow-Origin", async () => {
    h.other.state.headers = { "access-control-allow-origin": "*" };
    try {
      const { page, context, seen } = await openPage(h.browser);
      await page.goto(`${h.server.url}/pages/cross-origin.html`);
      await widgetsReady(page);
      assert.equal(await cards(page).count(), BUNDLED_CARDS);
      assert.ok(h.other.state.requests.includes("/feed.json"));
      assert.deepEqual(seen.pageErrors, []);
      await context.close();
    } finally {
      h.other.state.headers = {};
    }
  });

  test("says what is missing when its server does not", async () => {
    const { page, context } = await openPage(h.browser);
    await page.goto(`${h.server.url}/pages/cross-origin.html`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.textContent(), /does not allow this site to read it \(CORS\)/);
    assert.match(await alert.textContent(), /Access-Control-Allow-Origin/);
    await context.close();
  });
});

describe("every data- option", () => {
  test("limit, show-past, lang, layout, theme, city and campaign", async () => {
    // 1 March 2027: the February meetings of "Humanity Teeters…" are past.
    const { page, context, seen } = await openPage(h.browser, { now: new Date("2027-03-01T12:00:00Z") });
    await page.goto(`${h.server.url}/pages/options.html`);
    await widgetsReady(page);

    // data-limit="2": two meetings, then a toggle for the rest.
    assert.equal(await page.locator("#limit .um-meetings:not(.um-past) .um-meeting").count(), 2);
    const more = page.locator("#limit .um-more-toggle");
    assert.equal(await more.textContent(), "Show 10 more meetings");
    await more.click();
    await until(async () => (await page.locator("#limit .um-meetings:not(.um-past) .um-meeting").count()) === 12, "all 12 after Show more");
    assert.equal(await more.textContent(), "Show fewer meetings");

    // data-show-past: the past meetings are listed from the start.
    assert.equal(await page.locator("#past .um-past .um-meeting").count(), 2);
    assert.equal(await page.locator("#past .um-past-fold").evaluate((d) => d.open), true);
    assert.ok(await page.locator("#past .um-past .um-meeting").first().isVisible());

    // data-lang="de".
    assert.equal(await page.locator("#german .um-filter-label").textContent(), "Stadt");
    assert.equal(await page.locator("#german .um-meeting", { hasText: "Global Center" }).locator(".um-date").textContent(), "Donnerstag, 15. April 2027");
    assert.equal(await page.locator("#german .um-meeting", { hasText: "Global Center" }).locator(".um-time").textContent(), "18:30 GMT-4");

    // data-layout="compact": no description, meetings in rows.
    assert.equal(await styleIn(page, "compact", ".um-summary", "display"), "none");
    assert.equal(await styleIn(page, "german", ".um-summary", "display"), "grid");

    // data-theme="dark".
    assert.equal(await styleIn(page, "dark", ".um-card", "backgroundColor"), "rgb(22, 27, 34)");

    // data-city="berlin": chosen from the start, without writing to the URL.
    assert.equal(await page.locator("#city").getByLabel("City").inputValue(), "Berlin");
    assert.deepEqual(await page.locator("#city .um-street:visible").allTextContents(), ["Sprengelstraße 15, 13353 Berlin"]);
    assert.equal(new URL(page.url()).search, "");
    // Against a default city, "All cities" is written explicitly.
    await chooseCity(page.locator("#city"), "");
    await until(() => new URL(page.url()).searchParams.get("city-city") === "", "city-city= (all)");

    // data-campaign naming no campaign says so.
    assert.match(await page.locator("#nothing .um-message").textContent(), /no campaign “no-such-campaign”/);
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  });
});

describe("phones and other screens", () => {
  for (const width of [320, 360, 768, 1280]) {
    for (const path of ["/", "/embed-example.html"]) {
      const name = path === "/" ? "index" : "embed-example";
      test(`${name} at ${width}px: no horizontal scroll, 44px targets, 16px text`, async () => {
        const { page, context } = await openPage(h.browser, { viewport: { width, height: 800 } });
        await page.goto(h.server.url + path);
        await widgetsReady(page);
        const { small, tiny, controls, overflow } = await audit(page);
        assert.ok(controls >= 10, `checked ${controls} controls`);
        assert.ok(overflow <= 0, `no horizontal scroll (${overflow}px too wide)`);
        assert.deepEqual(small, [], "every control and link at least 44×44");
        assert.deepEqual(tiny, [], "no text under 16px");
        await screenshot(page, `screen-${name}-${width}`);
        await context.close();
      });
    }
  }

  test("the city filter stays in reach while a long list scrolls", async () => {
    const { page, context } = await openPage(h.browser, { viewport: { width: 360, height: 740 } });
    await page.goto(h.server.url + "/");
    await widgetsReady(page);
    await page.mouse.wheel(0, 6000);
    await until(() => page.evaluate(() => scrollY > 5000), "scrolled down");
    const box = await page.getByLabel("City").filter({ visible: true }).boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 100, `the filter is at the top of the screen (y=${box.y})`);
    await context.close();
  });

  test("dark mode and reduced motion are honoured", async () => {
    for (const [colorScheme, reducedMotion, background, animations] of [
      ["dark", "reduce", "rgb(22, 27, 34)", 0],
      ["light", "no-preference", "rgb(255, 255, 255)", 1],
    ]) {
      const { page, context } = await openPage(h.browser, { viewport: { width: 360, height: 740 }, colorScheme, reducedMotion });
      await page.goto(h.server.url + "/");
      await widgetsReady(page);
      const card = cards(page).first();
      assert.equal(await card.evaluate((el) => getComputedStyle(el).backgroundColor), background);
      await card.locator(".um-rsvp").first().click();
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      assert.equal(await dialog.evaluate((el) => el.getAnimations().length), animations);
      if (colorScheme === "dark") await screenshot(page, "phone-dark-rsvp", { fullPage: false });
      await context.close();
    }
  });
});
