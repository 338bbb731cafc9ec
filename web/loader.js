// upcoming-meetings: the stable entry point, dist/upcoming-meetings.js. Its source is
// web/loader.js: tools/write-loader.mjs (trunk's post-build hook) copies it into dist/ with the
// BUILD object below filled in, and minifies it in a release build.
// A classic script, and a module too: the snippet loads it with a plain <script src> before the
// widget's element, so that it runs before the host page's first paint; older snippets and the
// bundled page load it as a module, which runs after that paint. So it imports and exports
// nothing, and leaves nothing behind in the page's scope but window.upcomingMeetings.
//
// Two stages. First paint: the first-paint module (paint/: the feed read by the model's own
// reader, the first screen written by markup/, no Leptos), its glue, the stylesheet and each
// widget's feed and words, all fetched at once; each widget's first screen goes into its shadow
// root as soon as its feed is in. Then the app (web/: Leptos), fetched once every first screen
// is painted, or at once on the reader's first tap, key or focus in a widget: it renders the
// same screen (the same markup: tests/one_markup.rs) and takes the painted one's place in one
// step, keeping the reader's scroll, focus and typing, and answering the taps made before.
(() => {
  // What this build is made of, written by the hook: the hashed file names beside this file (the
  // first-paint module's glue and wasm, the app's, the sheet module's glue, the widget's
  // stylesheet), and the languages whose words are files in locales/ (English is in the wasm).
  // Empty in the source.
  const BUILD = { paint: "", paintWasm: "", app: "", appWasm: "", sheet: "", css: "", languages: [] };

  const script =
    document.currentScript ??
    [...document.scripts].find((s) => /(^|\/)upcoming-meetings\.js([?#]|$)/.test(s.src));
  const base = script?.src || document.baseURI;
  const here = (file) => new URL("./" + file, base).href;
  const WIDGETS = "[data-upcoming-meetings]";

  // First, and at once: every widget element keeps room for its widget until the widget shows
  // and fits it (data-um-fitted), so the host page never jumps as it appears. A rule in a sheet
  // of the document, not a style on each element: the elements that follow this script are not
  // parsed yet, and the rule holds them from the first frame the host page paints. :where()
  // gives it no weight, so any min-height of the host page's own wins.
  try {
    const room = new CSSStyleSheet();
    room.replaceSync(
      `:where(${WIDGETS}:not([data-um-fitted])) { display: block; min-height: min(100svh, 60rem); }`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, room];
  } catch {
    // A browser without constructable sheets: the page may move once as the widget appears.
  }

  // Every GET of the first stage, by absolute address: each made once, read by the first-paint
  // module through a copy (clone), and handed to the app, which reads its own copy rather than
  // download it again (edge/fetch.rs asks through useFetched).
  const fetched = new Map();
  // The addresses a widget asked for (the others were guesses that missed: their bodies are let go).
  const used = new Set();
  // The addresses whose response has come (its head; the body may still be on its way).
  const answered = new Set();
  const get = (href) => {
    if (!fetched.has(href)) fetched.set(href, fetch(href).finally(() => answered.add(href)));
    return fetched.get(href);
  };
  const read = (href, how) =>
    get(href).then((r) => (r.ok ? r.clone()[how]() : Promise.reject(new Error(`HTTP ${r.status}`))));
  const take = (url, signal) => {
    const response = fetched.get(new URL(url, document.baseURI).href);
    if (!response) return undefined;
    return new Promise((ok, fail) => {
      signal?.addEventListener("abort", () => fail(new DOMException("aborted", "AbortError")));
      response.then((r) => ok(r.clone()), fail);
    });
  };

  // The first stage's downloads, at once: the first-paint module (its wasm beside its glue, not
  // after it), and the stylesheet (adopted in each widget's shadow root: no inline style, so
  // strict CSPs allow it; without it the widget still works, unstyled).
  // (Let go once the app has every widget: its memory is then the browser's to take back.)
  const paintWasm = fetch(here(BUILD.paintWasm));
  let paintModule = import(here(BUILD.paint)).then(async (m) => {
    await m.default({ module_or_path: paintWasm });
    return m;
  });
  paintModule.catch(() => {});
  const sheet = fetch(here(BUILD.css))
    .then((r) => (r.ok ? r.text() : ""))
    .catch(() => "")
    .then((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
  // While they come, after the page's first frame: the browser's first Intl.DateTimeFormat, which
  // costs it the loading of its zone data (70 ms on a slow phone), made now rather than inside
  // the first-paint module's reading of the feed, which then finds it ready.
  requestAnimationFrame(() =>
    setTimeout(() => new Intl.DateTimeFormat("en-US", { timeZone: "UTC", timeZoneName: "longOffset" }).format(0)),
  );
  // ... and each widget's feed and words, as its element names them, as soon as the element is
  // parsed (the snippet's comes right after this script; the page may go on for long): a guess
  // only, the first-paint module decides from the same options as the app, and what it asks for
  // is fetched then if the guess missed it.
  const guess = (host) => {
    const { feed, lang } = host.dataset;
    try {
      get(new URL(feed?.trim() || "feed.json", document.baseURI).href).catch(() => {});
    } catch {
      // Not an address: the widget says so itself.
    }
    const words = (lang ?? document.documentElement.lang).toLowerCase().split(/[-_]/)[0];
    if (BUILD.languages.includes(words)) get(here(`locales/${words}.txt`)).catch(() => {});
  };
  const parsing = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.matches?.(WIDGETS)) guess(n);
  });
  if (document.readyState === "loading") parsing.observe(document, { childList: true, subtree: true });
  document.querySelectorAll(WIDGETS).forEach(guess);

  // A panic stops a wasm at once (a WebAssembly.RuntimeError, from an event handler, a task or a
  // call): each live widget on the page then shows its own "something went wrong" message, set
  // by the app on its element, instead of a list that no longer responds.
  const crashed = (error) => {
    if (!(error instanceof WebAssembly.RuntimeError)) return;
    for (const host of document.querySelectorAll("[data-um-crashed]")) {
      const root = host.shadowRoot?.querySelector(".um") ?? host.querySelector(".um");
      if (!root) continue;
      const message = document.createElement("p");
      message.className = "um-error";
      message.setAttribute("role", "alert");
      message.textContent = host.dataset.umCrashed;
      root.replaceChildren(message);
    }
  };
  addEventListener("error", (e) => crashed(e.error));
  addEventListener("unhandledrejection", (e) => crashed(e.reason));
  const guarded =
    (f) =>
    (...args) => {
      try {
        return f(...args);
      } catch (e) {
        crashed(e);
        throw e;
      }
    };

  // ------------------------------------------------------------------ the app, second
  let app;
  let live;
  let attempts = 0;
  const loadApp = () =>
    (app ??= (async () => {
      // A new address on each attempt after a failure: a browser may keep a failed import. The
      // wasm comes beside the glue, not after it.
      const wasm = fetch(here(BUILD.appWasm));
      const glue = await import(here(BUILD.app) + (attempts++ ? `?attempt=${attempts}` : ""));
      await glue.default({ module_or_path: wasm });
      glue.useStyleSheet(await sheet);
      glue.useLocales(here("locales/"));
      glue.useFetched(take);
      // A CSV feed is read by the sheet module (sheet/, the command line's `import csv`),
      // fetched once, when a widget's feed is a sheet; a JSON feed never loads it. Called
      // without a text, only fetches it. A fetch that failed is tried again on the next call.
      glue.useSheetReader(async (text, zone) => {
        const loaded = sheetModule();
        if (text === undefined) return loaded.then(() => {}, () => {});
        return (await loaded).readSheet(text, zone);
      });
      live = glue;
      return glue;
    })().catch((e) => {
      app = undefined;
      throw e;
    }));
  let sheets;
  const sheetModule = () =>
    (sheets ??= import(here(BUILD.sheet))
      .then(async (m) => (await m.default(), m))
      .catch((e) => {
        sheets = undefined;
        throw e;
      }));

  // ------------------------------------------------------------------ each widget
  // A widget's first stage: `instance` (its number on the page, as both modules number it),
  // `root` (the element in its shadow root that holds the painted screen, once there is one),
  // `listed` (the instant its painted listings were made at; 0 while only the loading line is
  // painted), `taps` and `keys` (what the reader did before the app was live), and `live` once
  // the app has it.
  const widgets = new Map();
  let instances = 0;

  /** The path of `node` from `root`: the index of each element among its parent's. */
  const pathOf = (root, node) => {
    const path = [];
    for (; node && node !== root; node = node.parentElement) {
      if (!node.parentElement) return null;
      path.unshift([...node.parentElement.children].indexOf(node));
    }
    return node === root ? path : null;
  };
  const at = (root, path) => path.reduce((node, i) => node?.children[i], root);

  /** A screen the first-paint module wrote (markup/, every text through its one escaping
   * function, markup/html.rs, which the hostile fixtures attack), parsed inert by a template. */
  const element = (html) => {
    const template = document.createElement("template");
    template.innerHTML = html;
    const root = document.createElement("div");
    root.append(template.content);
    return root;
  };

  // Keys the city field acts on, kept for the live field; the text typed goes over by itself.
  const KEYS = ["Enter", "Escape", "ArrowDown", "ArrowUp", "PageDown", "PageUp"];

  /** Shows `root` in widget `w`'s shadow root, and listens there: the reader's first tap, key or
   * focus brings the app at once; a tap on a button before it is live is kept, and made again
   * on the live widget (an RSVP tap opens its panel). */
  const show = (w, root) => {
    if (w.root) return w.root.replaceWith((w.root = root));
    const shadow = w.host.shadowRoot ?? w.host.attachShadow({ mode: "open" });
    shadow.adoptedStyleSheets = [w.styles];
    shadow.replaceChildren((w.root = root));
    for (const type of ["pointerdown", "keydown", "focusin"]) shadow.addEventListener(type, takeOverAll);
    shadow.addEventListener("click", (e) => {
      const button = !w.live && e.target.closest?.("button");
      const path = button && pathOf(w.root, button);
      if (!path) return;
      w.taps.push(path);
      button.setAttribute("aria-busy", "true");
    });
    shadow.addEventListener("keydown", (e) => {
      if (!w.live && KEYS.includes(e.key) && e.target.localName === "input") w.keys.push(e.key);
    });
    // The city field's own rule before the app has it (components/city_combobox.rs): focused or
    // clicked, it selects the city it shows, so that what one types replaces it; the mouseup that
    // would put the caret back in the text (WebKit) is let go.
    const untouched = (e) => !w.live && e.target.matches?.("input[role=combobox]") && e.target.value === e.target.defaultValue;
    for (const type of ["focusin", "click"]) shadow.addEventListener(type, (e) => untouched(e) && e.target.select());
    shadow.addEventListener("mouseup", (e) => untouched(e) && e.preventDefault());
  };

  /** Gives back the room kept for the widget once its listings show, when that moves nothing on
   * screen: at once if they fill it (the usual case), else when the reader scrolls what follows
   * the element out of sight. */
  const fit = (host) => {
    const done = () => {
      const kept = host.getBoundingClientRect().bottom;
      const used = host.shadowRoot?.firstElementChild?.getBoundingClientRect().bottom ?? kept;
      if (kept - used >= 1 && used < innerHeight) return false;
      host.setAttribute("data-um-fitted", "");
      removeEventListener("scroll", done);
      return true;
    };
    requestAnimationFrame(() => setTimeout(() => done() || addEventListener("scroll", done, { passive: true })));
  };

  /** Paints widget `w`'s first screen: the loading line, then its listings. Resolves to whether
   * the listings are painted; if not (a feed that did not come or cannot be read, a module that
   * could not be fetched), the app shows the widget. */
  const paint = async (w) => {
    const { host, instance } = w;
    try {
      const [p, styles] = await Promise.all([paintModule, sheet]);
      w.styles = styles;
      const [feed, words, zone, timeout] = p.plan(host, instance);
      if (p.opensPanel(instance)) takeOverAll();
      // An address the page may not name: the app says why.
      if (!feed || w.live) return false;
      const href = new URL(feed, document.baseURI).href;
      const wordsHref = here(`locales/${words}.txt`);
      used.add(href).add(wordsHref);
      const learned = words && read(wordsHref, "text").then((t) => p.learn(words, t), () => {});
      const hasContent = host.childElementCount > 0;
      // The loading line, unless the feed is here already: its listings come next.
      if (!answered.has(href)) show(w, element(p.loading(instance, hasContent)));
      // A feed that takes longer than an attempt may: the app tries again and says so.
      const late = setTimeout(takeOverAll, timeout);
      const response = await get(href).finally(() => clearTimeout(late));
      await learned;
      if (words && !w.live && !answered.has(href)) show(w, element(p.loading(instance, hasContent)));
      if (!response.ok || w.live) return false;
      let bytes = new Uint8Array(await read(href, "arrayBuffer"));
      let leftOut;
      if (p.isSheet(instance, response.headers.get("content-type"))) {
        const made = await (await sheetModule()).readSheet(new TextDecoder().decode(bytes), zone || undefined);
        bytes = new TextEncoder().encode(made.feed);
        leftOut = made.leftOut;
      }
      if (!p.read(instance, bytes, leftOut)) return false;
      // The page gets a turn between reading the feed and writing its screen (a large feed's
      // reading is a long task of its own).
      await new Promise((ok) => setTimeout(ok));
      const html = p.screen(instance);
      if (html === undefined || w.live) return false;
      show(w, element(html));
      w.listed = p.listedAt(instance);
      performance.mark("upcoming-meetings:first-screen");
      fit(host);
      return true;
    } catch {
      // The first-paint module could not be fetched or run, a sheet could not be read.
      return false;
    }
  };

  /** Puts the app's `root` in the painted root's place in one step: the page is not laid out in
   * between, so nothing moves and the scroll stays where it was. The reader's focus, the text
   * they typed in the city field and the folds they opened go over to the same elements (the
   * same markup), and their taps and keys are made again. */
  const swap = (w, root) => {
    const painted = w.root;
    const focused = w.host.shadowRoot.activeElement;
    const focus = focused && pathOf(painted, focused);
    const input = focused?.localName === "input" ? focused : null;
    const open = [...painted.querySelectorAll("details")].map((d) => d.open);
    const [x, y] = [scrollX, scrollY];
    show(w, root);
    alive(w);
    root.querySelectorAll("details").forEach((d, i) => (d.open = open[i] ?? d.open));
    const target = focus && at(root, focus);
    if (target) {
      target.focus({ preventScroll: true });
      if (input) {
        const typed = input.value !== target.value;
        target.value = input.value;
        // Where the caret or the selection was (a browser may put it elsewhere as it focuses).
        target.setSelectionRange(input.selectionStart, input.selectionEnd, input.selectionDirection);
        if (typed) target.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
      }
      for (const key of w.keys) {
        target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, composed: true, cancelable: true }));
      }
    }
    if (scrollX !== x || scrollY !== y) scrollTo(x, y);
    for (const path of w.taps) at(root, path)?.click();
    w.taps = [];
    w.keys = [];
    if ([...widgets.values()].every((w) => w.live)) paintModule = null;
  };

  /** Widget `w` is the app's now: its element says so (`data-um-live`), and so does the page's
   * performance timeline (`upcoming-meetings:live`, which `make bench` reads). */
  const alive = (w) => {
    w.live = true;
    w.host.setAttribute("data-um-live", "");
    performance.mark("upcoming-meetings:live");
  };

  /** The app, once: it takes over every widget in page order, as the module numbered them; a
   * widget with nothing painted it shows itself. */
  async function takeOverAll() {
    let glue;
    try {
      glue = await loadApp();
    } catch {
      return notLoaded();
    }
    // The page gets a turn between the app's start and its first render.
    await new Promise((ok) => setTimeout(ok));
    for (const w of widgets.values()) {
      if (w.taken) continue;
      w.taken = true;
      const listed = w.root ? w.listed : -1;
      guarded(glue.takeOver)(w.host, w.instance, listed, (root) => swap(w, root));
      if (!w.root) alive(w);
    }
  }

  /** The app could not be fetched: each painted widget says so, with Retry, below what the
   * reader tapped (or at its end); their next tap tries again too. */
  const notLoaded = async () => {
    const p = await paintModule?.catch(() => null);
    for (const w of widgets.values()) {
      if (w.live || !w.root || w.root.querySelector(".um-later")) continue;
      const message = element(p?.notLoaded(w.instance) ?? "").querySelector(".um-later");
      if (!message) continue;
      message.querySelector("button").addEventListener("click", (e) => {
        e.stopPropagation();
        message.remove();
        takeOverAll();
      });
      const tapped = w.taps.length > 0 && at(w.root, w.taps.at(-1));
      (tapped?.parentElement ?? w.root.firstElementChild).append(message);
      w.root.querySelectorAll("[aria-busy]").forEach((b) => b.removeAttribute("aria-busy"));
      w.taps = [];
    }
  };

  /** Starts a widget on `host`: painted first, while the app is not there yet. */
  const start = (host) => {
    if (widgets.has(host)) return null;
    const w = { host, instance: instances++, root: null, listed: 0, taps: [], keys: [] };
    widgets.set(host, w);
    return paintModule ? paint(w) : Promise.resolve(false);
  };

  const mountAll = async () => {
    const painted = await Promise.all([...document.querySelectorAll(WIDGETS)].map(start));
    for (const [href, response] of fetched) {
      if (used.has(href)) continue;
      fetched.delete(href);
      response.then((r) => r.body?.cancel(), () => {});
    }
    // A widget not painted: the app shows it at once. Every first screen painted: the app
    // comes once that is on screen (after the next frame).
    if (painted.some((p) => p === false)) return takeOverAll();
    requestAnimationFrame(() => setTimeout(takeOverAll));
  };

  window.upcomingMeetings = {
    mountAll,
    mount: (host) => start(host)?.then(takeOverAll),
    unmount: (host) => {
      const w = widgets.get(host);
      if (!w) return false;
      widgets.delete(host);
      w.live = true;
      if (w.taken && live) guarded(live.unmount)(host);
      // The element's own content shows again; no room kept for a widget that is gone.
      host.shadowRoot?.replaceChildren(document.createElement("slot"));
      host.setAttribute("data-um-fitted", "");
      host.removeAttribute("data-um-live");
      return true;
    },
  };
  const begin = () => {
    // The parser's last records may not be delivered yet (Chromium fires DOMContentLoaded first,
    // more often than not), and disconnect drops them: each element gets its guess here then.
    parsing.disconnect();
    document.querySelectorAll(WIDGETS).forEach(guess);
    mountAll();
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", begin, { once: true });
  } else {
    begin();
  }
})();
