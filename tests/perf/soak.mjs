// Soak load for soak.sh: for <minutes>, at steady rates, API reads (a mix of filters and single events), API writes
// (create, update with If-Match, soft-delete; by API key) and interactive circuits (headless Chromium tabs that open a
// page, wait for the circuit's first render and close a few seconds later). Then <idle-seconds> with no load.
//
//   node --experimental-websocket soak.mjs <base-url> <devtools-port> <api-key> <app-pid> <minutes> <idle-seconds>
//
// Prints a markdown table row per minute (requests, p95 latencies, errors, the server's RSS and the load average), then
// "SUMMARY" lines: p95 of the first and the last minutes, memory before, after warm-up, at the end and after idling,
// and the live managed heap after warm-up and after idling. RSS alone cannot tell a leak from memory the runtime keeps
// (mapped code, the GC's reserve, SQLite's page caches), so the heap is weighed with dotnet-gcdump (a local tool), which
// forces a full collection first: what it reports is what is still referenced.
// Rates (environment): SOAK_READS_PER_SECOND (default 10), SOAK_WRITES_PER_SECOND (default 1), SOAK_TABS (tabs open at
// once, default 3), SOAK_TAB_SECONDS (how long each tab stays open, default 15).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { closeTab, openTab, sleep } from './cdp.mjs';

const run = promisify(execFile);

const [base, cdpPort, apiKey, appPid, minutesText, idleText] = process.argv.slice(2);
const devtools = `http://127.0.0.1:${cdpPort}`;
const minutes = Number(minutesText);
const idleSeconds = Number(idleText);
const readsPerSecond = Number(process.env.SOAK_READS_PER_SECOND ?? 10);
const writesPerSecond = Number(process.env.SOAK_WRITES_PER_SECOND ?? 1);
const tabsOpen = Number(process.env.SOAK_TABS ?? 3);
const tabSeconds = Number(process.env.SOAK_TAB_SECONDS ?? 15);

// A field of the server's /proc/<pid>/status, in KiB: VmRSS in all, RssAnon (heaps), RssFile (mapped files such as the
// assemblies), RssShmem (shared memory: the runtime's double-mapped executable memory).
const statusKiB = field => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${appPid}/status`, 'utf8'))[1]);
const rssMiB = () => statusKiB('VmRSS') / 1024;
// Live managed heap in MiB after a full, blocking collection (dotnet-gcdump forces one before it walks the heap), or
// "n/a" with the reason on stderr. Asynchronous, so the load keeps its rates while the dump is written.
const managedHeapMiB = async () => {
  const folder = mkdtempSync(join(tmpdir(), 'soak-gcdump-'));
  const dump = join(folder, 'heap.gcdump');
  try {
    await run('dotnet', ['gcdump', 'collect', '-p', appPid, '-o', dump], { timeout: 120000 });
    const { stdout } = await run('dotnet', ['gcdump', 'report', dump], { timeout: 120000, maxBuffer: 256 * 1024 * 1024 });
    const bytes = /([\d,]+)\s+GC Heap bytes/.exec(stdout);
    if (bytes) return (Number(bytes[1].replaceAll(',', '')) / 1048576).toFixed(1);
    console.error('dotnet gcdump report printed no heap size');
  } catch (error) {
    console.error(`dotnet gcdump failed: ${error.message}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return 'n/a';
};
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

// Every request, circuit and failure, with the minute it started in.
const samples = { read: [], write: [], circuit: [] };
const errors = [];
const start = Date.now();
const minuteOf = t => Math.floor((t - start) / 60000);
const record = (kind, startedAt, ok, what) => {
  const ms = Date.now() - startedAt;
  samples[kind].push({ minute: minuteOf(startedAt), ms });
  if (!ok) {
    errors.push({ minute: minuteOf(startedAt), what: `${kind}: ${what}` });
  }
};

const p95 = values => {
  if (values.length === 0) return 'n/a';
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.95) - 1].toFixed(0);
};

// Runs action() every 1/rate seconds until the load ends, on a fixed schedule (a slow answer does not slow the rate);
// at most `concurrency` actions at once, a tick beyond that counts as an error ("overloaded").
async function steady(kind, rate, concurrency, action, end) {
  let inFlight = 0;
  for (let tick = 0; ; tick++) {
    const due = start + (tick * 1000) / rate;
    if (due >= end) break;
    await sleep(Math.max(0, due - Date.now()));
    if (inFlight >= concurrency) {
      errors.push({ minute: minuteOf(due), what: `${kind}: overloaded (${inFlight} in flight)` });
      continue;
    }
    inFlight++;
    action(tick).finally(() => inFlight--);
  }
  while (inFlight > 0) await sleep(50);
}

async function timed(kind, path, options, expected) {
  const startedAt = Date.now();
  try {
    const response = await fetch(`${base}${path}`, { ...options, signal: AbortSignal.timeout(30000) });
    const body = await response.text();
    record(kind, startedAt, response.status === expected, `${options.method ?? 'GET'} ${path} answered ${response.status}`);
    return response.status === expected && body ? JSON.parse(body) : null;
  } catch (error) {
    record(kind, startedAt, false, `${options.method ?? 'GET'} ${path} failed: ${error.message}`);
    return null;
  }
}

// --- the workload ------------------------------------------------------------------------------------------------------
const people = await (await fetch(`${base}/api/participants`)).json();
const personId = slug => people.find(p => p.slug === slug).id;
const [xi, putin] = [personId('xi-jinping'), personId('vladimir-putin')];
const seededIds = (await (await fetch(`${base}/api/events?pageSize=200`)).json()).items.map(e => e.id);

const readPaths = [
  '/api/events',
  '/api/events?year=2019',
  '/api/events?venue=Beijing',
  '/api/events?participant=xi-jinping',
  '/api/events?xiputin=true',
  '/api/events?topic=ukraine',
  '/api/events?q=energy',
  '/api/events?yearFrom=2013&yearTo=2024&venue=Moscow&q=cooperation',
  '/api/events?page=2&pageSize=20',
  '/api/participants',
];
const read = tick => {
  const path = tick % 3 === 0
    ? `/api/events/${seededIds[tick % seededIds.length]}`
    : readPaths[tick % readPaths.length];
  return timed('read', path, {}, 200);
};

// The soak's own events: created, then updated with the version they were saved at, the oldest soft-deleted.
const own = [];
const draft = (n, revision) => ({
  title: `Soak test meeting ${n}${revision ? ` (revision ${revision})` : ''}`,
  type: 'OfficialVisit',
  startDate: `2041-${String(1 + (n % 12)).padStart(2, '0')}-01`,
  ignoreDuplicates: true,
  summary: 'Written by the soak benchmark. '.repeat(1 + (n % 20)),
  participants: [{ key: 'xi', personId: xi, role: 'President' }, { key: 'putin', personId: putin, role: 'President' }],
  legs: [{ city: n % 2 ? 'Moscow' : 'Beijing', country: n % 2 ? 'Russia' : 'China', attendeeKeys: ['xi', 'putin'] }],
  sources: [{ key: 's', title: `Soak source ${n}`, text: `Source text ${n}. `.repeat(50) }],
  statements: [{ speakerKey: 'xi', text: `Statement ${n} on energy and cooperation.`, sourceKey: 's' }],
});
const headers = { 'Content-Type': 'application/json', 'X-Api-Key': apiKey };
const write = async tick => {
  if (tick % 4 === 2 && own.length > 0) {
    const event = own[tick % own.length];
    const saved = await timed('write', `/api/events/${event.id}`,
      { method: 'PUT', headers: { ...headers, 'If-Match': `"${event.version}"` }, body: JSON.stringify(draft(event.n, tick)) }, 200);
    if (saved) event.version = saved.version;
  } else if (tick % 4 === 3 && own.length > 20) {
    const event = own.shift();
    await timed('write', `/api/events/${event.id}`, { method: 'DELETE', headers: { 'X-Api-Key': apiKey } }, 204);
  } else {
    const saved = await timed('write', '/api/events', { method: 'POST', headers, body: JSON.stringify(draft(tick)) }, 201);
    if (saved) own.push({ id: saved.id, version: saved.version, n: tick });
  }
};

// Tabs: one opens every tabSeconds / tabsOpen seconds and closes tabSeconds later, over a few kinds of page.
const pages = ['/', '/?year=2019&venue=Beijing', `/events/${seededIds[0]}`, '/participants', `/events/${seededIds[5]}`];
const openTabs = [];
async function circuit(tick) {
  const startedAt = Date.now();
  try {
    const { target, times } = await openTab(devtools, `${base}${pages[tick % pages.length]}`);
    record('circuit', startedAt, !times.failure, times.failure ?? '');
    openTabs.push({ target, closeAt: Date.now() + tabSeconds * 1000 });
  } catch (error) {
    record('circuit', startedAt, false, error.message);
  }
}
async function closeDueTabs(force = false) {
  while (openTabs.length > 0 && (force || openTabs[0].closeAt <= Date.now())) {
    await closeTab(devtools, openTabs.shift().target).catch(() => {});
  }
}

// --- run, sampling memory every minute -----------------------------------------------------------------------------------
const rssBefore = rssMiB();
const end = start + minutes * 60000;
const memory = [];
let warmHeap = 'n/a';
const sampler = (async () => {
  for (let minute = 1; minute <= minutes; minute++) {
    await sleep(start + minute * 60000 - Date.now());
    memory.push({ rss: rssMiB(), load: loadAverage() });
    if (minute === 1) warmHeap = await managedHeapMiB();
  }
})();
const closer = (async () => { while (Date.now() < end) { await closeDueTabs(); await sleep(500); } })();
await Promise.all([
  steady('read', readsPerSecond, 32, read, end),
  steady('write', writesPerSecond, 4, write, end),
  steady('circuit', tabsOpen / tabSeconds, 2, circuit, end),
  sampler,
  closer,
]);
await closeDueTabs(true);

for (let minute = 0; minute < minutes; minute++) {
  const of = kind => samples[kind].filter(s => s.minute === minute).map(s => s.ms);
  const failed = errors.filter(e => e.minute === minute).length;
  console.log(`| ${minute + 1} | ${of('read').length} | ${p95(of('read'))} | ${of('write').length} | ${p95(of('write'))} | ${of('circuit').length} | ${p95(of('circuit'))} | ${failed} | ${memory[minute]?.rss.toFixed(0) ?? 'n/a'} | ${memory[minute]?.load ?? 'n/a'} |`);
}

// Start and end: the first and the last few minutes (a fifth of the run, at least one minute).
const window = Math.max(1, Math.round(minutes / 5));
const during = (kind, from, to) => samples[kind].filter(s => s.minute >= from && s.minute < to).map(s => s.ms);
for (const kind of ['read', 'write', 'circuit']) {
  console.log(`SUMMARY p95 ${kind} ${p95(during(kind, 0, window))} ${p95(during(kind, minutes - window, minutes))} ${samples[kind].length}`);
}
console.log(`SUMMARY window ${window}`);
console.log(`SUMMARY errors ${errors.length}`);
for (const error of errors.slice(0, 10)) console.log(`ERROR minute ${error.minute + 1}: ${error.what}`);

await sleep(idleSeconds * 1000);
console.log(`SUMMARY memory ${rssBefore.toFixed(0)} ${memory[0]?.rss.toFixed(0)} ${memory.at(-1)?.rss.toFixed(0)} ${rssMiB().toFixed(0)}`);
const idleHeap = await managedHeapMiB();
const mib = field => (statusKiB(field) / 1024).toFixed(0);
console.log(`SUMMARY heap ${warmHeap} ${idleHeap} ${mib('VmRSS')} ${mib('RssAnon')} ${mib('RssFile')} ${mib('RssShmem')}`);
