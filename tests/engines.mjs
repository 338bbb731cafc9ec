// One page in any of the three browser engines, all from Debian's packages (tools/setup.sh
// --browser installs them), behind one small API, for tests/e2e/engines.test.mjs:
//   chromium  /usr/bin/chromium, by npm playwright-core (CDP); one browser for all its pages;
//   firefox   /usr/bin/firefox-esr, by npm puppeteer-core over WebDriver BiDi; one browser per
//             page, as Firefox takes the reader's time zone from TZ;
//   webkit    WebKitGTK's MiniBrowser, by WebKitWebDriver (classic WebDriver, npm
//             selenium-webdriver; one driver per page, as it serves one session) on an Xvfb
//             display started here and ended with the last page.
// Quirks met here: WebKitWebDriver refuses element clicks inside a shadow root (so click() is a
// pointer action at viewport coordinates everywhere), and MiniBrowser's window is at least about
// 447 px wide (innerWidth() tells the real width).
//
// const page = await openEngine("firefox", { width: 1280, height: 900, timeZone: "Asia/Tokyo",
//   now: "2026-12-01T12:00:00Z" });
// await page.goto(url); await page.evaluate(() => document.title); await page.close();
//
// `now` pins the widget's clock: globalThis.UPCOMING_MEETINGS_NOW, set before any page script
// runs (an init script in Chromium and Firefox). Classic WebDriver has no init scripts, so in
// WebKit goto() adds `now=<iso>` to the address instead, for a host page that sets the global
// itself from ?now= (tests/e2e/pages/engines.html does; in the other engines it does no harm).
//
// Every engine is kept off the network but 127.0.0.1: a proxy that answers nothing
// (127.0.0.1:9) for anything else, loopback excepted.
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";

export const ENGINES = ["chromium", "firefox", "webkit"];

export const BINARIES = {
  chromium: process.env.CHROMIUM ?? "/usr/bin/chromium",
  firefox: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
  webkit: process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
  webkitDriver: process.env.WEBKIT_DRIVER ?? "/usr/bin/WebKitWebDriver",
  xvfb: process.env.XVFB ?? "/usr/bin/Xvfb",
};
const NOWHERE = "127.0.0.1:9";
/** Debian's Chromium as every test and the benchmark start it: no sandbox (root), no GPU, and
 * none of its own requests to the network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** `fn` and its arguments as one expression, the same text for every engine. */
function expression(fnOrString, args) {
  if (typeof fnOrString === "string") return fnOrString;
  return `(${fnOrString})(...${JSON.stringify(args)})`;
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function freePort() {
  const server = createServer();
  await new Promise((ok, fail) => server.once("error", fail).listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** A browser shared by the pages of one engine: started by the first, ended with the last. */
function shared(start, stop) {
  let users = 0;
  let running = null;
  return {
    async acquire() {
      users++;
      running ??= start().catch((e) => {
        running = null;
        throw e;
      });
      try {
        return await running;
      } catch (e) {
        users--;
        throw e;
      }
    },
    async release() {
      if (--users > 0 || !running) return;
      const it = running;
      running = null;
      await stop(await it);
    },
  };
}

// ---------------------------------------------------------------- Chromium (playwright-core)

const chromiumBrowser = shared(
  async () => {
    const { chromium } = await import("playwright-core");
    return chromium.launch({
      executablePath: BINARIES.chromium,
      args: [
        ...CHROMIUM_ARGS,
        `--proxy-server=http://${NOWHERE}`,
        "--proxy-bypass-list=127.0.0.1",
      ],
    });
  },
  (browser) => browser.close(),
);

async function openChromium({ width, height, timeZone, now }) {
  const browser = await chromiumBrowser.acquire();
  const context = await browser.newContext({ viewport: { width, height }, timezoneId: timeZone, locale: "en-US" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (now) await page.addInitScript((iso) => (globalThis.UPCOMING_MEETINGS_NOW = iso), now);
  return {
    engine: "chromium",
    page,
    errors,
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, ...args) => page.evaluate(expression(fn, args)),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    screenshot: (path) => page.screenshot({ path }),
    close: async () => {
      await context.close();
      await chromiumBrowser.release();
    },
  };
}

// ------------------------------------------------------ Firefox ESR (puppeteer-core, BiDi)

async function openFirefox({ width, height, timeZone, now }) {
  const { default: puppeteer } = await import("puppeteer-core");
  // One browser per zone: Firefox takes the reader's zone from TZ, for the whole process.
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: BINARIES.firefox,
    headless: true,
    env: { ...process.env, TZ: timeZone },
    extraPrefsFirefox: {
      "network.proxy.type": 1,
      "network.proxy.http": "127.0.0.1",
      "network.proxy.http_port": 9,
      "network.proxy.ssl": "127.0.0.1",
      "network.proxy.ssl_port": 9,
      "network.proxy.no_proxies_on": "127.0.0.1",
      "network.proxy.allow_hijacking_localhost": false,
      "intl.locale.requested": "en-US",
    },
  });
  try {
    const [first] = await browser.pages();
    const page = first ?? (await browser.newPage());
    await page.setViewport({ width, height });
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message ?? String(e)));
    if (now) await page.evaluateOnNewDocument((iso) => (globalThis.UPCOMING_MEETINGS_NOW = iso), now);
    return {
      engine: "firefox",
      page,
      errors,
      goto: async (url) => void (await page.goto(url, { waitUntil: "load" })),
      evaluate: (fn, ...args) => page.evaluate(expression(fn, args)),
      click: (x, y) => page.mouse.click(x, y),
      press: (key) => page.keyboard.press(key),
      type: (text) => page.keyboard.type(text),
      screenshot: (path) => page.screenshot({ path }),
      close: () => browser.close(),
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

// -------------------------------------- WebKitGTK (WebKitWebDriver, selenium-webdriver, Xvfb)

/** Starts `command`, ended (with its process group) by the returned function. */
function run(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], detached: true, ...options });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
  const exited = new Promise((ok) => child.once("exit", ok));
  return {
    child,
    exited,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Gone already, as it should be.
        }
      }, 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** An X server for every WebKit page, on a display number it chooses itself (-displayfd). */
const xDisplay = shared(
  async () => {
    const xvfb = run(BINARIES.xvfb, ["-displayfd", "3", "-screen", "0", "1920x1200x24", "-nolisten", "tcp"], {
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    });
    const display = await new Promise((ok, fail) => {
      let out = "";
      xvfb.child.stdio[3].on("data", (d) => {
        out += d;
        if (out.includes("\n")) ok(`:${out.trim()}`);
      });
      xvfb.child.once("exit", (code) => fail(new Error(`Xvfb exited (${code}): ${xvfb.stderr()}`)));
      setTimeout(() => fail(new Error(`Xvfb gave no display: ${xvfb.stderr()}`)), 15_000);
    }).catch(async (e) => {
      await xvfb.stop();
      throw e;
    });
    return { display, stop: xvfb.stop };
  },
  (it) => it.stop(),
);

/** WebKitWebDriver on `display`, on a free port: one per page, as it serves one session. */
async function startWebKitDriver(display) {
  const port = await freePort();
  const driver = run(BINARIES.webkitDriver, [`--port=${port}`], { env: { ...process.env, DISPLAY: display } });
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 15_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/status`)).ok) return { url, stop: driver.stop };
    } catch {
      // Not listening yet: asked again below, until the deadline.
    }
    if (Date.now() > end || driver.child.exitCode !== null) {
      await driver.stop();
      throw new Error(`WebKitWebDriver did not start: ${driver.stderr()}`);
    }
    await sleep(100);
  }
}

async function openWebKit({ width, height, timeZone, now }) {
  const { Builder, Key } = await import("selenium-webdriver");
  const { display } = await xDisplay.acquire();
  let server, driver;
  const end = async () => {
    await driver?.quit().catch(() => {});
    await server?.stop();
    await xDisplay.release();
  };
  try {
    server = await startWebKitDriver(display);
    driver = await new Builder()
      .usingServer(server.url)
      .withCapabilities({
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": {
          binary: BINARIES.webkit,
          args: ["--automation", `--time-zone=${timeZone}`, `--proxy=http://${NOWHERE}`, "--ignore-host=127.0.0.1"],
        },
      })
      .build();
    await driver.manage().setTimeouts({ script: 30_000, pageLoad: 60_000 });
    // The window's outer size, then corrected by what the page sees (MiniBrowser's window has
    // a toolbar, and a minimum width of about 447 px: innerWidth() tells the real one).
    const window = driver.manage().window();
    await window.setRect({ x: 0, y: 0, width, height });
    const inner = await driver.executeScript("return [innerWidth, innerHeight]");
    const rect = await window.getRect();
    await window.setRect({ width: rect.width + (width - inner[0]), height: rect.height + (height - inner[1]) });
  } catch (e) {
    await end();
    throw e;
  }
  const KEYS = {
    Enter: Key.ENTER,
    Escape: Key.ESCAPE,
    Tab: Key.TAB,
    Backspace: Key.BACK_SPACE,
    Delete: Key.DELETE,
    Space: Key.SPACE,
    " ": Key.SPACE,
    ArrowDown: Key.ARROW_DOWN,
    ArrowUp: Key.ARROW_UP,
    ArrowLeft: Key.ARROW_LEFT,
    ArrowRight: Key.ARROW_RIGHT,
    Home: Key.HOME,
    End: Key.END,
    PageDown: Key.PAGE_DOWN,
    PageUp: Key.PAGE_UP,
  };
  const errors = [];
  const evaluate = async (fn, ...args) => {
    // Classic WebDriver awaits a returned promise; errors come back as a rejected call.
    const [ok, value] = await driver.executeScript(
      `return Promise.resolve().then(() => (${expression(fn, args)})).then((v) => [true, v === undefined ? null : v], (e) => [false, String(e) + (e && e.stack ? " at " + e.stack : "")]);`,
    );
    if (!ok) throw new Error(`evaluate failed in the page: ${value}`);
    return value;
  };
  return {
    engine: "webkit",
    driver,
    errors,
    goto: async (url) => {
      const u = new URL(url);
      if (now && !u.searchParams.has("now")) u.searchParams.set("now", now);
      await driver.get(u.href);
    },
    evaluate,
    click: (x, y) =>
      driver
        .actions({ async: true })
        .move({ x: Math.round(x), y: Math.round(y), origin: "viewport", duration: 0 })
        .click()
        .perform(),
    press: (key) => {
      if (!(key in KEYS) && [...key].length !== 1) throw new Error(`no WebDriver key for ${key}`);
      return driver.actions({ async: true }).sendKeys(KEYS[key] ?? key).perform();
    },
    type: (text) => driver.actions({ async: true }).sendKeys(text).perform(),
    screenshot: async (path) => writeFile(path, Buffer.from(await driver.takeScreenshot(), "base64")),
    close: end,
  };
}

// ---------------------------------------------------------------------------- the one API

/**
 * Opens a page of `engine` ("chromium", "firefox" or "webkit") at `width`×`height` (WebKit: at
 * least about 447 px wide; innerWidth() tells), with the reader's time zone `timeZone` and the
 * widget's clock pinned to `now` (an ISO string), if given. The returned page has:
 *   goto(url), url(), evaluate(fnOrExpression, ...jsonArgs) (a function, sent as its text with
 *   its JSON arguments, so it may use nothing from outside it, or an expression's text; a promise
 *   is awaited; the result must be JSON-able),
 *   click(x, y) (a real pointer click at viewport coordinates), press(key) ("Enter", "Escape",
 *   "ArrowDown", … to the focused element), type(text), scrollBy(dx, dy), screenshot(path),
 *   innerWidth(), pageErrors() (uncaught errors seen by the driver, plus those the host page
 *   recorded in UM_TEST_ERRORS), until(fn, what, ms, ...args), close().
 */
export async function openEngine(engine, { width = 1280, height = 900, timeZone = "UTC", now } = {}) {
  const open = { chromium: openChromium, firefox: openFirefox, webkit: openWebKit }[engine];
  if (!open) throw new Error(`unknown engine ${engine}: one of ${ENGINES.join(", ")}`);
  const page = await open({ width, height, timeZone, now });
  // Errors are counted per page load.
  const goto = page.goto;
  page.goto = async (url) => {
    page.errors.length = 0;
    await goto(url);
  };
  page.url = () => page.evaluate("location.href");
  page.scrollBy = (dx, dy) => page.evaluate((dx, dy) => void window.scrollBy(dx, dy), dx, dy);
  page.innerWidth = () => page.evaluate("innerWidth");
  page.pageErrors = async () => {
    // The same error, as the driver and as the page saw it, once.
    const norm = (e) => String(e).replace(/^Uncaught /, "").replace(/^\w*Error: /, "");
    const all = [...page.errors, ...((await page.evaluate("globalThis.UM_TEST_ERRORS ?? []")) ?? [])].map(String);
    return all.filter((e, i) => all.findIndex((o) => norm(o) === norm(e)) === i);
  };
  /** Polls `fn` in the page until it returns a truthy value, or fails after `ms`. */
  page.until = async (fn, what, ms = 15_000, ...args) => {
    const end = Date.now() + ms;
    let last;
    while (Date.now() < end) {
      try {
        last = await page.evaluate(fn, ...args);
        if (last) return last;
      } catch (e) {
        last = { error: e.message };
      }
      await sleep(100);
    }
    throw new Error(`${engine}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
  };
  return page;
}
