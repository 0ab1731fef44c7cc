// Drives headless Chromium over the DevTools protocol (Node's built-in WebSocket; no npm packages) to measure a
// Blazor Server page. "Interactive" is when the circuit's first render batch arrives over the /_blazor WebSocket:
// the server has started the circuit and rendered the interactive components; the browser applies the batch at once.
//
//   node --experimental-websocket interactive.mjs tti <devtools-port> <url> <runs>
//       one line per run: "TTI cold|warm <DOMContentLoaded ms> <interactive ms>" (from the document request),
//       or "TTI failed <reason>"; the first run has the browser cache disabled.
//   node --experimental-websocket interactive.mjs weight <devtools-port> <url>
//       one cold load (cache disabled, "Accept-Encoding: br, gzip" as browsers send over HTTPS) until interactive; one
//       tab-separated line per HTTP resource: "RESOURCE <bytes on the wire> <status> <content-encoding> <cache-control>
//       <url>", then
//       "SOCKET <bytes received over /_blazor until interactive>" and "TOTAL <bytes>".
//   node --experimental-websocket interactive.mjs circuits <devtools-port> <url> <count> <hold-seconds>
//       opens <count> tabs one after the other, each waiting for its circuit, prints "CIRCUITS <interactive> <count>",
//       keeps the tabs (and their circuits) open for <hold-seconds>, then closes them.
import { closeTab as close, openTab as open, sleep } from './cdp.mjs';

const [mode, port, url, countText, holdText] = process.argv.slice(2);
const devtools = `http://127.0.0.1:${port}`;

const openTab = (cacheDisabled, weigh = false) => open(devtools, url, { cacheDisabled, weigh });
const closeTab = target => close(devtools, target);

const ms = (times, t) => ((t - times.start) * 1000).toFixed(1);

if (mode === 'tti') {
  const runs = Number(countText ?? 5);
  for (let run = 0; run < runs; run++) {
    const { target, times } = await openTab(run === 0);
    console.log(times.failure
      ? `TTI failed ${times.failure}`
      : `TTI ${run === 0 ? 'cold' : 'warm'} ${times.dcl !== null ? ms(times, times.dcl) : 'NaN'} ${ms(times, times.interactive)}`);
    await closeTab(target);
    await sleep(200);
  }
} else if (mode === 'weight') {
  const { target, times, resources, socketBytes } = await openTab(true, true);
  if (times.failure) {
    console.log(`WEIGHT failed ${times.failure}`);
  }

  let total = socketBytes;
  for (const r of resources.sort((a, b) => b.bytes - a.bytes)) {
    total += r.bytes;
    console.log(['RESOURCE', r.bytes, r.status, r.encoding, r.cache, r.url].join('\t'));
  }

  console.log(`SOCKET ${socketBytes}`);
  console.log(`TOTAL ${total}`);
  await closeTab(target);
} else if (mode === 'circuits') {
  const count = Number(countText ?? 20);
  const tabs = [];
  let interactive = 0;
  let failure = '';
  for (let i = 0; i < count; i++) {
    const tab = await openTab(false);
    tabs.push(tab.target);
    if (tab.times.failure) { failure = tab.times.failure; } else { interactive++; }
  }
  console.log(`CIRCUITS ${interactive} ${count}${failure ? ` (last failure: ${failure})` : ''}`);
  await sleep(Number(holdText ?? 15) * 1000);
  for (const target of tabs) { await closeTab(target); }
} else {
  console.error('usage: interactive.mjs tti|weight|circuits <devtools-port> <url> [count] [hold-seconds]');
  process.exit(2);
}
