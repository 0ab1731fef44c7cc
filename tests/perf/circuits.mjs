// Live circuits on the timeline: holds N interactive Blazor circuits at once with the lightweight circuit client
// (blazor-circuit.mjs; no browser), each changing a filter every CIRCUIT_INTERVAL_SECONDS, and reports the round trip
// of a filter change and the server's memory per circuit, at each size in turn (circuits are added, not reopened).
//
//   node --experimental-websocket circuits.mjs <base-url> <app-pid> <sizes, e.g. 100,500,1000> [active-seconds]
//
// Memory is weighed after a full, blocking collection (see weigh()): the live managed heap and the process's RSS, before any circuit, with N idle circuits, and after the N have been
// changing filters for active-seconds (each then holds a page other than the one it started with); per circuit is the
// growth over the baseline divided by N. A filter change is OnLocationChanged to the next of a few timeline filters
// (what the filter panel's choices do); its round trip is from sending it to the render batch that shows the result.
// Prints one markdown table row per size ("ROW | ..."), "ERROR ..." lines (the first few of each size) and "BASELINE".
// Knobs (environment): CIRCUIT_INTERVAL_SECONDS (default 10), CIRCUIT_OPEN_CONCURRENCY (default 8).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Circuit } from './blazor-circuit.mjs';

const run = promisify(execFile);
// dotnet-gcdump is a local tool of the repository: run it from there.
const repository = new URL('../..', import.meta.url).pathname;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

const [base, appPid, sizesText, activeText] = process.argv.slice(2);
if (!base || !appPid || !sizesText) {
  console.error('usage: circuits.mjs <base-url> <app-pid> <sizes, e.g. 100,500,1000> [active-seconds]');
  process.exit(2);
}
const sizes = sizesText.split(/[ ,]+/).filter(Boolean).map(Number).sort((a, b) => a - b);
const activeSeconds = Number(activeText ?? 60);
const intervalMs = Number(process.env.CIRCUIT_INTERVAL_SECONDS ?? 10) * 1000;
const openConcurrency = Number(process.env.CIRCUIT_OPEN_CONCURRENCY ?? 8);
// The benchmark's timeline filters; each circuit walks through them from its own starting point.
const paths = ['/?venue=Beijing', '/?xiputin=true', '/?year=2024', '/?participant=xi-jinping', '/?topic=ukraine', '/?type=StateVisit', '/'];

const statusKiB = field => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${appPid}/status`, 'utf8'))[1]);
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

// The live managed heap and the RSS in KiB after a full, blocking collection: from the app's benchmark-only endpoint
// (Benchmark__MemoryEndpoint=true, a collection of a second or two), else from dotnet-gcdump (a local tool), which walks
// the heap with the app suspended: at 1,000 circuits for longer than SignalR's client timeout, so circuits drop.
async function weigh() {
  try {
    const response = await fetch(`${base}/_benchmark/memory`, { method: 'POST', signal: AbortSignal.timeout(120000) });
    if (response.ok) {
      const { heapBytes, rssBytes } = await response.json();
      return { heap: heapBytes / 1024, rss: rssBytes / 1024 };
    }
  } catch (error) {
    console.log(`ERROR memory endpoint: ${error.message}`);
  }

  const folder = mkdtempSync(join(tmpdir(), 'circuits-gcdump-'));
  const dump = join(folder, 'heap.gcdump');
  try {
    await run('dotnet', ['gcdump', 'collect', '-p', appPid, '-o', dump], { timeout: 300000, cwd: repository });
    const rss = statusKiB('VmRSS');
    const { stdout } = await run('dotnet', ['gcdump', 'report', dump], { timeout: 300000, maxBuffer: 512 * 1024 * 1024, cwd: repository });
    const bytes = /([\d,]+)\s+GC Heap bytes/.exec(stdout);
    return { heap: bytes ? Number(bytes[1].replaceAll(',', '')) / 1024 : NaN, rss };
  } catch (error) {
    console.log(`ERROR dotnet gcdump failed: ${error.message.split('\n')[0]}`);
    return { heap: NaN, rss: statusKiB('VmRSS') };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const percentile = (sorted, p) => sorted.length === 0 ? NaN : sorted[Math.ceil(sorted.length * p) - 1];
const fixed = (n, digits = 0) => Number.isFinite(n) ? n.toFixed(digits) : 'n/a';

let errorsShown = 0;
function reportError(errors, what) {
  errors.push(what);
  if (errorsShown++ < 5) console.log(`ERROR ${what}`);
}

const open = [];
async function openCircuits(count, errors) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const circuit = new Circuit(base);
      try {
        await circuit.start('/');
        // Never first to the page it is on ("/", the last path): that changes nothing and renders nothing.
        circuit.step = open.length % (paths.length - 1);
        open.push(circuit);
      } catch (error) {
        reportError(errors, `opening a circuit: ${error.message}`);
        await circuit.close();
      }
    }
  };
  await Promise.all(Array.from({ length: openConcurrency }, worker));
}

// Every open circuit changes its filter every interval, the circuits spread evenly over it, for `seconds`.
async function changeFilters(seconds, errors) {
  const roundTrips = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(open.map(async (circuit, i) => {
    await sleep((i / open.length) * intervalMs);
    while (performance.now() < end) {
      const due = performance.now() + intervalMs;
      if (circuit.error) { reportError(errors, `circuit lost: ${circuit.error}`); return; }
      const path = paths[circuit.step++ % paths.length];
      try {
        roundTrips.push(await circuit.navigate(path, { timeoutMs: intervalMs }));
      } catch (error) {
        reportError(errors, `filter change to ${path}: ${error.message}`);
      }
      await sleep(Math.max(0, due - performance.now()));
    }
  }));
  return roundTrips.sort((a, b) => a - b);
}

// Warm-up: JIT, SQLite's page cache and the app's read cache for every filter, with one circuit.
{
  const warm = new Circuit(base);
  await warm.start('/');
  for (const path of paths) await warm.navigate(path, { timeoutMs: 60000 });
  await warm.close();
  await sleep(2000);
}

const baseline = await weigh();
console.log(`BASELINE heap ${fixed(baseline.heap / 1024, 1)} MiB, RSS ${fixed(baseline.rss / 1024, 1)} MiB (load ${loadAverage()})`);

for (const size of sizes) {
  const errors = [];
  errorsShown = 0;
  const started = performance.now();
  await openCircuits(size - open.length, errors);
  const openSeconds = (performance.now() - started) / 1000;
  const load = loadAverage();
  await sleep(3000);
  const idle = await weigh();
  const roundTrips = await changeFilters(activeSeconds, errors);
  const active = await weigh();
  const live = open.filter(c => !c.error).length;
  const per = (after, field) => fixed((after[field] - baseline[field]) / open.length);
  console.log(`ROW | ${size} | ${live} | ${fixed(openSeconds, 0)} s | ${per(idle, 'heap')} | ${per(idle, 'rss')} | ${per(active, 'heap')} | ${per(active, 'rss')} | `
    + `${roundTrips.length} | ${fixed(percentile(roundTrips, 0.5), 1)} | ${fixed(percentile(roundTrips, 0.95), 1)} | ${fixed(roundTrips.at(-1), 1)} | ${errors.length} | ${load} |`);
  // A lost circuit is counted once; the next size opens a new one in its place.
  for (const lost of open.filter(c => c.error)) { open.splice(open.indexOf(lost), 1); await lost.close(); }
}

await Promise.all(open.map(c => c.close()));
