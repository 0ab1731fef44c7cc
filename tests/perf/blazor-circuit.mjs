// A lightweight Blazor Server circuit client (Node's built-in WebSocket and fetch; no browser, no npm packages): what
// blazor.web.js does to make a prerendered page interactive, without the DOM. It fetches the page, reads the
// prerendered root components' markers and the persisted state, negotiates /_blazor, speaks SignalR's MessagePack
// protocol as "blazorpack" (the only one the hub accepts from blazor.web.js), starts the circuit (StartCircuit, then
// UpdateRootComponents with the markers), acknowledges every render batch (OnRenderCompleted) and answers the
// server's JS interop calls the way a wide desktop browser would. navigate() sends OnLocationChanged, as a click on a
// link or a filter choice on the timeline ends up doing, and resolves with the arrival of the render batches it caused.
// Used by circuits.mjs (the live-circuits benchmark); the framing and codec are unit-tested in blazor-circuit.test.mjs.

// --- MessagePack (the subset SignalR's messages use) --------------------------------------------------------------
export function encode(value) {
  const parts = [];
  write(value, parts);
  return Buffer.concat(parts);
}

function write(value, parts) {
  if (value === null || value === undefined) {
    parts.push(Buffer.from([0xc0]));
  } else if (typeof value === 'boolean') {
    parts.push(Buffer.from([value ? 0xc3 : 0xc2]));
  } else if (typeof value === 'number' && Number.isInteger(value)) {
    parts.push(integer(value));
  } else if (typeof value === 'number') {
    const b = Buffer.alloc(9);
    b[0] = 0xcb;
    b.writeDoubleBE(value, 1);
    parts.push(b);
  } else if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    parts.push(header(bytes.length, 0xa0, 31, 0xd9, 0xda, 0xdb), bytes);
  } else if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    parts.push(header(value.length, null, -1, 0xc4, 0xc5, 0xc6), Buffer.from(value));
  } else if (Array.isArray(value)) {
    parts.push(header(value.length, 0x90, 15, null, 0xdc, 0xdd));
    for (const item of value) write(item, parts);
  } else if (typeof value === 'object') {
    const entries = Object.entries(value);
    parts.push(header(entries.length, 0x80, 15, null, 0xde, 0xdf));
    for (const [k, v] of entries) { write(k, parts); write(v, parts); }
  } else {
    throw new Error(`cannot encode ${typeof value}`);
  }
}

function integer(n) {
  if (n >= 0 && n <= 0x7f) return Buffer.from([n]);
  if (n < 0 && n >= -32) return Buffer.from([n & 0xff]);
  if (n >= 0 && n <= 0xffffffff) {
    if (n <= 0xff) return Buffer.from([0xcc, n]);
    const b = Buffer.alloc(n <= 0xffff ? 3 : 5);
    b[0] = n <= 0xffff ? 0xcd : 0xce;
    if (n <= 0xffff) b.writeUInt16BE(n, 1); else b.writeUInt32BE(n, 1);
    return b;
  }
  const b = Buffer.alloc(9);
  b[0] = n < 0 ? 0xd3 : 0xcf;
  if (n < 0) b.writeBigInt64BE(BigInt(n), 1); else b.writeBigUInt64BE(BigInt(n), 1);
  return b;
}

// The type byte and length of a string, binary, array or map: the fix form if the length fits, else 8/16/32 bits.
function header(length, fix, fixMax, c8, c16, c32) {
  if (fix !== null && length <= fixMax) return Buffer.from([fix | length]);
  if (c8 !== null && length <= 0xff) return Buffer.from([c8, length]);
  if (length <= 0xffff) { const b = Buffer.alloc(3); b[0] = c16; b.writeUInt16BE(length, 1); return b; }
  const b = Buffer.alloc(5);
  b[0] = c32;
  b.writeUInt32BE(length, 1);
  return b;
}

export function decode(buffer) {
  const reader = { buffer, offset: 0 };
  const value = read(reader);
  if (reader.offset !== buffer.length) throw new Error(`${buffer.length - reader.offset} bytes left after a MessagePack value`);
  return value;
}

function read(r) {
  const b = r.buffer;
  const type = b[r.offset++];
  if (type === undefined) throw new Error('MessagePack value cut short');
  if (type <= 0x7f) return type;
  if (type >= 0xe0) return type - 0x100;
  if ((type & 0xf0) === 0x80) return map(r, type & 0x0f);
  if ((type & 0xf0) === 0x90) return array(r, type & 0x0f);
  if ((type & 0xe0) === 0xa0) return text(r, type & 0x1f);
  const take = n => { if (r.offset + n > b.length) throw new Error('MessagePack value cut short'); const at = r.offset; r.offset += n; return at; };
  switch (type) {
    case 0xc0: return null;
    case 0xc2: return false;
    case 0xc3: return true;
    case 0xc4: return bytes(r, b[take(1)]);
    case 0xc5: return bytes(r, b.readUInt16BE(take(2)));
    case 0xc6: return bytes(r, b.readUInt32BE(take(4)));
    case 0xca: return b.readFloatBE(take(4));
    case 0xcb: return b.readDoubleBE(take(8));
    case 0xcc: return b[take(1)];
    case 0xcd: return b.readUInt16BE(take(2));
    case 0xce: return b.readUInt32BE(take(4));
    case 0xcf: return Number(b.readBigUInt64BE(take(8)));
    case 0xd0: return b.readInt8(take(1));
    case 0xd1: return b.readInt16BE(take(2));
    case 0xd2: return b.readInt32BE(take(4));
    case 0xd3: return Number(b.readBigInt64BE(take(8)));
    case 0xd9: return text(r, b[take(1)]);
    case 0xda: return text(r, b.readUInt16BE(take(2)));
    case 0xdb: return text(r, b.readUInt32BE(take(4)));
    case 0xdc: return array(r, b.readUInt16BE(take(2)));
    case 0xdd: return array(r, b.readUInt32BE(take(4)));
    case 0xde: return map(r, b.readUInt16BE(take(2)));
    case 0xdf: return map(r, b.readUInt32BE(take(4)));
    default: throw new Error(`unsupported MessagePack type 0x${type.toString(16)}`);
  }
}

function slice(r, length) {
  if (r.offset + length > r.buffer.length) throw new Error('MessagePack value cut short');
  const part = r.buffer.subarray(r.offset, r.offset + length);
  r.offset += length;
  return part;
}
const text = (r, length) => slice(r, length).toString('utf8');
const bytes = (r, length) => Buffer.from(slice(r, length));
const array = (r, length) => Array.from({ length }, () => read(r));
function map(r, length) {
  const result = {};
  for (let i = 0; i < length; i++) { const key = read(r); result[key] = read(r); }
  return result;
}

// --- SignalR's binary framing: each message is prefixed by its length as a base-128 varint ---------------------
export function frame(payload) {
  const prefix = [];
  let length = payload.length;
  do {
    let byte = length & 0x7f;
    length = Math.floor(length / 128);
    if (length > 0) byte |= 0x80;
    prefix.push(byte);
  } while (length > 0);
  return Buffer.concat([Buffer.from(prefix), payload]);
}

// Splits received bytes into whole messages; a message may span WebSocket frames, so the rest is kept for the next.
export class FrameReader {
  #pending = Buffer.alloc(0);

  push(chunk) {
    this.#pending = this.#pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.#pending, chunk]);
    const messages = [];
    for (;;) {
      let length = 0, shift = 1, at = 0, complete = false;
      while (at < this.#pending.length && at < 5) {
        const byte = this.#pending[at++];
        length += (byte & 0x7f) * shift;
        shift *= 128;
        if ((byte & 0x80) === 0) { complete = true; break; }
      }
      if (!complete || this.#pending.length < at + length) break;
      messages.push(this.#pending.subarray(at, at + length));
      this.#pending = this.#pending.subarray(at + length);
    }
    return messages;
  }
}

// --- render batches ---------------------------------------------------------------------------------------------
// The strings of a render batch (its string table: the batch ends with five little-endian int32s, the last the start
// of an array of int32 offsets, one per string, each pointing at a base-128 length and the UTF-8 bytes), as
// blazor.web.js reads them. Enough to tell which text and attribute values a batch brings, without applying it.
export function renderBatchStrings(batch) {
  const data = Buffer.from(batch);
  const tableStart = data.readInt32LE(data.length - 4);
  const trailer = data.length - 20;
  const strings = [];
  for (let entry = tableStart; entry + 4 <= trailer; entry += 4) {
    let at = data.readInt32LE(entry), length = 0, shift = 0;
    for (let i = 0; i < 4; i++) {
      const byte = data[at++];
      length |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    strings.push(data.toString('utf8', at, at + length));
  }
  return strings;
}

// SignalR hub message types (MessagePack arrays, first element the type).
export const Invocation = 1, Completion = 3, Ping = 6, Close = 7;

// --- the page ---------------------------------------------------------------------------------------------------
// What blazor.web.js reads from a prerendered page: the interactive server root components' start markers (in
// document order, each given the uniqueId the script counts up from 0) and the persisted component state.
export function readPrerenderedPage(html) {
  const markers = [];
  for (const match of html.matchAll(/<!--Blazor:(\{.*?\})-->/gs)) {
    const marker = JSON.parse(match[1]);
    if (marker.type === 'server') markers.push(marker);
  }
  markers.forEach((marker, i) => { marker.uniqueId = i; });
  const state = /<!--Blazor-Server-Component-State:([a-zA-Z0-9+/=]+)-->/.exec(html)?.[1] ?? '';
  return { markers: markers.sort((a, b) => a.sequence - b.sequence), state };
}

// What a JS interop call answers in a wide desktop browser with a light colour scheme; anything else gets null,
// which is what the app's and MudBlazor's void calls return.
const jsAnswers = new Map([
  ['diplomacyTracker.isNarrow', false],
]);
const answerFor = identifier => jsAnswers.has(identifier) ? jsAnswers.get(identifier)
  : /darkmode|isdark|systemdark/i.test(identifier) ? false : null;

// --- one circuit ------------------------------------------------------------------------------------------------
export class Circuit {
  batches = 0;
  bytesReceived = 0;
  error = null;
  jsCalls = new Map();
  #socket = null;
  #reader = new FrameReader();
  #handshaken = false;
  #nextInvocation = 1;
  #pendingInvocations = new Map();
  #batchWaiters = [];
  #pinger = null;
  #secret = null;
  #closing = false;

  constructor(base) {
    this.base = base.replace(/\/$/, '');
  }

  // Loads the page at `path`, connects and starts the circuit; resolves when its first render batch has arrived.
  async start(path = '/', { timeoutMs = 30000 } = {}) {
    const pageUrl = this.base + path;
    const response = await fetch(pageUrl, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    const { markers, state } = readPrerenderedPage(await response.text());
    if (markers.length === 0) throw new Error(`GET ${path}: no interactive server components on the page`);

    const negotiated = await fetch(`${this.base}/_blazor/negotiate?negotiateVersion=1`, { method: 'POST', signal: AbortSignal.timeout(timeoutMs) });
    if (!negotiated.ok) throw new Error(`negotiate: HTTP ${negotiated.status}`);
    const { connectionToken } = await negotiated.json();

    const firstRender = this.#batchWith(() => true, timeoutMs);
    await this.#connect(`${this.base.replace(/^http/, 'ws')}/_blazor?id=${encodeURIComponent(connectionToken)}`, timeoutMs);
    // As blazor.web.js does: the persisted state goes with StartCircuit and again with the first UpdateRootComponents.
    this.#secret = await this.#invoke('StartCircuit', [`${this.base}/`, pageUrl, '[]', state], timeoutMs);
    if (!this.#secret) throw new Error('StartCircuit returned no circuit');
    const operations = markers.map((marker, i) => ({ type: 'add', ssrComponentId: i + 1, marker }));
    this.#send([Invocation, {}, null, 'UpdateRootComponents', [JSON.stringify({ batchId: 1, operations }), state], []]);
    await firstRender;
    // Keep the connection alive as the JavaScript client does: the server drops a client silent for 30 s.
    this.#pinger = setInterval(() => this.#send([Ping]), 15000);
    this.#pinger.unref?.();
  }

  // Moves the circuit to `path` as a click on an intercepted link does (the timeline's filters navigate the same way);
  // resolves with the milliseconds until the render batch that shows the result arrives: the first that sets the
  // page's data-results-for marker to `path` (the page renders its previous data at once while the new query loads).
  async navigate(path, { timeoutMs = 10000 } = {}) {
    const started = performance.now();
    const shown = this.#batchWith(strings => strings.includes('data-results-for') && strings.includes(path), timeoutMs);
    this.#send([Invocation, {}, null, 'OnLocationChanged', [this.base + path, null, true], []]);
    return (await shown) - started;
  }

  // Ends the circuit as a closing tab does: the disconnect beacon (so the server disposes it at once instead of keeping
  // it for reconnection), then the socket.
  async close() {
    this.#closing = true;
    clearInterval(this.#pinger);
    if (this.#secret) {
      const form = new FormData();
      form.append('circuitId', this.#secret);
      await fetch(`${this.base}/_blazor/disconnect`, { method: 'POST', body: form, signal: AbortSignal.timeout(10000) }).catch(() => {});
    }
    this.#socket?.close();
  }

  #connect(url, timeoutMs) {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.binaryType = 'arraybuffer';
      this.#socket = socket;
      const timer = setTimeout(() => reject(new Error('no handshake within the timeout')), timeoutMs);
      socket.onopen = () => socket.send('{"protocol":"blazorpack","version":1}\u001e');
      socket.onerror = event => this.#fail(`WebSocket error: ${event.message ?? 'unknown'}`);
      socket.onclose = event => this.#fail(`WebSocket closed (${event.code}${event.reason ? `: ${event.reason}` : ''})`);
      socket.onmessage = event => {
        let data = typeof event.data === 'string' ? Buffer.from(event.data, 'utf8') : Buffer.from(event.data);
        this.bytesReceived += data.length;
        if (!this.#handshaken) {
          const end = data.indexOf(0x1e);
          if (end < 0) return;
          const answer = JSON.parse(data.subarray(0, end).toString('utf8'));
          if (answer.error) { clearTimeout(timer); reject(new Error(`handshake: ${answer.error}`)); return; }
          this.#handshaken = true;
          clearTimeout(timer);
          resolve();
          data = data.subarray(end + 1);
        }
        for (const message of this.#reader.push(data)) this.#receive(decode(message));
      };
    });
  }

  #receive(message) {
    const [type] = message;
    if (type === Invocation) {
      const [, , , target, args] = message;
      this.#dispatch(target, args);
    } else if (type === Completion) {
      const [, , id, kind, result] = message;
      const pending = this.#pendingInvocations.get(id);
      this.#pendingInvocations.delete(id);
      if (kind === 1) pending?.reject(new Error(`hub error: ${result}`)); else pending?.resolve(result ?? null);
    } else if (type === Close) {
      this.#fail(`server closed the connection${message[1] ? `: ${message[1]}` : ''}`);
    }
  }

  #dispatch(target, args) {
    switch (target) {
      case 'JS.RenderBatch': {
        const [batchId, batch] = args;
        this.batches++;
        this.lastBatchBytes = batch.length;
        this.#send([Invocation, {}, null, 'OnRenderCompleted', [batchId, null], []]);
        const arrived = performance.now();
        if (this.#batchWaiters.length > 0) {
          const strings = renderBatchStrings(batch);
          for (const waiter of [...this.#batchWaiters]) {
            if (waiter.matches(strings)) {
              this.#batchWaiters = this.#batchWaiters.filter(w => w !== waiter);
              waiter.resolve(arrived);
            }
          }
        }
        break;
      }
      case 'JS.BeginInvokeJS': {
        const [asyncHandle, identifier] = args;
        this.jsCalls.set(identifier, (this.jsCalls.get(identifier) ?? 0) + 1);
        if (asyncHandle) {
          this.#send([Invocation, {}, null, 'EndInvokeJSFromDotNet', [asyncHandle, true, JSON.stringify([asyncHandle, true, answerFor(identifier)])], []]);
        }
        break;
      }
      case 'JS.Error':
        this.#fail(`circuit error: ${args[0]}`);
        break;
      default:
        // JS.EndUpdateRootComponents, JS.EndInvokeDotNet, JS.AttachComponent...: nothing a reader would see.
        break;
    }
  }

  #invoke(target, args, timeoutMs) {
    const id = String(this.#nextInvocation++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${target}: no answer within ${timeoutMs} ms`)), timeoutMs);
      this.#pendingInvocations.set(id, { resolve: v => { clearTimeout(timer); resolve(v); }, reject: e => { clearTimeout(timer); reject(e); } });
      this.#send([Invocation, {}, id, target, args, []]);
    });
  }

  // Resolves with the arrival time of the next render batch whose strings satisfy `matches`.
  #batchWith(matches, timeoutMs) {
    return new Promise((resolve, reject) => {
      if (this.error) { reject(new Error(this.error)); return; }
      const waiter = { matches, resolve: t => { clearTimeout(timer); resolve(t); }, reject: e => { clearTimeout(timer); reject(e); } };
      const timer = setTimeout(() => {
        this.#batchWaiters = this.#batchWaiters.filter(w => w !== waiter);
        reject(new Error(`no render batch within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#batchWaiters.push(waiter);
    });
  }

  #send(message) {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(frame(encode(message)));
  }

  #fail(reason) {
    if (this.error || this.#closing) return;
    this.error = reason;
    clearInterval(this.#pinger);
    for (const waiter of this.#batchWaiters.splice(0)) waiter.reject(new Error(reason));
    for (const pending of this.#pendingInvocations.values()) pending.reject(new Error(reason));
    this.#pendingInvocations.clear();
  }
}
