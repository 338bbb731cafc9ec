// The check page (check.html): reads a feed, a sheet (CSV) or a calendar (.ics) from a dropped
// or chosen file, pasted text or an address, and shows what the widget's own reader finds in it
// (checkFeed, the check crate's wasm: the command line's `check`). A sheet or a calendar is
// first made into a feed, by the sheet module (readSheet: the command line's `import csv`, the
// widget's reader of CSV feeds) or the calendar module (readCalendar: `import ics`), each fetched
// only then, and the feed offered to download. Nothing leaves the browser but the request for an
// address the publisher gives. Feed text is only ever set as text, never as HTML.
// `make build` copies this file into dist/ with the three imports naming the hashed glue.
import init, { checkFeed } from "./check-wasm.js";
const MODULES = { sheet: "./sheet-wasm.js", calendar: "./calendar-wasm.js" };
const DAY_MS = 24 * 60 * 60 * 1000;

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

/** A note or a left-out row or event of the sheet or calendar (as the import writes it on
 * standard error), shown before the made feed's findings. */
function importFinding(severity, where, message, fix) {
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

/** `made`: a sheet or calendar made into a feed, `{ kind, feed, leftOut, notes }`. */
function show(name, text, result, made = null) {
  const { findings, summary, exitCode } = result;
  $("summary").textContent = `${name}: ${summary}`;
  $("summary").dataset.exit = String(exitCode);
  const converted = $("converted");
  URL.revokeObjectURL($("download").href);
  converted.hidden = !made;
  if (made) {
    $("download").href = URL.createObjectURL(new Blob([made.feed], { type: "application/json" }));
    $("made-by").textContent = `upcoming-meetings import ${made.kind === "sheet" ? "csv" : "ics"}`;
  }
  const where = made?.kind === "calendar" ? "the calendar" : "the sheet";
  const list = $("findings");
  list.replaceChildren(
    ...(made?.notes ?? []).map((note) => importFinding("note", where, note)),
    ...(made?.leftOut ?? []).map((left) =>
      made.kind === "sheet"
        ? importFinding("left out", `row ${left.row} of the sheet`, `row ${left.row}: left out: ${left.reason}`, "Correct this row of the sheet as the message says.")
        : importFinding("left out", "the calendar", `left out: ${left}`, "Correct this event in the calendar as the message says."),
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

/** "calendar", "sheet" or "feed": by the name's extension, else the media type, else the text
 * (a calendar begins BEGIN:VCALENDAR; a feed, as JSON does; anything else is taken for a sheet). */
function kindOf(name, type, text) {
  const ext = name.match(/\.(ics|csv|json)$/i)?.[1].toLowerCase();
  if (ext) return { ics: "calendar", csv: "sheet", json: "feed" }[ext];
  if (/^text\/calendar\b/i.test(type ?? "")) return "calendar";
  if (/^text\/csv\b/i.test(type ?? "")) return "sheet";
  if (/\bjson\b/i.test(type ?? "")) return "feed";
  if (/^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text)) return "calendar";
  return /^\uFEFF?\s*[{[]/.test(text) || text.trim() === "" ? "feed" : "sheet";
}

const loaded = {};
/** The sheet or calendar module, fetched the first time one is given (again after a failure). */
function module(kind) {
  loaded[kind] ??= import(MODULES[kind]).then(async (m) => (await m.default(), m));
  return loaded[kind].catch((e) => {
    delete loaded[kind];
    throw e;
  });
}

/** A calendar's campaign from the page's fields; an empty id or title from the file's name. */
function campaign(name) {
  const base = name.replace(/^.*[/\\]/, "").replace(/\.[a-z]+$/i, "");
  if (!$("campaign").value.trim()) $("campaign").value = base.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "calendar";
  if (!$("title").value.trim()) $("title").value = base;
  return { id: $("campaign").value.trim(), title: $("title").value.trim(), city: $("city").value.trim() || undefined };
}

async function checkText(name, text, type) {
  try {
    await ready;
  } catch {
    return unreadable(name, "this browser could not start the checker (WebAssembly).");
  }
  const kind = kindOf(name, type, text);
  if (kind === "feed") return show(name, text, checkFeed(text));
  let made;
  try {
    // The module may take a moment on a slow network (the calendar's carries every zone).
    $("summary").textContent = `${name}: reading the ${kind}…`;
    delete $("summary").dataset.exit;
    $("findings").replaceChildren();
    $("converted").hidden = true;
    $("report").hidden = false;
    const m = await module(kind);
    const zone = $("zone").value.trim() || undefined;
    if (kind === "sheet") {
      made = m.readSheet(text, zone);
    } else {
      // As the command line's defaults: repeating events' dates from now for a year.
      const { id, title, city } = campaign(name);
      made = m.readCalendar(text, id, title, city, zone, Date.now(), Date.now() + 365 * DAY_MS);
    }
  } catch (e) {
    if (typeof e !== "string") return unreadable(name, `the ${kind} reader could not be loaded; try again.`);
    return unreadable(name, kind === "sheet" ? `not a sheet of meetings: ${e}.` : `${e}.`);
  }
  made.kind = kind;
  // The findings' lines and columns are the made feed's (the download), not the source's.
  const result = checkFeed(made.feed);
  const left = made.leftOut.length;
  if (left > 0) {
    // As the command line's import: exit status 1 when it left something out.
    const what = kind === "sheet" ? ["row", "rows", "of the sheet"] : ["event", "events", "of the calendar"];
    result.exitCode = Math.max(result.exitCode, 1);
    result.summary = `${left} ${left === 1 ? what[0] : what[1]} ${what[2]} left out; the feed made of the rest: ${result.summary}`;
  }
  show(`${name}, made into feed.json`, made.feed, result, made);
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
