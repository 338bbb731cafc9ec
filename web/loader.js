// upcoming-meetings: the stable entry point, dist/upcoming-meetings.js. Its source is
// web/loader.js: tools/write-loader.mjs (trunk's post-build hook) copies it into dist/ with the
// BUILD object below filled in, and minifies it in a release build.
// A classic script, and a module too: the snippet loads it with a plain <script src> before the
// widget's element, so that it runs before the host page's first paint; older snippets and the
// bundled page load it as a module, which runs after that paint. So it imports and exports
// nothing, and leaves nothing behind in the page's scope but window.upcomingMeetings.
(() => {
  // What this build is made of, written by the hook: the hashed file names beside this file
  // (the wasm-bindgen JS glue, the wasm, the sheet module's glue, the widget's stylesheet), and
  // the languages whose words are files in locales/ (English is in the wasm). Empty in the source.
  const BUILD = { glue: "", wasm: "", sheet: "", css: "", languages: [] };

  const script =
    document.currentScript ??
    [...document.scripts].find((s) => /(^|\/)upcoming-meetings\.js([?#]|$)/.test(s.src));
  const base = script?.src || document.baseURI;
  const here = (file) => new URL("./" + file, base);

  // First, and at once: every widget element keeps room for its widget until the widget shows
  // and fits it (data-um-fitted, set by the wasm's mount.rs), so the host page never jumps as it
  // appears. A rule in a sheet of the document, not a style on each element: the elements that
  // follow this script are not parsed yet, and the rule holds them from the first frame the
  // host page paints. :where() gives it no weight, so any min-height of the host page's own wins.
  try {
    const room = new CSSStyleSheet();
    room.replaceSync(
      ":where([data-upcoming-meetings]:not([data-um-fitted])) " +
        "{ display: block; min-height: min(100svh, 60rem); }",
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, room];
  } catch {
    // A browser without constructable sheets: the page may move once as the widget appears.
  }

  // Hints, which decide nothing. What a widget shows, its feed and its language among the rest,
  // is decided by its options in the wasm (src/model/widget/options.rs, which also reads the
  // page address and the page's language). Here, a download the widget will probably make starts
  // beside the wasm's, as a preload that the widget's own request then takes over: the feed its
  // element names in data-feed, and the words of the language its data-lang names, where that
  // is exactly one of the language files. A wrong hint costs only the download.
  const hints = () => {
    const urls = new Set();
    for (const host of document.querySelectorAll("[data-upcoming-meetings]")) {
      const { feed, lang } = host.dataset;
      if (feed) {
        try {
          urls.add(new URL(feed, document.baseURI).href);
        } catch {
          // Not an address: the widget says so itself.
        }
      }
      const words = lang?.toLowerCase();
      if (BUILD.languages.includes(words)) urls.add(here(`locales/${words}.txt`).href);
    }
    return urls;
  };

  // A panic stops the wasm at once (a WebAssembly.RuntimeError, from an event handler, a task or
  // a call): each widget on the page then shows its own "something went wrong" message, set by
  // the widget on its element, instead of a list that no longer responds.
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

  const start = async () => {
    const preloads = hints();
    // Then the host page paints first: the widget's downloads wait for its first frame, so they
    // never compete with what the page itself needs to show (its text, its stylesheet). A hidden
    // tab paints no frame; the timeout starts the widget there too.
    await new Promise((go) => {
      requestAnimationFrame(() => setTimeout(go));
      setTimeout(go, 200);
    });
    for (const href of preloads) {
      const link = document.createElement("link");
      Object.assign(link, { rel: "preload", as: "fetch", crossOrigin: "anonymous", href });
      document.head.append(link);
    }
    const wasm = fetch(here(BUILD.wasm));
    // The widget's stylesheet, adopted in each widget's shadow root (no inline style: strict
    // CSPs allow it). Without it the widget still works, unstyled.
    const css = fetch(here(BUILD.css))
      .then((r) => (r.ok ? r.text() : ""))
      .catch(() => "");
    addEventListener("error", (e) => crashed(e.error));
    addEventListener("unhandledrejection", (e) => crashed(e.reason));
    const glue = await import(here(BUILD.glue).href);
    await glue.default({ module_or_path: wasm });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(await css);
    glue.useStyleSheet(sheet);
    glue.useLocales(here("locales/").href);
    // A CSV feed is read by the sheet module (sheet/, the command line's `import csv`), fetched
    // once, when a widget's feed is a sheet; a JSON feed never loads it. Called without a text,
    // only fetches it (beside the feed). A fetch that failed is tried again on the next call.
    let sheets;
    glue.useSheetReader(async (text, zone) => {
      sheets ??= import(here(BUILD.sheet).href).then(async (m) => (await m.default(), m));
      const loaded = sheets.catch((e) => {
        sheets = undefined;
        throw e;
      });
      if (text === undefined) return loaded.then(() => {}, () => {});
      return (await loaded).readSheet(text, zone);
    });
    window.upcomingMeetings = {
      mountAll: guarded(glue.mountAll),
      mount: guarded(glue.mount),
      unmount: guarded(glue.unmount),
    };
    window.upcomingMeetings.mountAll();
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
