// trunk post-build hook. Puts the widget's wasm modules and their JS glue (tools/build-wasm.sh made
// them in target/web/out/) beside trunk's output, each module named by a hash of its own files so
// that a host may cache them forever (and a new app leaves the first-paint module cached), and
// writes the stable entry point `upcoming-meetings.js`: the loader, web/loader.js, with only its
// BUILD object filled in (the hashed file names and the languages of locales/). Each glue names
// its wasm: that name is rewritten where it is written. In a release build the JS, the loader
// too, is minified (trunk minifies the page and CSS).
// It also takes out of the page the Rust link that trunk skipped.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");
const fail = (what) => {
  throw new Error(what);
};
const MODULES = new URL("../target/web/out/", import.meta.url);
const built = readdirSync(MODULES).sort();
const read = (file) => readFileSync(new URL(file, MODULES));

// Made by build-wasm.sh: each module's glue and wasm.
const MODULE_NAMES = ["paint", "app", "sheet"];
const expected = MODULE_NAMES.flatMap((m) => [`upcoming-meetings-${m}.js`, `upcoming-meetings-${m}_bg.wasm`]);
for (const file of expected) {
  if (!built.includes(file)) fail(`no ${file} in ${MODULES.pathname}: run tools/build-wasm.sh`);
}
if (built.length !== expected.length) fail(`unexpected files in ${MODULES.pathname}: ${built}`);

const release = process.env.TRUNK_PROFILE === "release";
const names = {};
for (const module of MODULE_NAMES) {
  const [glue, wasm] = [`upcoming-meetings-${module}.js`, `upcoming-meetings-${module}_bg.wasm`];
  const hash = createHash("sha256");
  for (const file of [glue, wasm]) hash.update(file).update(read(file));
  const h = hash.digest("hex").slice(0, 16);
  names[module] = { glue: `upcoming-meetings-${module}-${h}.js`, wasm: `upcoming-meetings-${module}-${h}_bg.wasm` };
  // The glue names its wasm as wasm-bindgen's does, `new URL('…_bg.wasm', import.meta.url)`:
  // used when the loader passes no wasm of its own (the sheet module).
  let js = read(glue).toString("utf8");
  const loads = new RegExp(`(\\bURL\\(\\s*)(["'])(?:\\./)?${wasm.replace(/[.]/g, "\\.")}\\2`, "g");
  if (!loads.test(js)) fail(`${glue} does not load ./${wasm}`);
  js = js.replace(loads, (_, how, q) => `${how}${q}./${names[module].wasm}${q}`);
  const code = release ? (await minify(js, { module: true, ecma: 2020 })).code : js;
  writeFileSync(join(dir, names[module].glue), code);
  writeFileSync(join(dir, names[module].wasm), read(wasm));
}

// trunk's copy of style/widget.css (index.html links it), minified in a release build.
const files = readdirSync(dir);
const css =
  files.find((f) => /^widget-[0-9a-f]+\.css$/.test(f)) ?? fail(`no widget stylesheet in ${dir}`);
// The languages whose words are not in the wasm: trunk's copy of locales/ (index.html), which
// build.rs has checked; the wasm carries English.
const languages = readdirSync(join(dir, "locales"))
  .map((f) => f.replace(/\.txt$/, ""))
  .filter((tag) => tag !== "en")
  .sort();
if (languages.length === 0) fail(`no language files in ${dir}/locales`);

// The page names a Rust crate that trunk skips (index.html: else trunk builds the crate beside
// it), and keeps that link in the page: it goes here, the one line with data-trunk left.
const PAGE = join(dir, "index.html");
const page = readFileSync(PAGE, "utf8");
const skipped = /<link[^>]*\bdata-trunk-skip\b[^>]*>/g;
if (page.match(skipped)?.length !== 1) fail(`${PAGE}: not one <link data-trunk-skip>`);
writeFileSync(PAGE, page.replace(skipped, ""));

// The loader's source, with its one `const BUILD = {...};` line written anew.
const LOADER = new URL("../web/loader.js", import.meta.url);
const source = readFileSync(LOADER, "utf8");
const line = /^( *)const BUILD = \{.*\};$/gm;
const lines = source.match(line)?.length ?? 0;
if (lines !== 1) fail(`${LOADER.pathname}: ${lines} lines "const BUILD = {...};", not 1`);
const build = JSON.stringify({
  paint: names.paint.glue,
  paintWasm: names.paint.wasm,
  app: names.app.glue,
  appWasm: names.app.wasm,
  sheet: names.sheet.glue,
  css,
  languages,
});
const loader = source.replace(line, (_, indent) => `${indent}const BUILD = ${build};`);
// Minified in a release build like the rest: its comments are for the source's readers.
writeFileSync(
  join(dir, "upcoming-meetings.js"),
  release ? (await minify(loader, { ecma: 2020 })).code : loader,
);
console.log(`upcoming-meetings.js -> ${Object.values(names).flatMap((n) => [n.glue, n.wasm]).join(", ")}, ${css}`);
