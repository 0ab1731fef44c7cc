// One writer for the crash test: posts events through the write API as fast as it is answered, and appends the id of
// every event the server acknowledged (201) to the file given, one per line, only after the answer arrived.
//   node writer.mjs <base-url> <api-key> <acknowledged-file> <writer-name>
import { appendFileSync } from 'node:fs';

const [base, apiKey, file, name] = process.argv.slice(2);
const people = await (await fetch(`${base}/api/participants`)).json();
const xi = people.find(p => p.slug === 'xi-jinping').id;
const putin = people.find(p => p.slug === 'vladimir-putin').id;

for (let i = 0; ; i++) {
  const draft = {
    title: `Crash test ${name} #${i}`,
    type: 'OfficialVisit',
    startDate: '2040-01-01',
    ignoreDuplicates: true,
    participants: [{ key: 'xi', personId: xi, role: 'President' }, { key: 'putin', personId: putin, role: 'President' }],
    legs: [{ city: 'Moscow', country: 'Russia', attendeeKeys: ['xi', 'putin'] }],
    sources: [{ key: 's', title: 'Crash test source', text: `Written by ${name}, number ${i}.` }],
    statements: [{ speakerKey: 'xi', text: `Statement ${i} of ${name}.`, sourceKey: 's' }],
  };
  try {
    const response = await fetch(`${base}/api/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey },
      body: JSON.stringify(draft),
    });
    if (response.status === 201) {
      const saved = await response.json();
      appendFileSync(file, `${saved.id}\n`);
    } else if (response.status >= 500) {
      console.error(`${name}: ${response.status} ${await response.text()}`);
    }
  } catch {
    // The server was killed mid-request: that write was never acknowledged. Wait for the next round.
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}
