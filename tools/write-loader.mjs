// trunk post-build hook: writes the stable entry point `upcoming-meetings.js` beside trunk's
// hashed output, so pages embed one unchanging file name while the hashed JS, wasm and CSS
// behind it can be cached forever. The entry point is the loader, web/loader.js, copied with
// only its BUILD object filled in (the hashed file names and the languages of locales/). In a
// release build the hook also minifies the JS glue (trunk minifies the page and the CSS, not
// wasm-bindgen's JS).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");
const files = readdirSync(dir);
const named = (pattern, what) => files.find((f) => pattern.test(f)) ?? fail(what);
const fail = (what) => {
  throw new Error(`no ${what} in ${dir}: ${files.join(", ")}`);
};
const js = named(/^upcoming[-_]meetings[-_]web-[0-9a-f]+\.js$/, "hashed wasm-bindgen JS");
const wasm = named(/^upcoming[-_]meetings[-_]web-[0-9a-f]+_bg\.wasm$/, "hashed wasm");
// trunk's copy of style/widget.css (index.html links it), minified in a release build.
const css = named(/^widget-[0-9a-f]+\.css$/, "hashed widget stylesheet");
// The languages whose words are not in the wasm: trunk's copy of locales/ (index.html), which
// build.rs has checked; the wasm carries English.
const languages = readdirSync(join(dir, "locales"))
  .map((f) => f.replace(/\.txt$/, ""))
  .filter((tag) => tag !== "en")
  .sort();
if (languages.length === 0) fail("language files in locales/");

if (process.env.TRUNK_PROFILE === "release") {
  const path = join(dir, js);
  const { code } = await minify(readFileSync(path, "utf8"), { module: true, ecma: 2020 });
  writeFileSync(path, code);
}

// The loader's source, with its one `const BUILD = {...};` line written anew.
const LOADER = new URL("../web/loader.js", import.meta.url);
const source = readFileSync(LOADER, "utf8");
const line = /^( *)const BUILD = \{.*\};$/gm;
const lines = source.match(line)?.length ?? 0;
if (lines !== 1) throw new Error(`${LOADER.pathname}: ${lines} lines "const BUILD = {...};", not 1`);
const build = JSON.stringify({ glue: js, wasm, css, languages });
const loader = source.replace(line, (_, indent) => `${indent}const BUILD = ${build};`);
writeFileSync(join(dir, "upcoming-meetings.js"), loader);
console.log(`upcoming-meetings.js -> ${js}, ${wasm}, ${css}`);
