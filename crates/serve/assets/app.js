// dossier's web interface: a single page that fetches the JSON API and builds the DOM from it.
//
// Every piece of text from the store (article text, titles, names, quotes) reaches the page as a
// text node (`el` turns strings into text nodes; no string is ever parsed as HTML), so an article
// can never inject markup. Links are built from ids with encodeURIComponent; external URLs are
// linked only when they are http(s). Routes live in the fragment (#/doc/ID), so the server only
// ever serves this one page. Offsets from the API are Unicode code points: texts are split with
// Array.from, which walks code points, never UTF-16 units.
"use strict";

const main = document.getElementById("main");
const PAGE = 20;

// ---- DOM helpers -------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "on") for (const [ev, f] of Object.entries(v)) node.addEventListener(ev, f);
    else node.setAttribute(k, String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  append(node, children);
  return node;
}

function show(...children) {
  main.replaceChildren();
  append(main, children);
}

function safeUrl(u) {
  return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null;
}

const enc = encodeURIComponent;
const docHref = (id, start, end) => `#/doc/${enc(id)}` + (start !== undefined ? `?at=${start}-${end}` : "");
const entityHref = (id) => `#/entity/${enc(id)}`;
const eventHref = (id) => `#/event/${enc(id)}`;

// ---- the API -----------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") qs.set(k, v);
  const url = path + (qs.toString() ? "?" + qs : "");
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem("dossier-token");
  if (token) headers.Authorization = "Bearer " + token;
  const res = await fetch(url, { headers });
  let body = null;
  try { body = await res.json(); } catch (_) { /* not JSON: handled below */ }
  if (!res.ok) {
    const e = body && body.error;
    throw new ApiError(res.status, e ? e.code : "http_" + res.status, e ? e.message : res.statusText);
  }
  return body;
}

function showError(err) {
  if (err instanceof ApiError && err.status === 401) return showTokenForm(err.message);
  show(el("p", { class: "error" }, err.message || String(err)));
}

function showTokenForm(message) {
  const input = el("input", { type: "password", name: "token", autocomplete: "off", placeholder: "token" });
  show(el("form", { class: "token", on: { submit: (e) => {
      e.preventDefault();
      sessionStorage.setItem("dossier-token", input.value.trim());
      route();
    } } },
    el("h1", {}, "This server needs a token"),
    el("p", { class: "muted" }, message),
    input, " ", el("button", { type: "submit" }, "Continue")));
}

// ---- small renderers ---------------------------------------------------------------------------

function meta(doc) {
  return [doc.outlet, doc.published ? String(doc.published).slice(0, 10) : null].filter(Boolean).join(" · ");
}

function pager(total, offset, limit, go) {
  if (total <= limit) return null;
  const prev = offset > 0 ? el("a", { href: go(Math.max(0, offset - limit)) }, "← previous") : null;
  const next = offset + limit < total ? el("a", { href: go(offset + limit) }, "next →") : null;
  return el("div", { class: "pager" }, prev, el("span", { class: "muted small" }, `${offset + 1}–${Math.min(total, offset + limit)} of ${total}`), next);
}

function spanLink(span, label) {
  return el("a", { href: docHref(span.doc, span.start, span.end), title: `in ${span.doc}` }, label || span.text);
}

function figureValue(v) {
  return Array.isArray(v) ? `${v[0]}–${v[1]}` : String(v);
}

function table(headers, rows) {
  return el("table", {}, el("thead", {}, el("tr", {}, headers.map((h) => el("th", {}, h)))),
    el("tbody", {}, rows));
}

function parseHash() {
  const h = location.hash.replace(/^#\/?/, "");
  const [path, query] = h.split("?");
  const parts = path.split("/").map(decodeURIComponent);
  return { name: parts[0] || "search", arg: parts.slice(1).join("/"), params: new URLSearchParams(query || "") };
}

// ---- pages -------------------------------------------------------------------------------------

let outletsCache = null;

async function pageSearch(params) {
  const q = params.get("q") || "", outlet = params.get("outlet") || "", from = params.get("from") || "", to = params.get("to") || "";
  const offset = Number(params.get("offset") || 0) || 0;
  if (!outletsCache) outletsCache = (await api("/api/outlets")).items;
  const field = (name, attrs) => el("input", Object.assign({ name, value: params.get(name) || "" }, attrs));
  const form = el("form", { class: "search", on: { submit: (e) => {
      e.preventDefault();
      const fd = new URLSearchParams();
      for (const [k, v] of new FormData(e.target)) if (v) fd.set(k, v);
      location.hash = "#/search?" + fd;
    } } },
    el("label", {}, "Search", field("q", { type: "search", placeholder: "words, \"a phrase\", OR, NOT, prefix*", autofocus: true })),
    el("label", {}, "Outlet", el("select", { name: "outlet" }, el("option", { value: "" }, "any"),
      outletsCache.map((o) => el("option", { value: o.outlet, selected: o.outlet === outlet }, `${o.outlet} (${o.documents})`)))),
    el("label", {}, "From", field("from", { type: "date" })),
    el("label", {}, "To", field("to", { type: "date" })),
    el("button", { type: "submit" }, "Search"));
  const filters = { outlet, from, to, limit: PAGE, offset };
  const go = (o) => "#/search?" + new URLSearchParams(Object.entries({ q, outlet, from, to, offset: o }).filter(([, v]) => v !== ""));
  if (!q) {
    const page = await api("/api/documents", filters);
    show(el("h1", {}, "Documents"), form,
      el("p", { class: "muted small" }, `${page.total} documents. Search them, or open one.`),
      el("ul", { class: "hits" }, page.items.map((d) => el("li", {},
        el("a", { class: "title", href: docHref(d.id) }, d.title || d.id), el("div", { class: "muted small" }, meta(d))))),
      pager(page.total, offset, PAGE, go));
    return;
  }
  const page = await api("/api/search", Object.assign({ q }, filters));
  show(el("h1", {}, "Search"), form,
    el("p", { class: "muted small" }, `${page.total} ${page.total === 1 ? "document matches" : "documents match"} `, el("strong", {}, q),
      " · ", el("a", { href: "#/disagreements?q=" + enc(q) }, "disagreements among them"),
      " · ", el("a", { href: "#/timeline?q=" + enc(q) }, "their timeline")),
    el("ul", { class: "hits" }, page.items.map((h) => el("li", { class: "hit" },
      el("a", { class: "title", href: docHref(h.id) }, h.title || h.id),
      el("div", { class: "muted small" }, meta(h)),
      el("div", { class: "snippet" }, h.snippet.map((p) => (p.match ? el("mark", {}, p.text) : p.text)))))),
    pager(page.total, offset, PAGE, go));
}

async function pageDoc(id, params) {
  const [{ document: d }, resolved] = await Promise.all([
    api("/api/documents/" + enc(id)),
    api("/api/entities", { doc: id, limit: 500 }).catch(() => ({ items: [] })),
  ]);
  const chars = Array.from(d.text || "");
  const marks = [];
  const entityAt = new Map();
  for (const e of resolved.items) for (const [s, t] of e.in_doc || []) entityAt.set(`${s}-${t}`, e);
  for (const e of d.entities || []) {
    const r = entityAt.get(`${e.start}-${e.end}`);
    marks.push({ start: e.start, end: e.end, cls: `ent ent-${e.type}`, title: `${e.type}${r ? ": " + r.name : ""}`, href: r ? entityHref(r.id) : null });
  }
  for (const t of d.timexes || []) marks.push({ start: t.start, end: t.end, cls: "tx", title: `${t.type} ${t.value || ""}` });
  for (const f of d.figures || []) marks.push({ start: f.start, end: f.end, cls: "fig", title: `${f.measure}: ${f.qualifier} ${figureValue(f.value)}` });
  for (const q of d.quotes || []) marks.push({ start: q.start, end: q.end, cls: "quote", title: `quote${q.speaker ? " — " + q.speaker.text : ""}` });
  const at = /^(\d+)-(\d+)$/.exec(params.get("at") || "");
  if (at) marks.push({ start: Number(at[1]), end: Number(at[2]), cls: "focus", title: "the span you followed" });

  // Cut the text at every boundary; each piece carries the classes of the marks covering it.
  const cuts = new Set([0, chars.length]);
  for (const m of marks) { cuts.add(Math.max(0, Math.min(m.start, chars.length))); cuts.add(Math.max(0, Math.min(m.end, chars.length))); }
  const points = [...cuts].sort((a, b) => a - b);
  const text = el("div", { class: "text" });
  let focus = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join("");
    const over = marks.filter((m) => m.start <= a && m.end >= b && m.start < m.end);
    if (!over.length) { text.appendChild(document.createTextNode(piece)); continue; }
    const link = over.find((m) => m.href);
    const node = el(link ? "a" : "span", { class: over.map((m) => m.cls).join(" "), title: over.map((m) => m.title).join("\n"), href: link ? link.href : null }, piece);
    if (!focus && over.some((m) => m.cls === "focus")) focus = node;
    text.appendChild(node);
  }
  const url = safeUrl(d.url);
  const legend = el("div", { class: "legend muted" },
    ["PER", "ORG", "LOC", "MISC"].map((k) => el("span", {}, el("span", { class: `sw sw-${k}` }), k)),
    el("span", {}, el("span", { class: "sw sw-tx" }), "time"),
    el("span", {}, el("span", { class: "sw sw-fig" }), "figure"),
    el("span", {}, el("em", {}, "quote")));
  const list = (title, items, render) => items.length ? [el("h2", {}, title), el("ul", {}, items.map((x) => el("li", {}, render(x))))] : [];
  const spanTo = (x, label) => el("a", { href: docHref(id, x.start, x.end) }, label || x.text);
  show(
    el("h1", {}, d.title || d.id),
    el("p", { class: "muted small" }, meta(d), d.authors && d.authors.length ? " · " + d.authors.join(", ") : "",
      url ? [" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original")] : "",
      " · id ", el("code", {}, d.id)),
    legend,
    el("div", { class: "docview" }, text,
      el("aside", {},
        list("Entities", resolved.items, (e) => [el("a", { href: entityHref(e.id) }, e.name), " ", el("span", { class: "type" }, e.type),
          el("span", { class: "muted small" }, ` ×${(e.in_doc || []).length}`)]),
        list("Time expressions", d.timexes || [], (t) => [spanTo(t), el("span", { class: "muted small" }, ` → ${t.value || t.type}`)]),
        list("Figures", d.figures || [], (f) => [spanTo(f), el("span", { class: "muted small" }, ` ${f.measure}: ${f.qualifier} ${figureValue(f.value)}`)]),
        list("Quotes", d.quotes || [], (q) => [el("strong", {}, q.speaker ? q.speaker.text : "unattributed"), ": ", spanTo(q, "“" + q.text.slice(0, 90) + (q.text.length > 90 ? "…" : "") + "”")]))));
  if (focus) focus.scrollIntoView({ block: "center" });
}

async function pageEntities(params) {
  const offset = Number(params.get("offset") || 0) || 0;
  const type = params.get("type") || "", name = params.get("name") || "";
  const page = await api("/api/entities", { type, name, limit: 50, offset });
  const form = el("form", { class: "search", on: { submit: (e) => {
      e.preventDefault();
      const fd = new URLSearchParams();
      for (const [k, v] of new FormData(e.target)) if (v) fd.set(k, v);
      location.hash = "#/entities?" + fd;
    } } },
    el("label", {}, "Name", el("input", { name: "name", value: name })),
    el("label", {}, "Type", el("select", { name: "type" }, ["", "PER", "ORG", "LOC", "MISC"].map((t) => el("option", { value: t, selected: t === type }, t || "any")))),
    el("button", { type: "submit" }, "Filter"));
  show(el("h1", {}, "Entities"), form,
    table(["Name", "Type", "Also written", "Mentions"], page.items.map((e) => el("tr", {},
      el("td", {}, el("a", { href: entityHref(e.id) }, e.name)), el("td", { class: "type" }, e.type),
      el("td", { class: "small" }, e.aliases.filter((a) => a !== e.name).join(", ")), el("td", { class: "num" }, e.mentions)))),
    pager(page.total, offset, 50, (o) => "#/entities?" + new URLSearchParams({ type, name, offset: o })));
}

function claimLine(c) {
  return [
    c.subject ? el("a", { href: entityHref(c.subject) }, c.subject_name || c.subject) : el("em", {}, "unnamed source"),
    " ", el("strong", {}, c.predicate.replace(/_/g, " ")), " ",
    c.object ? el("a", { href: c.object_kind === "event" ? eventHref(c.object) : entityHref(c.object) }, c.object_name || c.object) : "",
    c.hedged ? el("span", { class: "chip" }, "hedged") : "", c.contested ? el("span", { class: "chip" }, "contested") : "",
    " ", (c.evidence || []).map((s, i) => [" ", spanLink(s, `[${i + 1}]`)]),
  ];
}

function quoteBlock(q) {
  return el("blockquote", {}, "“", q.span.text, "” ", el("span", { class: "muted small" }, "— ", q.speaker_text || "unattributed", " ", spanLink(q.span, "(source)")));
}

function mentionsByDoc(mentions, docs) {
  const title = new Map((docs || []).map((d) => [d.id, d.title || d.id]));
  const by = new Map();
  for (const m of mentions) { if (!by.has(m.doc)) by.set(m.doc, []); by.get(m.doc).push(m); }
  return el("ul", {}, [...by].map(([doc, ms]) => el("li", {}, el("a", { href: docHref(doc) }, title.get(doc) || doc), ": ",
    ms.slice(0, 12).map((m, i) => [i ? ", " : "", spanLink(m)]), ms.length > 12 ? ` … (${ms.length})` : "")));
}

async function pageEntity(id) {
  const r = await api("/api/entities/" + enc(id));
  const e = r.entity;
  show(el("h1", {}, e.name, " ", el("span", { class: "type" }, e.type)),
    el("p", {}, e.aliases.map((a) => el("span", { class: "chip" }, a))),
    e.place ? el("p", { class: "muted small" }, `${e.place.country} · ${e.place.latitude.toFixed(2)}, ${e.place.longitude.toFixed(2)}`) : null,
    r.events.length ? [el("h2", {}, "Events"), el("ul", {}, r.events.map((ev) => el("li", {}, el("a", { href: eventHref(ev.id) }, `${ev.type} ${ev.date || ""}`), ev.place_name ? ` in ${ev.place_name}` : "")))] : null,
    r.quotes.length ? [el("h2", {}, `Quotes (${r.quotes.length})`), r.quotes.map(quoteBlock)] : null,
    r.claims.length ? [el("h2", {}, "Claims"), el("ul", {}, r.claims.map((c) => el("li", {}, claimLine(c))))] : null,
    el("h2", {}, `Mentions (${e.mentions.length})`), mentionsByDoc(e.mentions, r.documents));
}

async function pageEvents(params) {
  const offset = Number(params.get("offset") || 0) || 0;
  const page = await api("/api/events", { limit: 50, offset });
  show(el("h1", {}, "Events"),
    table(["Event", "Date", "Place", "Figures", "Mentions"], page.items.map((e) => el("tr", {},
      el("td", {}, el("a", { href: eventHref(e.id) }, e.type)), el("td", {}, e.date || "—"), el("td", {}, e.place_name || "—"),
      el("td", { class: "small" }, e.figures.map((g) => `${g.measure} ${g.low === g.high ? g.low : g.low + "–" + g.high}`).join("; ")),
      el("td", { class: "num" }, e.mentions)))),
    pager(page.total, offset, 50, (o) => "#/events?offset=" + o));
}

async function pageEvent(id) {
  const r = await api("/api/events/" + enc(id));
  const e = r.event;
  const docs = new Map(r.documents.map((d) => [d.id, d]));
  const source = (docId) => { const d = docs.get(docId); return el("a", { href: docHref(docId) }, d ? (d.outlet || d.title || docId) : docId); };
  show(
    el("h1", {}, `${e.type} ${e.date || ""}`.trim()),
    el("p", {}, e.place ? ["in ", el("a", { href: entityHref(e.place) }, e.place_name || e.place)] : "place unknown",
      e.perpetrator ? [" · by ", el("a", { href: entityHref(e.perpetrator) }, e.perpetrator_name || e.perpetrator)] : ""),
    el("h2", {}, "Figures by source"),
    e.figures.length ? e.figures.map((g) => [
      el("h3", {}, g.measure),
      el("table", { class: "figures" },
        el("thead", {}, el("tr", {}, ["Source", "Published", "Value", "Qualifier", "As written"].map((h) => el("th", {}, h)))),
        el("tbody", {}, g.reports.map((rep) => el("tr", {},
          el("td", {}, source(rep.doc)), el("td", {}, rep.published ? String(rep.published).slice(0, 10) : "—"),
          el("td", { class: "num" }, figureValue(rep.value)), el("td", {}, rep.qualifier.replace(/_/g, " ") + (rep.vague ? " (vague)" : "")),
          el("td", {}, spanLink(rep.span)))),
          el("tr", { class: "summary" }, el("td", {}, "All sources"), el("td", {}),
            el("td", { class: "num" }, g.low === g.high ? String(g.low) : `${g.low}–${g.high}`), el("td", {}, "conservative"),
            el("td", { class: "num" }, String(g.conservative)))))]) : el("p", { class: "muted" }, "No figures reported."),
    e.dates.length ? [el("h2", {}, "Dates by source"), table(["Source", "Date", "As written"], e.dates.map((sd) => el("tr", {},
      el("td", {}, source(sd.doc)), el("td", {}, sd.value), el("td", {}, spanLink(sd.span)))))] : null,
    r.discrepancies.length ? [el("h2", {}, "Disagreements"), r.discrepancies.map(discrepancyBlock)] : null,
    r.claims.length ? [el("h2", {}, "Claims"), el("ul", {}, r.claims.map((c) => el("li", {}, claimLine(c))))] : null,
    r.quotes.length ? [el("h2", {}, `Quotes in its sources (${r.quotes_total})`), r.quotes.map(quoteBlock),
      r.quotes_total > r.quotes.length ? el("p", { class: "muted small" }, `The first ${r.quotes.length} shown.`) : null] : null,
    el("h2", {}, `Mentions (${e.mentions.length})`), mentionsByDoc(e.mentions, r.documents));
}

function discrepancyBlock(x) {
  return el("div", { class: "disagree" },
    el("div", {}, el("span", { class: "chip" }, x.kind), " ", x.about, x.event ? [" · ", el("a", { href: eventHref(x.event) }, "the event")] : ""),
    table(["Source", "Published", "Says", "As written"], x.values.map((v) => el("tr", {},
      el("td", {}, el("a", { href: docHref(v.doc) }, v.outlet || v.doc)), el("td", {}, v.published ? String(v.published).slice(0, 10) : "—"),
      el("td", {}, v.value), el("td", {}, spanLink(v.span))))));
}

async function pageDisagreements(params) {
  const q = params.get("q") || "";
  const [disc, claims] = await Promise.all([api("/api/discrepancies", { q, limit: 500 }), api("/api/claims", { q, contested: "true", limit: 500 })]);
  show(el("h1", {}, "Where the sources disagree"), q ? el("p", { class: "muted" }, "Among the documents matching ", el("strong", {}, q)) : null,
    disc.items.length ? disc.items.map(discrepancyBlock) : el("p", { class: "muted" }, "No disagreements found."),
    claims.items.length ? [el("h2", {}, "Contested claims"), el("ul", {}, claims.items.map((c) => el("li", {}, claimLine(c))))] : null);
}

// A TIMEX3 date (2024, 2024-03, 2024-03-22, 2024-W12) as a time value for placing it.
function dateValue(s) {
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s))) return Date.UTC(+m[1], +m[2] - 1, +m[3]);
  if ((m = /^(\d{4})-W(\d{2})/.exec(s))) return Date.UTC(+m[1], 0, 1 + 7 * (+m[2] - 1));
  if ((m = /^(\d{4})-(\d{2})/.exec(s))) return Date.UTC(+m[1], +m[2] - 1, 15);
  if ((m = /^(\d{4})/.exec(s))) return Date.UTC(+m[1], 6, 1);
  return null;
}

async function pageTimeline(params) {
  const q = params.get("q") || "";
  const page = await api("/api/timeline", { q, limit: 500 });
  const items = page.items.map((t) => Object.assign({ at: dateValue(t.date) }, t)).filter((t) => t.at !== null);
  if (!items.length) return show(el("h1", {}, "Timeline"), el("p", { class: "muted" }, "No dated events."));
  const W = 1100, left = 40, right = 40, rowH = 22, rows = Math.min(12, items.length);
  const H = 80 + rows * rowH;
  // Each source's own date for the event too, where it differs: the picture shows the disagreement.
  const others = (t) => [...new Set((t.dates || []).map((d) => d.value))].filter((v) => v !== t.date && dateValue(v) !== null);
  const all = items.flatMap((t) => [t.at, ...others(t).map(dateValue)]);
  const DAY = 86400000;
  const lo = Math.min(...all), hi = Math.max(...all);
  const pad = Math.max((hi - lo) * 0.05, DAY);
  const t0 = lo - pad, span = hi - lo + 2 * pad;
  const x = (t) => left + ((t - t0) / span) * (W - left - right);
  const axisY = H - 40;
  const drawing = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Timeline of events" },
    svg("line", { class: "axis", x1: left, y1: axisY, x2: W - right, y2: axisY }));
  const labels = new Set();
  for (let i = 0; i <= 4; i++) {
    const t = t0 + (span * i) / 4;
    const label = new Date(t).toISOString().slice(0, 10);
    if (labels.has(label)) continue;
    labels.add(label);
    drawing.appendChild(svg("line", { x1: x(t), y1: axisY, x2: x(t), y2: axisY + 5, class: "axis" }));
    drawing.appendChild(svg("text", { class: "tick", x: x(t), y: axisY + 18, "text-anchor": "middle" }, label));
  }
  items.forEach((t, i) => {
    const row = i % rows, cx = x(t.at), cy = 24 + row * rowH;
    const label = `${t.type} ${t.date}${t.place_name ? " · " + t.place_name : ""}`;
    drawing.appendChild(svg("line", { x1: cx, y1: cy, x2: cx, y2: axisY, stroke: "#d8dee5" }));
    for (const v of others(t)) {
      const ox = x(dateValue(v));
      drawing.appendChild(svg("line", { x1: Math.min(cx, ox), y1: cy, x2: Math.max(cx, ox), y2: cy, stroke: "#e67e22", "stroke-dasharray": "3 3" }));
      drawing.appendChild(svg("circle", { class: "other", cx: ox, cy, r: 5 }, svg("title", {}, `a source dates it ${v}`)));
    }
    const anchor = cx > W * 0.7 ? "end" : "start";
    drawing.appendChild(svg("a", { href: eventHref(t.event) },
      svg("title", {}, label), svg("circle", { cx, cy, r: 6 }),
      svg("text", { x: cx + (anchor === "end" ? -10 : 10), y: others(t).length ? cy - 8 : cy + 4, "text-anchor": anchor }, label)));
  });
  show(el("h1", {}, "Timeline"), q ? el("p", { class: "muted" }, "Events in the documents matching ", el("strong", {}, q)) : null,
    el("div", { class: "timeline" }, drawing),
    el("p", { class: "muted small" }, "● the date the sources support · ○ another date a source gives (hover for it)"),
    table(["Date", "Event", "Place", "Mentions"], page.items.map((t) => el("tr", {},
      el("td", {}, t.date), el("td", {}, el("a", { href: eventHref(t.event) }, t.type)), el("td", {}, t.place_name || "—"), el("td", { class: "num" }, t.mentions)))));
}

// ---- routing -----------------------------------------------------------------------------------

const pages = {
  search: (a, p) => pageSearch(p),
  doc: (a, p) => pageDoc(a, p),
  entities: (a, p) => pageEntities(p),
  entity: (a) => pageEntity(a),
  events: (a, p) => pageEvents(p),
  event: (a) => pageEvent(a),
  timeline: (a, p) => pageTimeline(p),
  disagreements: (a, p) => pageDisagreements(p),
};
const navOf = { doc: "search", entity: "entities", event: "events" };

async function route() {
  const { name, arg, params } = parseHash();
  const page = pages[name];
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.nav === (navOf[name] || name));
  if (!page) return show(el("p", { class: "error" }, "No such page. "), el("a", { href: "#/" }, "Back to search"));
  try {
    await page(arg, params);
    document.title = "dossier · " + (main.querySelector("h1") ? main.querySelector("h1").textContent : name);
  } catch (err) {
    showError(err);
  }
}

window.addEventListener("hashchange", route);
route();
