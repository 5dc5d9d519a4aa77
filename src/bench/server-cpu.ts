import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';

/** utime + stime of a process in ms (Linux /proc), or null when it is gone or unreadable. */
function processCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000;
  } catch {
    return null;
  }
}

/** The backends serving `database` now (the bench's own database: other users of the server are left out). */
async function backends(db: Pool, database: string): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  return rows.map((row) => row.pid);
}

/**
 * Starts counting the CPU PostgreSQL's backends spend on the bench's database (on this machine:
 * the server must be local); the returned function gives it in ms per command. A backend that
 * started during the phase counts whole; the server's shared processes (WAL writer, checkpointer)
 * are not counted. Null where /proc cannot be read.
 */
export async function serverCpuMeter(db: Pool, database: string): Promise<(commands: number) => Promise<number | null>> {
  const before = new Map<number, number>();
  for (const pid of await backends(db, database)) {
    const ms = processCpuMs(pid);
    if (ms !== null) before.set(pid, ms);
  }
  return async (commands) => {
    let spent = 0;
    let seen = 0;
    for (const pid of await backends(db, database)) {
      const ms = processCpuMs(pid);
      if (ms === null) continue;
      seen++;
      spent += ms - (before.get(pid) ?? 0);
    }
    return seen === 0 ? null : Math.round((spent / Math.max(1, commands)) * 100) / 100;
  };
}
