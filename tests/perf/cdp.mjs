// Headless Chromium over the DevTools protocol with Node's built-in WebSocket (no npm packages): open a tab on a Blazor
// Server page and wait until it is interactive, that is until the circuit's first render batch arrives over the
// /_blazor WebSocket (the server has started the circuit and rendered the interactive components).
// Shared by interactive.mjs (time to interactive, first-load weight, memory per circuit) and soak.mjs.
export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

export function connect(socketUrl, onEvent) {
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
export async function openTab(devtools, url, { cacheDisabled = false, weigh = false } = {}) {
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

export const closeTab = (devtools, target) => fetch(`${devtools}/json/close/${target.id}`);
