// Unit tests of the lightweight circuit client's protocol pieces (node --test tests/perf/): the MessagePack codec and
// SignalR's length-prefixed framing against byte sequences written out by hand from the specifications, the render
// batch string table as blazor.web.js reads it, and the prerendered page's markers. If these break, every figure of the
// live-circuits benchmark is wrong, usually without an error: the server just never answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode, encode, frame, FrameReader, readPrerenderedPage, renderBatchStrings } from './blazor-circuit.mjs';

test('a ping is the one-element array [6] behind its length', () => {
  assert.deepEqual([...frame(encode([6]))], [0x02, 0x91, 0x06]);
});

test('an invocation encodes as SignalR MessagePack expects: fixarray, empty header map, nil id, target, arguments', () => {
  const bytes = encode([1, {}, null, 'OnRenderCompleted', [2, null], []]);
  assert.deepEqual([...bytes], [
    0x96, 0x01, 0x80, 0xc0,
    0xb1, ...Buffer.from('OnRenderCompleted'),
    0x92, 0x02, 0xc0,
    0x90,
  ]);
});

test('integers, strings and binaries take the smallest form that holds them, and decode back', () => {
  assert.deepEqual([...encode(200)], [0xcc, 200]);
  assert.deepEqual([...encode(70000)], [0xce, 0x00, 0x01, 0x11, 0x70]);
  assert.deepEqual([...encode(-5)], [0xfb]);
  assert.deepEqual([...encode('x'.repeat(40)).subarray(0, 2)], [0xd9, 40]);
  const values = [0, 127, 128, 65535, 65536, 2 ** 40, -1, -33, -40000, 'é 中', 'y'.repeat(300), true, false, null, 1.5, { a: [1, 'b'] }];
  for (const value of values) assert.deepEqual(decode(encode(value)), value);
  assert.deepEqual(decode(encode(Buffer.from([1, 2, 3]))), Buffer.from([1, 2, 3]));
});

test('decoding refuses a value cut short instead of inventing the rest', () => {
  const bytes = encode(['JS.RenderBatch', 'more text']);
  assert.throws(() => decode(bytes.subarray(0, bytes.length - 3)), /cut short/);
});

test('a length of 128 or more takes two varint bytes', () => {
  const payload = Buffer.alloc(300, 7);
  const framed = frame(payload);
  assert.deepEqual([...framed.subarray(0, 2)], [0xac, 0x02]); // 300 = 0b10_0101100
  assert.equal(framed.length, 302);
});

test('the frame reader splits several messages in one chunk and joins one split over chunks', () => {
  const a = encode([6]), b = encode([1, {}, null, 'JS.Error', ['boom'], []]), c = encode(['x'.repeat(200)]);
  const stream = Buffer.concat([frame(a), frame(b), frame(c)]);
  const reader = new FrameReader();
  const cut = frame(a).length + frame(b).length + 1; // inside c's two-byte length prefix
  const first = reader.push(stream.subarray(0, cut));
  assert.deepEqual(first.map(m => decode(m)), [[6], [1, {}, null, 'JS.Error', ['boom'], []]]);
  const second = reader.push(stream.subarray(cut));
  assert.deepEqual(second.map(m => decode(m)), [['x'.repeat(200)]]);
  assert.deepEqual(reader.push(Buffer.alloc(0)), []);
});

// A render batch laid out as Blazor's RenderBatchWriter writes it: (sections), the strings (each a base-128 length and
// its UTF-8 bytes), the string table (an int32 offset per string), then five int32s, the last the table's start.
function batchWith(strings) {
  const parts = [Buffer.from([0, 0, 0, 0])]; // stands for the diff sections
  const offsets = [];
  let at = 4;
  for (const s of strings) {
    const bytes = Buffer.from(s, 'utf8');
    const length = bytes.length < 128 ? Buffer.from([bytes.length]) : Buffer.from([(bytes.length & 0x7f) | 0x80, bytes.length >> 7]);
    offsets.push(at);
    parts.push(length, bytes);
    at += length.length + bytes.length;
  }
  const table = Buffer.alloc(offsets.length * 4);
  offsets.forEach((offset, i) => table.writeInt32LE(offset, i * 4));
  const trailer = Buffer.alloc(20);
  trailer.writeInt32LE(at, 16);
  return Buffer.concat([...parts, table, trailer]);
}

test('the strings of a render batch are read from its string table, long and non-Latin ones included', () => {
  const strings = ['data-results-for', '/?venue=Beijing', 'Пекин 北京', 'z'.repeat(200)];
  assert.deepEqual(renderBatchStrings(batchWith(strings)), strings);
  assert.deepEqual(renderBatchStrings(batchWith([])), []);
});

test('the prerendered page yields its server components in sequence order, numbered as blazor.web.js does, and its state', () => {
  const html = '<head><!--Blazor:{"type":"server","prerenderId":"a","key":{"locationHash":"h:1","formattedComponentKey":""},"sequence":1,"descriptor":"D1"}-->'
    + '<!--Blazor:{"prerenderId":"a"}--></head><body><!--Blazor:{"type":"server","prerenderId":"b","sequence":0,"descriptor":"D0"}-->'
    + '<main>…</main><!--Blazor:{"prerenderId":"b"}--><!--Blazor-Server-Component-State:Q2ZESjg+/x==--></body>';
  const { markers, state } = readPrerenderedPage(html);
  assert.deepEqual(markers.map(m => [m.descriptor, m.sequence, m.uniqueId]), [['D0', 0, 1], ['D1', 1, 0]]);
  assert.equal(state, 'Q2ZESjg+/x==');
  assert.deepEqual(readPrerenderedPage('<p>static page</p>'), { markers: [], state: '' });
});
