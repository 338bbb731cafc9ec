// trunk post-build hook. Puts the widget's wasm modules and their JS (tools/build-wasm.sh made
// them in target/web/out/) beside trunk's output, named by one hash of their contents so that a
// host may cache them forever, and writes the stable entry point `upcoming-meetings.js`: the
// loader, web/loader.js, with only its BUILD object filled in (the hashed file names and the
// languages of locales/). The files name each other (the glue imports __wasm_split.js, which
// imports the glue and fetches the later modules next to itself; the sheet module's glue
// fetches its wasm): each name is rewritten where it is written. In a release build the JS,
// the loader too, is minified (trunk minifies the page and CSS).
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

// Made by build-wasm.sh: the main module and its glue, the split loader, the later modules (one
// per split point, split_<name>.wasm, and those of code several share, chunk_<n>.wasm).
const GLUE = "upcoming-meetings-web.js";
const WASM = "upcoming-meetings-web_bg.wasm";
const SPLIT = "__wasm_split.js";
const later = built.filter((f) => /^(split|chunk)_\w+\.wasm$/.test(f));
// The sheet module (sheet/), fetched by the loader only for a CSV feed: its glue and wasm.
const SHEET = "upcoming-meetings-sheet.js";
const SHEET_WASM = "upcoming-meetings-sheet_bg.wasm";
for (const file of [GLUE, WASM, SPLIT, SHEET, SHEET_WASM]) {
  if (!built.includes(file)) fail(`no ${file} in ${MODULES.pathname}: run tools/build-wasm.sh`);
}
if (built.length !== later.length + 5) fail(`unexpected files in ${MODULES.pathname}: ${built}`);

const hash = createHash("sha256");
for (const file of built) hash.update(file).update(read(file));
const h = hash.digest("hex").slice(0, 16);
const names = new Map([
  [GLUE, `upcoming-meetings-web-${h}.js`],
  [WASM, `upcoming-meetings-web-${h}_bg.wasm`],
  [SPLIT, `upcoming-meetings-split-${h}.js`],
  ...later.map((f) => [f, f.replace(/^(?:split_)?(\w+)\.wasm$/, `upcoming-meetings-$1-${h}.wasm`)]),
  [SHEET, `upcoming-meetings-sheet-${h}.js`],
  [SHEET_WASM, `upcoming-meetings-sheet-${h}_bg.wasm`],
]);

// "./name" in a JS file where the file loads it (`from "./name"`, `new URL("./name"`, or
// `new URL('name'` as wasm-bindgen's glue names its wasm): each must be found. (The glue also writes "./__wasm_split.js" as the name of the main module's
// imports, which is not a file name and stays.)
const rename = (file, mentions) => {
  let js = read(file).toString("utf8");
  for (const old of mentions) {
    const name = old.replace(/[.]/g, "\\.");
    const loads = new RegExp(`((?:\\bfrom|\\bURL\\()\\s*)(["'])(?:\\./)?${name}\\2`, "g");
    if (!loads.test(js)) fail(`${file} does not load ./${old}`);
    js = js.replace(loads, (_, how, q) => `${how}${q}./${names.get(old)}${q}`);
  }
  return js;
};
const release = process.env.TRUNK_PROFILE === "release";
const write = async (file, js) => {
  const code = release ? (await minify(js, { module: true, ecma: 2020 })).code : js;
  writeFileSync(join(dir, names.get(file)), code);
};
await write(GLUE, rename(GLUE, [SPLIT]));
await write(SPLIT, rename(SPLIT, [GLUE, ...later]));
await write(SHEET, rename(SHEET, [SHEET_WASM]));
for (const file of [WASM, SHEET_WASM, ...later]) writeFileSync(join(dir, names.get(file)), read(file));

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
  glue: names.get(GLUE),
  wasm: names.get(WASM),
  sheet: names.get(SHEET),
  css,
  languages,
});
const loader = source.replace(line, (_, indent) => `${indent}const BUILD = ${build};`);
// Minified in a release build like the rest: its comments are for the source's readers.
writeFileSync(
  join(dir, "upcoming-meetings.js"),
  release ? (await minify(loader, { ecma: 2020 })).code : loader,
);
console.log(`upcoming-meetings.js -> ${[...names.values()].join(", ")}, ${css}`);
