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
const [mode, port, url, countText, holdText] = process.argv.slice(2);
const devtools = `http://127.0.0.1:${port}`;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

function connect(socketUrl, onEvent) {
  const socket = new WebSocket(socketUrl);
  let next = 1;
  const pending = new Map();
  socket.onmessage = event => {
    const message = JSON.parse(event.data);
    if (message.id && pending.has(message.id)) {
      pending.get(message.id)(message);
      pending.delete(message.id);
    } else if (message.method) {
      onEvent(message);
    }
  };
  const opened = new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
  const send = (method, params = {}) => new Promise(resolve => {
    const id = next++;
    pending.set(id, resolve);
    socket.send(JSON.stringify({ id, method, params }));
  });
  return { opened, send, close: () => socket.close() };
}

// Opens a tab on the URL and resolves once its circuit has rendered (or failed, or 30 s passed).
// With "weigh", records every HTTP response (bytes on the wire, encoding, caching) and the WebSocket bytes received.
async function openTab(cacheDisabled, weigh = false) {
  const resources = new Map();
  let socketBytes = 0;
  const target = await (await fetch(`${devtools}/json/new?about:blank`, { method: 'PUT' })).json();
  const times = { start: null, dcl: null, interactive: null, failure: null };
  const blazorSockets = new Set();
  const page = connect(target.webSocketDebuggerUrl, ({ method, params }) => {
    if (weigh && method === 'Network.responseReceived') {
      const headers = Object.fromEntries(Object.entries(params.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      resources.set(params.requestId, { url: params.response.url, status: params.response.status, encoding: headers['content-encoding'] ?? 'none', cache: headers['cache-control'] ?? 'none', bytes: 0 });
    } else if (weigh && method === 'Network.loadingFinished' && resources.has(params.requestId)) {
      resources.get(params.requestId).bytes = params.encodedDataLength;
    } else if (weigh && method === 'Network.webSocketFrameReceived' && blazorSockets.has(params.requestId) && times.interactive === null) {
      socketBytes += params.response.opcode === 2 ? Buffer.from(params.response.payloadData, 'base64').length : Buffer.byteLength(params.response.payloadData);
    }

    if (method === 'Network.requestWillBeSent' && params.type === 'Document' && times.start === null) {
      times.start = params.timestamp;
    } else if (method === 'Page.domContentEventFired' && times.dcl === null) {
      times.dcl = params.timestamp;
    } else if (method === 'Network.webSocketCreated' && params.url.includes('/_blazor')) {
      blazorSockets.add(params.requestId);
    } else if (method === 'Network.webSocketFrameReceived' && blazorSockets.has(params.requestId) && times.interactive === null) {
      const frame = params.response;
      const payload = frame.opcode === 2 ? Buffer.from(frame.payloadData, 'base64').toString('latin1') : frame.payloadData;
      if (payload.includes('JS.RenderBatch')) {
        times.interactive = params.timestamp;
      } else if (payload.includes('closed with an error')) {
        times.failure = 'the server closed the circuit with an error';
      }
    } else if (method === 'Network.webSocketClosed' && blazorSockets.has(params.requestId) && times.interactive === null) {
      times.failure ??= 'the circuit WebSocket closed before the first render';
    }
  });
  await page.opened;
  await page.send('Page.enable');
  await page.send('Network.enable');
  await page.send('Network.setCacheDisabled', { cacheDisabled });
  if (weigh) {
    // Chromium offers Brotli only over HTTPS; the benchmark talks plain HTTP on loopback, so ask for it explicitly.
    await page.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'br, gzip' } });
  }
  await page.send('Page.navigate', { url });
  const deadline = Date.now() + 30000;
  while (times.interactive === null && times.failure === null && Date.now() < deadline) {
    await sleep(20);
  }

  times.failure ??= times.interactive === null ? 'no render batch within 30 s' : null;
  page.close();
  return { target, times, resources: [...resources.values()], socketBytes };
}

const closeTab = target => fetch(`${devtools}/json/close/${target.id}`);
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
