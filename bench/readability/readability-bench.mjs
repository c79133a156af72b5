// Throughput of Mozilla Readability on jsdom over a folder of saved pages: the baseline that
// NewsFeedWorker's extraction benchmark is compared against (bench/extract-compare.sh).
// Single-threaded, after warm-up, timed with a monotonic clock; prints one JSON object.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const { values } = parseArgs({
  options: {
    pages: { type: 'string' },
    pattern: { type: 'string', default: '*.html' },
    'warmup-seconds': { type: 'string', default: '3' },
    'min-seconds': { type: 'string', default: '10' },
    smoke: { type: 'boolean', default: false },
    'max-pages': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

if (!values.pages) {
  console.error('usage: node readability-bench.mjs --pages DIR [--pattern "*.html"] [--warmup-seconds 3] [--min-seconds 10] [--max-pages N] [--smoke] [--json]');
  process.exit(2);
}

// The file-name pattern knows only '*' (as the .NET harness's --pattern does).
const namePattern = new RegExp(`^${values.pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

function findPages(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findPages(path));
    else if (namePattern.test(name)) found.push(path);
  }
  return found;
}

const root = resolve(values.pages);
// Sorted by full path in UTF-16 code-unit order, as the .NET harness does, so --max-pages picks the same pages.
let files = findPages(root).sort();
if (values['max-pages']) files = files.slice(0, Number(values['max-pages']));
if (files.length === 0) {
  console.error(`no ${values.pattern} files under ${root}`);
  process.exit(1);
}

// Pages are read as UTF-8 text up front so that disk reads are not timed (as on the .NET side).
const pages = files.map((path) => ({ path, html: readFileSync(path, 'utf8'), bytes: statSync(path).size }));
// A silent console: jsdom reports CSS it cannot parse, which would otherwise be timed as logging.
const virtualConsole = new VirtualConsole();
const url = 'https://example.org/article.html';

// jsdom frees a closed window only on a later turn of the event loop: a loop that never yields grows to gigabytes
// and then times the garbage collector thrashing, not jsdom. So every page ends with one turn (setImmediate).
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

async function parseOnly(page) {
  const dom = new JSDOM(page.html, { url, virtualConsole });
  dom.window.close();
  await nextTurn();
}

async function extract(page) {
  const dom = new JSDOM(page.html, { url, virtualConsole });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  await nextTurn();
  return article !== null && article.textContent.trim().length > 0;
}

// Pages either step throws on are reported and left out of both timings.
const failed = [];
const usable = [];
let articlesFound = 0;
for (const page of pages) {
  try {
    await parseOnly(page);
    if (await extract(page)) articlesFound++;
    usable.push(page);
  } catch (error) {
    failed.push({ path: page.path, error: String(error?.message ?? error) });
  }
}
if (usable.length === 0) {
  console.error('every page failed');
  process.exit(1);
}

async function timeRound(step) {
  const start = process.hrtime.bigint();
  for (const page of usable) await step(page);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

// Smoke: no warm-up, two rounds; proves the harness works, the numbers are not for quoting.
const warmupSeconds = values.smoke ? 0 : Number(values['warmup-seconds']);
const minSeconds = values.smoke ? 0 : Number(values['min-seconds']);
const minRounds = values.smoke ? 2 : 3;
for (let spent = 0; spent < warmupSeconds;) {
  spent += await timeRound(parseOnly);
  spent += await timeRound(extract);
}

// Rounds alternate parse and extract so that machine noise falls on both alike.
let parseSeconds = 0;
let extractSeconds = 0;
let rounds = 0;
while (rounds < minRounds || parseSeconds + extractSeconds < minSeconds) {
  parseSeconds += await timeRound(parseOnly);
  extractSeconds += await timeRound(extract);
  rounds++;
}

const require = createRequire(import.meta.url);
const measured = usable.length * rounds;
const result = {
  tool: 'readability+jsdom',
  readabilityVersion: require('@mozilla/readability/package.json').version,
  jsdomVersion: require('jsdom/package.json').version,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  node: process.version,
  pages: usable.length,
  failedPages: failed.length,
  failures: failed,
  meanPageBytes: Math.round(usable.reduce((sum, p) => sum + p.bytes, 0) / usable.length),
  articlesFound,
  rounds,
  smoke: values.smoke,
  jsdomParsePagesPerSec: measured / parseSeconds,
  extractPagesPerSec: measured / extractSeconds,
};

if (values.json) {
  console.log(JSON.stringify(result));
} else {
  console.log(`${result.tool}: ${result.pages} pages, ${rounds} rounds`);
  console.log(`  jsdom parse:            ${result.jsdomParsePagesPerSec.toFixed(1)} pages/s`);
  console.log(`  jsdom + Readability:    ${result.extractPagesPerSec.toFixed(1)} pages/s`);
  if (failed.length > 0) console.log(`  failed pages: ${failed.length}`);
}
