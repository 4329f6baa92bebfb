// End-to-end test of dossier's web interface in a real browser (Debian's Chromium, driven by
// playwright-core). Started by run.sh with the URL of a server over the demo corpus; it searches,
// opens a document, an entity, an event (checking the figure table per source), the timeline and
// the disagreements page, checks that hostile article text stays text, and takes screenshots
// into e2e/screenshots/. Prints "N passed, N failed" and exits non-zero on any failure.

import { chromium } from "playwright-core";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const base = process.argv[2];
if (!base) {
  console.error("usage: node test.mjs http://127.0.0.1:PORT");
  process.exit(2);
}
const shots = join(dirname(fileURLToPath(import.meta.url)), "screenshots");
mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "dossier-e2e-chromium-"));

let passed = 0, failed = 0;
async function check(name, f) {
  try {
    await f();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message.split("\n")[0]}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

// A fresh profile each run: playwright passes it to Chromium as --user-data-dir.
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"],
  viewport: { width: 1280, height: 900 },
});
const page = browser.pages()[0] || await browser.newPage();
const problems = [];
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
page.setDefaultTimeout(15000);

try {
  // A hostile document, added over the API, to prove article text is never markup.
  const hostile = {
    id: "hostile-1", outlet: "Trap Gazette", published: "2025-03-11",
    title: "<img src=x onerror=\"window.__pwned=1\"> Ferry <b>bold</b>",
    text: "Officials in Dravosk said <script>window.__pwned=2</script> nothing. <img src=x onerror=\"window.__pwned=3\"> The ferry sank.",
  };
  const added = await fetch(`${base}/api/documents`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(hostile) });
  assert(added.status === 201, `adding the hostile document answered ${added.status}`);

  await check("home page lists the documents", async () => {
    await page.goto(base + "/");
    await page.waitForSelector(".hits li");
    const n = await page.locator(".hits li").count();
    assert(n === 5, `expected 5 documents, saw ${n}`);
    await page.screenshot({ path: join(shots, "home.png"), fullPage: true });
  });

  await check("search shows highlighted snippets", async () => {
    await page.fill("input[name=q]", "ferry");
    await page.click("form.search button");
    await page.waitForSelector(".hit mark");
    const hits = await page.locator(".hit").count();
    assert(hits >= 3, `expected at least 3 hits, saw ${hits}`);
    const marks = await page.locator(".hit mark").allTextContents();
    assert(marks.some((m) => m.toLowerCase() === "ferry"), `no highlighted "ferry": ${marks}`);
    assert(page.url().includes("#/search?q=ferry"), `the URL keeps the search: ${page.url()}`);
    await page.screenshot({ path: join(shots, "search.png"), fullPage: true });
  });

  await check("a document shows its text with entities, times, figures and quotes highlighted", async () => {
    await page.goto(base + "/#/doc/meridian-0310");
    await page.waitForSelector(".text");
    for (const [sel, what] of [[".text .ent", "entities"], [".text .tx", "time expressions"], [".text .fig", "figures"]]) {
      const n = await page.locator(sel).count();
      assert(n > 0, `no ${what} highlighted`);
    }
    const text = await page.locator(".text").textContent();
    assert(text.includes("Nearly 40 people died"), "the article text is missing");
    assert(await page.locator("aside a[href^='#/entity/']").count() > 0, "no links to entity pages");
    await page.screenshot({ path: join(shots, "document.png"), fullPage: true });
  });

  await check("hostile article text stays text", async () => {
    await page.goto(base + "/#/doc/hostile-1");
    await page.waitForSelector(".text");
    const text = await page.locator(".text").textContent();
    assert(text.includes("<script>window.__pwned=2</script>"), "the script tag was not shown as text");
    const title = await page.locator("h1").textContent();
    assert(title.includes("<img src=x"), `the title was not shown as text: ${title}`);
    assert(await page.locator("main img, main script, main b").count() === 0, "markup from the article reached the page");
    await page.goto(base + "/#/search?q=script");
    await page.waitForSelector(".hit");
    assert(await page.evaluate(() => window.__pwned) === undefined, "article text ran as code");
  });

  await check("an entity page shows aliases and mentions linking to their spans", async () => {
    await page.goto(base + "/#/entities");
    await page.waitForSelector("table a");
    await page.locator("table a").first().click();
    await page.waitForSelector("h2");
    const heads = await page.locator("h2").allTextContents();
    assert(heads.some((h) => h.startsWith("Mentions")), `no mentions section: ${heads}`);
    const link = page.locator("main a[href*='?at=']").first();
    await link.click();
    await page.waitForSelector(".text .focus");
    await page.screenshot({ path: join(shots, "entity-span.png") });
  });

  await check("an event page has a figure table with every source's value", async () => {
    await page.goto(base + "/#/events");
    await page.waitForSelector("table a");
    await page.locator("table a").first().click();
    await page.waitForSelector("table.figures");
    const rows = await page.locator("table.figures tbody tr:not(.summary)").count();
    assert(rows >= 3, `expected reports from several sources, saw ${rows}`);
    const cells = await page.locator("table.figures tbody tr:not(.summary) td:nth-child(3)").allTextContents();
    assert(cells.every((c) => /^\d+(–\d+)?$/.test(c.trim())), `figure values: ${cells}`);
    const sources = new Set(await page.locator("table.figures tbody tr:not(.summary) td:first-child").allTextContents());
    assert(sources.size >= 2, `the table shows only ${[...sources]}`);
    assert(await page.locator("tr.summary").count() > 0, "no range / conservative row");
    await page.screenshot({ path: join(shots, "event.png"), fullPage: true });
  });

  await check("the timeline is drawn as SVG with links to events", async () => {
    await page.goto(base + "/#/timeline");
    await page.waitForSelector(".timeline svg circle");
    const n = await page.locator(".timeline svg a").count();
    assert(n >= 1, "no events on the timeline");
    await page.screenshot({ path: join(shots, "timeline.png"), fullPage: true });
  });

  await check("the disagreements page lists each source's value", async () => {
    await page.goto(base + "/#/disagreements");
    await page.waitForSelector("h1");
    const n = await page.locator(".disagree").count();
    assert(n >= 1, "no disagreements shown (the demo sources disagree on the toll)");
    const rows = await page.locator(".disagree tbody tr").count();
    assert(rows >= 2, "a disagreement needs at least two sources");
    await page.screenshot({ path: join(shots, "disagreements.png"), fullPage: true });
  });

  await check("no script errors or blocked content on any page", async () => {
    assert(problems.length === 0, problems.join("; "));
  });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}

console.log(`e2e: ${passed} passed, ${failed} failed`);
console.log(`screenshots in ${shots}`);
process.exit(failed ? 1 : 0);
