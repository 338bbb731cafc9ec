// The check page (check.html): reads a feed or a sheet (CSV) from a dropped or chosen file,
// pasted text or an address, and shows what the widget's own reader finds in it (checkFeed, the
// check crate's wasm: the command line's `check`). A sheet is first made into a feed by the
// sheet module (readSheet: the command line's `import csv`, the widget's reader of CSV feeds),
// fetched only then, and the feed offered to download. Nothing leaves the browser but the
// request for an address the publisher gives. Feed text is only ever set as text, never as
// HTML. `make build` copies this file into dist/ with the two imports naming the hashed glue.
import init, { checkFeed } from "./check-wasm.js";
const SHEET_MODULE = "./sheet-wasm.js";

const $ = (id) => document.getElementById(id);
const ready = init();

/** An element with text, never parsed as HTML. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The feed's line `line` around `column` (both from 1; columns count characters), without its
 * indentation, with a caret under the column; a line that only opens an object or a list goes
 * on with the next line (which names the entry). Cut to a phone's width on long (minified) lines. */
function excerpt(text, line, column) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let chars = Array.from(lines[line - 1] ?? "");
  const indent = chars.findIndex((c) => c !== " " && c !== "\t");
  if (indent > 0 && indent < column) {
    chars = chars.slice(indent);
    column -= indent;
  }
  if (/^[{[]$/.test(chars.join("").trim()) && lines[line] !== undefined) chars.push(" ", ...Array.from(lines[line].trim()));
  const from = Math.max(0, column - 1 - 40);
  const shown = chars.slice(from, from + 80).join("").replace(/\t/g, " ");
  return `${from > 0 ? "…" : ""}${shown}\n${" ".repeat(column - 1 - from + (from > 0 ? 1 : 0))}^`;
}

/** A sheet's note or left-out row (as `import csv` writes it on standard error), shown before
 * the made feed's findings. */
function sheetFinding(severity, where, message, fix) {
  const item = el("li", "finding");
  item.dataset.severity = severity;
  const head = el("p", "head");
  head.append(el("span", "severity", severity), " ", el("span", "where", where));
  item.append(head, el("p", "message", message));
  if (fix) {
    const p = el("p", "fix");
    p.append(el("strong", "", "Fix: "), fix);
    item.append(p);
  }
  return item;
}

function show(name, text, result, sheet = null) {
  const { findings, summary, exitCode } = result;
  $("summary").textContent = `${name}: ${summary}`;
  $("summary").dataset.exit = String(exitCode);
  const converted = $("converted");
  URL.revokeObjectURL($("download").href);
  converted.hidden = !sheet;
  if (sheet) $("download").href = URL.createObjectURL(new Blob([sheet.feed], { type: "application/json" }));
  const list = $("findings");
  list.replaceChildren(
    ...(sheet?.notes ?? []).map((note) => sheetFinding("note", "the sheet", note)),
    ...(sheet?.leftOut ?? []).map((row) =>
      sheetFinding("left out", `row ${row.row} of the sheet`, `row ${row.row}: left out: ${row.reason}`, "Correct this row of the sheet as the message says."),
    ),
    ...findings.map((f) => {
      const item = el("li", "finding");
      item.dataset.severity = f.severity;
      const head = el("p", "head");
      head.append(el("span", "severity", f.severity), " ", el("span", "where", `line ${f.line}, column ${f.column} · ${f.entry} · ${f.path}`));
      const fix = el("p", "fix");
      fix.append(el("strong", "", "Fix: "), f.fix);
      item.append(head, el("p", "message", f.message), fix);
      if (text) item.append(el("pre", "excerpt", excerpt(text, f.line, f.column)));
      return item;
    }),
  );
  $("report").hidden = false;
}

/** The report of a source that could not be read at all (exit status 2 on the command line). */
function unreadable(name, why) {
  show(name, "", { findings: [], summary: `cannot be read: ${why}`, exitCode: 2 });
}

/** A sheet, not a feed: by its name (.csv), its media type (text/csv), or, for a text without
 * either, by not starting as JSON does. */
function isSheet(name, type, text) {
  if (/\.csv$/i.test(name) || /^text\/csv\b/i.test(type ?? "")) return true;
  if (/\.json$/i.test(name) || /\bjson\b/i.test(type ?? "")) return false;
  return !/^\uFEFF?\s*[{[]/.test(text) && text.trim() !== "";
}

let sheetModule;
/** The sheet module, fetched the first time a sheet is given. */
function sheets() {
  sheetModule ??= import(SHEET_MODULE).then(async (m) => (await m.default(), m));
  return sheetModule.catch((e) => {
    sheetModule = undefined;
    throw e;
  });
}

async function checkText(name, text, type) {
  try {
    await ready;
  } catch {
    return unreadable(name, "this browser could not start the checker (WebAssembly).");
  }
  if (!isSheet(name, type, text)) return show(name, text, checkFeed(text));
  let sheet;
  try {
    sheet = (await sheets()).readSheet(text, $("zone").value.trim() || undefined);
  } catch (e) {
    return unreadable(name, typeof e === "string" ? `not a sheet of meetings: ${e}.` : "the sheet reader could not be loaded; try again.");
  }
  // The findings' lines and columns are the made feed's (the download), not the sheet's.
  const result = checkFeed(sheet.feed);
  const left = sheet.leftOut.length;
  if (left > 0) {
    // As the command line's import: exit status 1 when it left a row out.
    result.exitCode = Math.max(result.exitCode, 1);
    result.summary = `${left} ${left === 1 ? "row" : "rows"} of the sheet left out; the feed made of the rest: ${result.summary}`;
  }
  show(`${name}, made into feed.json`, sheet.feed, result, sheet);
}

async function checkFile(file) {
  if (file) checkText(file.name, await file.text(), file.type);
}

async function checkAddress(address) {
  let url;
  try {
    url = new URL(address, location.href);
  } catch {
    return unreadable(address, "this is not an address.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return unreadable(address, "only https: and http: addresses can be read.");
  let response;
  try {
    response = await fetch(url, { cache: "no-store", credentials: "omit" });
  } catch {
    return unreadable(url.href, "the site did not answer, or does not let other pages read it (CORS).");
  }
  if (!response.ok) return unreadable(url.href, `the site answered ${response.status} ${response.statusText}`.trim() + ".");
  checkText(url.href, await response.text(), response.headers.get("content-type"));
}

$("file").addEventListener("change", (e) => checkFile(e.target.files[0]));
$("fetch").addEventListener("click", () => checkAddress($("address").value.trim()));
$("address").addEventListener("keydown", (e) => {
  if (e.key === "Enter") {
    e.preventDefault();
    checkAddress($("address").value.trim());
  }
});
$("check-text").addEventListener("click", () => checkText("the pasted text", $("text").value));
$("sources").addEventListener("submit", (e) => e.preventDefault());

// A file dropped anywhere on the page.
for (const type of ["dragenter", "dragover"]) {
  document.addEventListener(type, (e) => {
    e.preventDefault();
    document.body.classList.add("dragging");
  });
}
for (const type of ["dragleave", "drop"]) {
  document.addEventListener(type, () => document.body.classList.remove("dragging"));
}
document.addEventListener("drop", (e) => {
  e.preventDefault();
  const file = e.dataTransfer?.files?.[0];
  if (file) checkFile(file);
  else if (e.dataTransfer?.getData("text/plain")) checkText("the dropped text", e.dataTransfer.getData("text/plain"));
});

// check.html?feed=ADDRESS checks that address at once (a link a publisher can share).
const given = new URLSearchParams(location.search).get("feed");
if (given) {
  $("address").value = given;
  checkAddress(given);
}
