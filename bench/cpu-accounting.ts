import fs from 'node:fs';

/** CPU time used so far, in milliseconds: by one process, by this process, and by the whole machine (busy, all cores). */
interface CpuReading {
  processMs: number;
  selfMs: number;
  machineBusyMs: number;
  machineTotalMs: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

function machineCpuMs(): { busy: number; total: number } {
  try {
    const [line] = fs.readFileSync('/proc/stat', 'utf8').split('\n');
    const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    const idle = ticks[3] + ticks[4];
    return { busy: (total - idle) * TICK_MS, total: total * TICK_MS };
  } catch {
    return { busy: Number.NaN, total: Number.NaN };
  }
}

function read(pids: readonly number[]): CpuReading {
  const usage = process.cpuUsage();
  const machine = machineCpuMs();
  const processMs = pids.filter((pid) => pid !== process.pid).reduce((sum, pid) => sum + processCpuMs(pid), 0);
  return { processMs, selfMs: (usage.user + usage.system) / 1000, machineBusyMs: machine.busy, machineTotalMs: machine.total };
}

/** Where the CPU went during a phase, per request: the server, this bench process, and everything else (PostgreSQL, other work on the machine). */
export interface CpuShare {
  serverMsPerRequest: number;
  benchMsPerRequest: number;
  restMsPerRequest: number;
  /** Share of all cores busy during the phase, 0..1. */
  machineBusy: number;
}

/** Starts counting for the server processes (none when the server runs in this process); call the result with the number of requests made. */
export function startCpuAccounting(serverPids: readonly number[]): (requests: number) => CpuShare {
  const before = read(serverPids);
  return (requests) => {
    const after = read(serverPids);
    const server = after.processMs - before.processMs;
    const bench = after.selfMs - before.selfMs;
    const busy = after.machineBusyMs - before.machineBusyMs;
    const n = Math.max(1, requests);
    return {
      serverMsPerRequest: server / n,
      benchMsPerRequest: bench / n,
      restMsPerRequest: (busy - server - bench) / n,
      machineBusy: busy / Math.max(1, after.machineTotalMs - before.machineTotalMs),
    };
  };
}
