#!/usr/bin/env node
// check_report.cjs: open a dcatit quality HTML report from a file in headless Chromium
// (Debian's, through puppeteer-core: no browser download) and check that it loads with no
// console error, makes no network request, and (--axe) that axe-core finds no serious or
// critical WCAG 2.1 A/AA violation. Prints one JSON object (what was seen, load timings) and
// exits 0 when every check passed, 1 otherwise, 2 when it cannot run (no browser, no
// node_modules: the caller decides whether that is a failure).
//
//   node check_report.cjs REPORT.html [--axe] [--screenshot OUT.png] [--full-page]
//
// CHROME names the browser (default /usr/bin/chromium). The flags keep Chromium off the
// network (tests/quality/README.md): no name resolves, no background requests.
'use strict';
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--screenshot');
const withAxe = args.includes('--axe');
const shotAt = args.indexOf('--screenshot');
const shot = shotAt >= 0 ? args[shotAt + 1] : null;
const fullPage = args.includes('--full-page');
const chrome = process.env.CHROME || '/usr/bin/chromium';

function cannot(msg) {
  console.log(JSON.stringify({ error: msg }));
  process.exit(2);
}

if (!file || !fs.existsSync(file)) cannot('no report file given or it does not exist: ' + file);
if (!fs.existsSync(chrome)) cannot(chrome + ' not found (apt-get install chromium)');
let puppeteer;
let axePath;
try {
  puppeteer = require('puppeteer-core');
  axePath = require.resolve('axe-core/axe.min.js');
} catch (e) {
  cannot('node_modules missing (run npm ci --prefix tests/quality/js)');
}

const LOCAL = /^(file|data|blob|about):/;

async function open(browser, url, bypassCsp, seen) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1024 });
  if (bypassCsp) await page.setBypassCSP(true);
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (LOCAL.test(r.url())) {
      r.continue();
    } else {
      seen.requests.push(r.url());
      r.abort();
    }
  });
  page.on('console', (m) => {
    if (m.type() === 'error') seen.console.push(m.text());
  });
  page.on('pageerror', (e) => seen.console.push('page error: ' + e.message));
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  seen.goto_ms = Date.now() - t0;
  return page;
}

(async () => {
  const seen = { file, console: [], requests: [], violations: {}, timing: {} };
  const flags = [
    '--disable-gpu',
    '--host-resolver-rules=MAP * ~NOTFOUND',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--no-first-run',
    '--no-default-browser-check',
  ];
  if (process.getuid && process.getuid() === 0) flags.push('--no-sandbox');
  const browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    pipe: true,
    args: flags,
  });
  let ok = true;
  try {
    const url = 'file://' + path.resolve(file);
    // first the page as it is, its Content-Security-Policy in force
    const page = await open(browser, url, false, seen);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return { dom_content_loaded_ms: n.domContentLoadedEventEnd, load_ms: n.loadEventEnd };
    });
    const metrics = await page.metrics();
    seen.timing = Object.assign(nav, { goto_ms: seen.goto_ms, nodes: metrics.Nodes });
    if (shot) await page.screenshot({ path: shot, fullPage });
    await page.close();
    if (withAxe) {
      // axe is injected as a script, which the page's policy forbids: this pass bypasses it
      const page2 = await open(browser, url, true, seen);
      await page2.addScriptTag({ path: axePath });
      const result = await page2.evaluate(() =>
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
      for (const v of result.violations) {
        const k = v.impact || 'unknown';
        (seen.violations[k] = seen.violations[k] || []).push({
          id: v.id, help: v.help, nodes: v.nodes.length,
          first: v.nodes[0] ? v.nodes[0].target.join(' ') : '',
        });
      }
      seen.axe_passes = result.passes.length;
      await page2.close();
    }
  } finally {
    await browser.close();
  }
  if (seen.console.length || seen.requests.length) ok = false;
  if ((seen.violations.serious || []).length || (seen.violations.critical || []).length) ok = false;
  seen.ok = ok;
  console.log(JSON.stringify(seen));
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(JSON.stringify({ error: String(e && e.stack ? e.stack : e) }));
  process.exit(1);
});
