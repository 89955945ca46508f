// A real RFC 3161 time-stamping authority on loopback for tests: a CA and a TSA certificate
// (extendedKeyUsage critical,timeStamping) made with openssl in a temp dir, and `openssl ts -reply`
// behind a small HTTP server speaking application/timestamp-query. The TSA's clock is the test's
// clock (openssl runs under faketime), so genTime never depends on when the suite runs. Modes make
// it misbehave the ways a real authority can: refuse, answer for another imprint, hang, fail.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Clock } from '../../src/platform/clock.js';

const run = promisify(execFile);

export interface TsaPki {
  dir: string;
  /** PEM of the CA: what a client trusts. */
  caFile: string;
  tsaCertFile: string;
  tsaKeyFile: string;
  configFile: string;
  cleanup(): void;
}

/** faketime's absolute, frozen time format, in UTC. */
const fakeTime = (at: Date) => at.toISOString().slice(0, 19).replace('T', ' ');

/** Runs openssl with the system clock set to `at` (faketime). */
export async function openssl(at: Date, args: string[], cwd: string): Promise<void> {
  await run('faketime', ['-f', fakeTime(at), 'openssl', ...args], {
    cwd,
    env: { ...process.env, TZ: 'UTC' },
  });
}

/**
 * A fresh CA and TSA certificate, valid from a day before `at` for ten years, and the `openssl ts`
 * configuration that signs with them.
 */
export async function createTsaPki(at: Date, name = 'Test TSA'): Promise<TsaPki> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ariadne-tsa-'));
  const issued = new Date(at.getTime() - 24 * 3_600_000);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await openssl(
    issued,
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '3650',
      '-subj',
      `/CN=${name} Root/O=Ariadne tests`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  await openssl(
    issued,
    [
      'req',
      '-new',
      ...ec,
      '-keyout',
      'tsa.key',
      '-out',
      'tsa.csr',
      '-subj',
      `/CN=${name}/O=Ariadne tests`,
    ],
    dir,
  );
  writeFileSync(
    path.join(dir, 'tsa.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=critical,timeStamping',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid',
    ].join('\n') + '\n',
  );
  await openssl(
    issued,
    [
      'x509',
      '-req',
      '-in',
      'tsa.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'tsa.crt',
      '-days',
      '3650',
      '-extfile',
      'tsa.ext',
    ],
    dir,
  );
  writeFileSync(path.join(dir, 'tsaserial'), '01\n');
  const section = (digests: string) =>
    [
      `dir = ${dir}`,
      'serial = $dir/tsaserial',
      'crypto_device = builtin',
      'signer_cert = $dir/tsa.crt',
      'certs = $dir/ca.crt',
      'signer_key = $dir/tsa.key',
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.99999.1.1',
      `digests = ${digests}`,
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
    ].join('\n');
  const configFile = path.join(dir, 'tsa.cnf');
  writeFileSync(
    configFile,
    [
      '[ tsa ]',
      'default_tsa = granting',
      '[ granting ]',
      section('sha256, sha384, sha512'),
      // Takes no SHA-256: openssl answers a SHA-256 query with status rejection, badAlg.
      '[ refusing ]',
      section('sha512'),
    ].join('\n') + '\n',
  );
  return {
    dir,
    caFile: path.join(dir, 'ca.crt'),
    tsaCertFile: path.join(dir, 'tsa.crt'),
    tsaKeyFile: path.join(dir, 'tsa.key'),
    configFile,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type TsaMode =
  | 'grant'
  | 'refuse'
  | 'wrong-imprint'
  /** Answers with its previous answer (another request's nonce). */
  | 'replay'
  | 'garbage'
  | 'hang'
  | 'http-error';

export interface LocalTsa {
  url: string;
  /** Queries received so far. */
  requests(): number;
  setMode(mode: TsaMode): void;
  stop(): Promise<void>;
}

/** A query for another message, with the same nonce: how a TSA mixing up requests answers. */
function withOtherImprint(query: Buffer): Buffer {
  const parsed = asn1js.fromBER(new Uint8Array(query));
  const request = new pkijs.TimeStampReq({ schema: parsed.result });
  const other = createHash('sha256').update('another message').digest();
  request.messageImprint.hashedMessage = new asn1js.OctetString({
    valueHex: new Uint8Array(other).buffer,
  });
  return Buffer.from(request.toSchema().toBER());
}

/** Serves `openssl ts -reply` with `pki` at the time of `clock`, on 127.0.0.1. */
export async function startLocalTsa(pki: TsaPki, clock: Clock): Promise<LocalTsa> {
  let mode: TsaMode = 'grant';
  let count = 0;
  let last: Buffer | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const hanging = new Set<http.ServerResponse>();

  const reply = async (query: Buffer, section: string): Promise<Buffer> => {
    const n = ++count;
    const queryFile = path.join(pki.dir, `q${n}.tsq`);
    const replyFile = path.join(pki.dir, `r${n}.tsr`);
    writeFileSync(queryFile, query);
    const args = ['ts', '-reply', '-config', pki.configFile, '-section', section];
    await openssl(clock.now(), [...args, '-queryfile', queryFile, '-out', replyFile], pki.dir);
    return readFileSync(replyFile);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(415).end();
        return;
      }
      if (mode === 'hang') {
        count++;
        hanging.add(res);
        return;
      }
      if (mode === 'http-error') {
        count++;
        res.writeHead(503).end('busy');
        return;
      }
      if (mode === 'garbage' || (mode === 'replay' && last)) {
        count++;
        const answer = mode === 'replay' && last ? last : Buffer.from('<html>gateway</html>');
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(answer);
        return;
      }
      const current = mode;
      const work = queue.then(() =>
        current === 'refuse'
          ? reply(body, 'refusing')
          : reply(current === 'wrong-imprint' ? withOtherImprint(body) : body, 'granting'),
      );
      queue = work.catch(() => undefined);
      work.then(
        (answer) => {
          last = answer;
          res
            .writeHead(200, {
              'content-type': 'application/timestamp-reply',
              'content-length': answer.length,
            })
            .end(answer);
        },
        (err: unknown) => res.writeHead(500).end(String(err)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    requests: () => count,
    setMode: (next) => {
      mode = next;
    },
    stop: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
