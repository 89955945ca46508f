// Runs in a worker thread for src/collect/archive-reader.test.ts: reads every cut of every generated archive
// and posts what it found, one message per cut file. The reader is synchronous, so a loop in it
// would stop the test's own timers; here it stops only this thread, which the test's watchdog
// then ends, failing the test with the file and cut it was reading.
import { parentPort } from 'node:worker_threads';
import {
  brokenArchives,
  cutPoints,
  goodArchives,
  truncated,
} from '../../fixtures/archives/generator.js';
import {
  NotAnArchiveError,
  checkRecordDigests,
  readArchive,
} from '../../src/collect/archive-reader.js';

for (const fixture of goodArchives()) {
  for (const at of [...cutPoints(fixture), fixture.data.length]) {
    parentPort!.postMessage({ reading: `${fixture.name} cut at ${at}` });
    const cut = truncated(fixture, at);
    const records: { number: number; type: string; digestsOk: boolean; bytes: Buffer }[] = [];
    const problems: { record: number | null; offset: number; reason: string }[] = [];
    let refused: string | null = null;
    try {
      for (const e of readArchive(cut.data)) {
        if (e.kind === 'problem') problems.push(e.problem);
        else {
          const d = checkRecordDigests(e.record);
          records.push({
            number: e.record.number,
            type: e.record.type,
            digestsOk: d.block.state !== 'mismatch' && d.payload.state !== 'mismatch',
            bytes: Buffer.from(e.record.bytes),
          });
        }
      }
    } catch (err) {
      if (!(err instanceof NotAnArchiveError)) throw err;
      refused = err.message;
    }
    parentPort!.postMessage({ name: fixture.name, at, records, problems, refused });
  }
}
// Then bytes changed at random (seeded, so a failure repeats): the reader may refuse a file whose
// start is gone, and must otherwise finish with records and problems, never throw.
let seed = 20261207;
const random = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const files = [...goodArchives(), ...brokenArchives()];
const unexpected: string[] = [];
let refusedChanged = 0;
for (let k = 0; k < 1500; k++) {
  const fixture = files[k % files.length]!;
  const data = Buffer.from(fixture.data);
  const changes = 1 + Math.floor(random() * 4);
  for (let j = 0; j < changes; j++)
    data[Math.floor(random() * data.length)] = Math.floor(random() * 256);
  if (k % 100 === 0)
    parentPort!.postMessage({ reading: `${fixture.name} changed at random (${k})` });
  try {
    for (const e of readArchive(data)) if (e.kind === 'record') checkRecordDigests(e.record);
  } catch (err) {
    if (err instanceof NotAnArchiveError) refusedChanged++;
    else unexpected.push(`${fixture.name} (${k}): ${(err as Error).stack}`);
  }
}
parentPort!.postMessage({ fuzzed: 1500, refused: refusedChanged, unexpected });
parentPort!.postMessage({ done: true });
