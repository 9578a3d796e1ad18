import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of other processes on Linux, read from /proc: what the benchmarks use to watch
 * the workerd process Miniflare spawns, whose memory Node's own counters do not include.
 */

/** Parent pid and command name of a process, from /proc/<pid>/stat; null once it is gone. */
function processStat(pid: number): { ppid: number; name: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name is in parentheses and may itself hold spaces or parentheses: cut at the last one.
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    return { ppid, name };
  } catch {
    return null;
  }
}

/** Pids of the direct children of `parent` whose command name is `name` (e.g. "workerd"). */
export function childProcessesNamed(name: string, parent = process.pid): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = processStat(Number(entry));
    if (stat && stat.ppid === parent && stat.name === name) pids.push(Number(entry));
  }
  return pids;
}

/** A `Vm…` line of /proc/<pid>/status in bytes (VmRSS: resident now, VmHWM: resident peak so far). */
export function processMemory(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (kib === undefined) throw new Error(`no ${field} for process ${pid}`);
  return Number(kib) * 1024;
}

export interface RssSampler {
  /** Stops sampling; the highest resident size seen and the number of samples. */
  stop(): { peakBytes: number; samples: number };
}

/**
 * Samples a process's resident size every `intervalMs`. The timer runs on this process's
 * event loop, so it samples only as often as the work being watched lets the loop turn;
 * the sample count says how dense that was.
 */
export function sampleRss(pid: number, intervalMs = 20): RssSampler {
  let peakBytes = processMemory(pid, 'VmRSS');
  let samples = 1;
  const timer = setInterval(() => {
    peakBytes = Math.max(peakBytes, processMemory(pid, 'VmRSS'));
    samples++;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peakBytes = Math.max(peakBytes, processMemory(pid, 'VmRSS'));
      return { peakBytes, samples: samples + 1 };
    },
  };
}
