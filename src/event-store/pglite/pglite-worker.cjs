'use strict';
/**
 * The embedded database on a thread of its own (pglite-thread.ts is the other side). Plain CommonJS
 * so that the same file runs from dist/ and from src/ under Jest, which cannot start a worker from
 * TypeScript. It opens PGlite and answers messages; the calls go through PGlite's own methods, so
 * its locks give the same order as on the main thread: a statement waits while a transaction is
 * open, a transaction's statements run inside it.
 */
const { parentPort, workerData } = require('node:worker_threads');

// Node ≥ 22: cache the compiled code of PGlite's JavaScript between starts (absent on Node 20).
require('node:module').enableCompileCache?.();

const { PGlite, messages, TransactionAbortedError } = require('@electric-sql/pglite');

/** Thrown inside PGlite's transaction callback to make it roll back when the caller's work failed. */
const ABORT = Symbol('abort');

/** Open transactions by id: PGlite's transaction object and the way to end its callback. */
const transactions = new Map();
let nextTransaction = 1;

/** The caller's parsers stay on its thread (functions cannot be sent): those types come back as text. */
function withTextTypes(options) {
  if (!options) return undefined;
  const { textTypes, ...rest } = options;
  if (!textTypes || textTypes.length === 0) return rest;
  return { ...rest, parsers: Object.fromEntries(textTypes.map((oid) => [oid, (value) => value])) };
}

/** Which of PGlite's classes an error is (its build minifies class names). */
function kindOf(error) {
  if (error instanceof TransactionAbortedError) return 'TransactionAbortedError';
  if (error instanceof messages.DatabaseError) return 'DatabaseError';
  return 'Error';
}

/** An error as plain data: its class, message, stack and PostgreSQL's fields (code, detail, constraint, …). */
function plainError(error) {
  if (!(error instanceof Error)) return { kind: 'Error', message: String(error), fields: {} };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === 'queryOptions' || typeof value === 'function') continue;
    fields[key] = value;
  }
  return { kind: kindOf(error), name: error.name, message: error.message, stack: error.stack, fields };
}

/** Now, in milliseconds since the epoch with a fraction: comparable between threads (the bench's statement timing). */
const now = () => performance.timeOrigin + performance.now();

function reply(id, result, transfer, received) {
  // `at` only when the caller asked for timing (PgliteThread.timing): when the message was taken from the queue and answered.
  parentPort.postMessage(received === undefined ? { id, ok: true, result } : { id, ok: true, result, at: [received, now()] }, transfer ?? []);
}

function fail(id, error) {
  let message;
  try {
    message = { id, ok: false, error: plainError(error) };
    parentPort.postMessage(message);
  } catch {
    // A field that cannot be cloned: the message and the code still go.
    parentPort.postMessage({ id, ok: false, error: { kind: 'Error', name: error?.name, message: String(error?.message ?? error), fields: { code: error?.code } } });
  }
}

function target(message) {
  if (message.tx === undefined) return db;
  const open = transactions.get(message.tx);
  if (!open) throw new Error('Transaction is closed');
  return open.tx;
}

function begin(id, received) {
  const tx = nextTransaction++;
  let entered = false;
  db.transaction(
    (pgTx) =>
      new Promise((resolve, reject) => {
        entered = true;
        transactions.set(tx, { tx: pgTx, end: (outcome) => (outcome === 'commit' ? resolve() : reject(ABORT)) });
        reply(id, tx, undefined, received);
      }),
  ).then(
    () => settle(tx, null),
    (error) => (entered ? settle(tx, error === ABORT ? null : error) : fail(id, error)),
  );
  return tx;
}

/** The answer to `end` is sent once PGlite has committed or rolled back. */
function settle(tx, error) {
  const open = transactions.get(tx);
  transactions.delete(tx);
  if (!open?.endId) return;
  if (error) fail(open.endId, error);
  else reply(open.endId, null, undefined, open.endReceived);
}

async function handle(message) {
  const { id, op } = message;
  const received = message.timed ? now() : undefined;
  try {
    switch (op) {
      case 'query':
        return reply(id, await target(message).query(message.sql, message.params, withTextTypes(message.options)), undefined, received);
      case 'exec':
        return reply(id, await target(message).exec(message.sql, withTextTypes(message.options)), undefined, received);
      case 'begin':
        return void begin(id, received);
      case 'rollback':
        await target(message).rollback();
        return reply(id, null, undefined, received);
      case 'end': {
        const open = transactions.get(message.tx);
        if (!open) return fail(id, new Error('Transaction is closed'));
        open.endId = id;
        open.endReceived = received;
        return open.end(message.outcome);
      }
      case 'dump': {
        const file = await db.dumpDataDir(message.compression);
        const bytes = await file.arrayBuffer();
        return reply(id, bytes, [bytes]);
      }
      case 'close':
        await db.close();
        return reply(id, null);
      default:
        throw new Error(`unknown embedded database operation ${op}`);
    }
  } catch (error) {
    fail(id, error);
  }
}

let db;

async function open() {
  const { dataDir, startParams, trigram } = workerData;
  const extensions = trigram ? { pg_trgm: require('@electric-sql/pglite/contrib/pg_trgm').pg_trgm } : {};
  db = await PGlite.create(dataDir, { ...(startParams ? { startParams } : {}), extensions });
}

open().then(
  () => {
    parentPort.on('message', (message) => void handle(message));
    parentPort.postMessage({ id: 0, ok: true, result: 'open' });
  },
  (error) => fail(0, error),
);
