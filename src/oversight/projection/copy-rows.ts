import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Pool, PoolClient } from 'pg';
import type { Writable } from 'node:stream';

/**
 * Rows as lines of `COPY … FROM STDIN` (text format), for the PostgreSQL bulk rebuild (copy-load.ts):
 * PostgreSQL parses them as fast as it reads them, where one JSON parameter per statement
 * (json-rows.ts) was parsed by `jsonb_populate_recordset` and was the rebuild's limit.
 */

/** Backslash, tab, newline and carriage return are what the text format escapes. */
const SPECIAL = /[\\\t\n\r]/;
const escapeText = (s: string) => (SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s);

/** An array literal (`{"a","b"}`), each element quoted. */
const arrayLiteral = (items: readonly unknown[]) =>
  `{${items.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;

/** Instants as ISO text, remembered: a case's instants recur in each of its versions, and toISOString is dear. */
const instants = new Map<number, string>();
function instant(d: Date): string {
  const t = d.getTime();
  let text = instants.get(t);
  if (text === undefined) {
    if (instants.size >= 100_000) instants.clear();
    instants.set(t, (text = d.toISOString()));
  }
  return text;
}

function cellOf(sqlType: string): (value: unknown) => string {
  if (sqlType.endsWith('[]')) return (v) => escapeText(arrayLiteral(v as unknown[]));
  if (sqlType === 'jsonb' || sqlType === 'json') return (v) => escapeText(JSON.stringify(v));
  if (sqlType === 'boolean') return (v) => (v ? 't' : 'f');
  if (sqlType.startsWith('timestamp')) return (v) => (v instanceof Date ? instant(v) : escapeText(String(v)));
  return (v) => escapeText(String(v));
}

export interface CopyEncoder<Row> {
  /** `"schema"."table" ("a", "b", …)`, the columns in the order `line` writes them. */
  target: string;
  line(row: Row): string;
}

/** The line of a row of `table`. */
export function copyEncoder<T extends PgTable>(table: T, schema: string): CopyEncoder<T['$inferInsert']> {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, name: column.name, cell: cellOf(column.getSQLType()) }));
  return {
    target: `"${schema}"."${getTableName(table)}" (${columns.map((c) => `"${c.name}"`).join(', ')})`,
    line(row) {
      const cells = new Array<string>(columns.length);
      for (let i = 0; i < columns.length; i++) {
        const value = (row as Record<string, unknown>)[columns[i].key];
        cells[i] = value === null || value === undefined ? '\\N' : columns[i].cell(value);
      }
      return cells.join('\t') + '\n';
    },
  };
}

/**
 * One `COPY … FROM STDIN` on a connection of its own, written line by line across the whole load
 * (lines gathered into chunks; a full socket buffer holds the writer back), committed by `end`.
 */
export class CopyStream {
  private chunk: string[] = [];
  private size = 0;
  private failure: Error | null = null;

  private constructor(
    private readonly client: PoolClient,
    private readonly stream: Writable,
  ) {
    stream.on('error', (error: Error) => (this.failure ??= error));
  }

  static async open(pool: Pool, target: string): Promise<CopyStream> {
    // Loaded here: the embedded database never needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { from } = require('pg-copy-streams') as typeof import('pg-copy-streams');
    const client = await pool.connect();
    try {
      return new CopyStream(client, client.query(from(`COPY ${target} FROM STDIN`)));
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }

  async write(line: string): Promise<void> {
    this.chunk.push(line);
    this.size += line.length;
    if (this.size >= 256 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.chunk.length === 0) return;
    const text = this.chunk.join('');
    this.chunk = [];
    this.size = 0;
    if (!this.stream.write(text)) await new Promise<void>((resolve, reject) => this.whenDrainedOrFailed(resolve, reject));
  }

  private whenDrainedOrFailed(resolve: () => void, reject: (error: Error) => void): void {
    const drained = () => (this.stream.off('error', failed), resolve());
    const failed = (error: Error) => (this.stream.off('drain', drained), reject(error));
    this.stream.once('drain', drained);
    this.stream.once('error', failed);
  }

  /** Sends what is left and waits for the COPY to be committed. */
  async end(): Promise<void> {
    try {
      await this.flush();
      await new Promise<void>((resolve, reject) => {
        if (this.failure) return reject(this.failure);
        this.stream.once('error', reject);
        this.stream.once('finish', resolve);
        this.stream.end();
      });
      this.client.release();
    } catch (error) {
      this.client.release(error as Error);
      throw error;
    }
  }

  /** Gives up: the COPY is rolled back with its connection. */
  abort(): void {
    this.stream.destroy(new Error('bulk load abandoned'));
    this.client.release(new Error('bulk load abandoned'));
  }
}
