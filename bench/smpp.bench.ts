// SMPP figures: messages a second through the SMPP channel to the loopback SMSC (the smpp
// package's server, fixtures/smsc/) within the window the SMSC allows, and the latency of
// one send (submit_sm out, submit_sm_resp back). Reference: 100 messages a second, a common
// contracted throughput of an SMPP account at an aggregator; the channel's own limiter is shown
// holding such a rate too.
import pino from 'pino';
import { startTestSmsc } from '../fixtures/smsc/index.js';
import { createSmppChannel, type SmppSettingsInput } from '../src/outreach/channels/smpp.js';
import { systemClock } from '../src/platform/clock.js';
import type { BenchResult } from './run.js';

const REFERENCE_PER_SECOND = 100;
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

interface Run {
  perSecond: number;
  partsPerSecond: number;
  latencies: number[];
  maxOutstanding: number;
  rejections: number;
  failures: number;
}

async function run(opts: {
  messages: number;
  window: number;
  smscDelayMs: number;
  body: string;
  settings?: Partial<SmppSettingsInput>;
}): Promise<Run> {
  const smsc = await startTestSmsc({
    window: opts.window,
    responseDelayMs: opts.smscDelayMs,
    receipt: 'none',
  });
  const channel = createSmppChannel(
    {
      host: smsc.host,
      port: smsc.port,
      systemId: 'ariadne',
      password: 'secret',
      sourceAddr: '+31970102030',
      windowSize: opts.window,
      throughputPerSecond: 10_000,
      throughputBurst: opts.window,
      ...opts.settings,
    },
    { onDelivery: async () => undefined, onInbound: async () => undefined },
    pino({ level: 'silent' }),
    systemClock,
  );
  try {
    await channel.whenBound();
    // Warm-up, so the first figures do not carry JIT compilation.
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        channel.send({ idempotencyKey: `w${i}`, to: '+31612345678', body: 'warm' }),
      ),
    );
    const before = smsc.received.length;
    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    // As many senders as the window: each send is measured without waiting in our own queue.
    const worker = async () => {
      while (next < opts.messages) {
        const i = next++;
        const t0 = performance.now();
        const r = await channel.send({
          idempotencyKey: `m${i}`,
          to: `+316${String(10_000_000 + i).slice(-8)}`,
          body: opts.body,
        });
        latencies.push(performance.now() - t0);
        if (!r.ok) failures++;
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: opts.window }, worker));
    const secondsTaken = (performance.now() - t0) / 1000;
    return {
      perSecond: opts.messages / secondsTaken,
      partsPerSecond: (smsc.received.length - before) / secondsTaken,
      latencies,
      maxOutstanding: smsc.stats.maxOutstanding,
      rejections: smsc.stats.windowRejections,
      failures,
    };
  } finally {
    await channel.close();
    await smsc.close();
  }
}

export async function smppBench(): Promise<BenchResult> {
  const lines: string[] = [];
  const short = 'Hoi, ik zag je bericht. Als je wilt praten, kun je altijd terugschrijven.';
  const line = (label: string, r: Run, window: number) =>
    `${label}: ${fmt(r.perSecond)} msg/s (${fmt(r.partsPerSecond)} submit_sm/s), ` +
    `send latency p50 ${fmt(quantile(r.latencies, 0.5), 2)} ms, p95 ${fmt(quantile(r.latencies, 0.95), 2)} ms; ` +
    `SMSC saw at most ${r.maxOutstanding}/${window} outstanding, ${r.rejections} window rejections, ` +
    `${r.failures} failed sends; ${fmt(r.perSecond / REFERENCE_PER_SECOND, 2)}× the reference ${REFERENCE_PER_SECOND} msg/s`;

  const plain = await run({ messages: 5_000, window: 10, smscDelayMs: 0, body: short });
  lines.push(line('short GSM-7, window 10, SMSC answers at once', plain, 10));

  const slow = await run({ messages: 2_000, window: 10, smscDelayMs: 5, body: short });
  lines.push(
    line('short GSM-7, window 10, SMSC answers after 5 ms (window-bound: ≤ 2,000/s)', slow, 10),
  );

  const wide = await run({ messages: 5_000, window: 50, smscDelayMs: 5, body: short });
  lines.push(line('short GSM-7, window 50, SMSC answers after 5 ms (≤ 10,000/s)', wide, 50));

  const long = await run({
    messages: 2_000,
    window: 10,
    smscDelayMs: 0,
    body: `${short} `.repeat(5),
  });
  lines.push(line('3-part GSM-7 messages, window 10', long, 10));

  const ucs2 = await run({
    messages: 2_000,
    window: 10,
    smscDelayMs: 0,
    body: 'Привет 👋 '.repeat(5),
  });
  lines.push(line('UCS-2 with emoji (1 part), window 10', ucs2, 10));

  // The limiter at the reference rate: 300 messages at 100/s should take about 3 s.
  const limited = await run({
    messages: 300,
    window: 10,
    smscDelayMs: 0,
    body: short,
    settings: { throughputPerSecond: REFERENCE_PER_SECOND, throughputBurst: 1 },
  });
  lines.push(
    `limited to ${REFERENCE_PER_SECOND} submit_sm/s by the channel: ${fmt(limited.perSecond)} msg/s measured ` +
      `(${fmt(limited.perSecond / REFERENCE_PER_SECOND, 3)}× the limit), send latency p50 ` +
      `${fmt(quantile(limited.latencies, 0.5), 1)} ms (queued behind the bucket)`,
  );
  return { name: 'smpp', lines };
}
