// The outbox in IndexedDB: two object stores, entries (ciphertext's size, hash and upload state —
// nothing about the content) and chunks (ciphertext only, keyed [entry id, index]). Plaintext never
// gets here: outbox.ts writes only what age produced. Tested in the browser journey; the logic over
// it is tested with memoryOutbox.
import type { OutboxEntry, OutboxStore } from './outbox';

const DB = 'vault-outbox';
const ENTRIES = 'entries';
const CHUNKS = 'chunks';

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

export async function openIdbOutbox(factory: IDBFactory = indexedDB): Promise<OutboxStore> {
  const open = factory.open(DB, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore(ENTRIES, { keyPath: 'id' });
    open.result.createObjectStore(CHUNKS);
  };
  const db = await done(open);
  const write = async (stores: string[], fn: (tx: IDBTransaction) => void) => {
    const tx = db.transaction(stores, 'readwrite');
    fn(tx);
    await committed(tx);
  };
  return {
    putEntry: (e) => write([ENTRIES], (tx) => tx.objectStore(ENTRIES).put(e)),
    entries: () =>
      done(db.transaction(ENTRIES).objectStore(ENTRIES).getAll() as IDBRequest<OutboxEntry[]>),
    putChunk: (id, i, bytes) => write([CHUNKS], (tx) => tx.objectStore(CHUNKS).put(bytes, [id, i])),
    chunk: (id, i) =>
      done(
        db.transaction(CHUNKS).objectStore(CHUNKS).get([id, i]) as IDBRequest<
          Uint8Array | undefined
        >,
      ),
    remove: (id) =>
      write([ENTRIES, CHUNKS], (tx) => {
        tx.objectStore(ENTRIES).delete(id);
        tx.objectStore(CHUNKS).delete(IDBKeyRange.bound([id, 0], [id, Infinity]));
      }),
  };
}
