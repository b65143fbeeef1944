// Cold-process timing shared by the bench sections: whole processes, interleaved, medians.
import { spawnSync } from 'node:child_process';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time of a process, in ms. */
function wall(args, opts = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['pipe', 'ignore', 'ignore'], ...opts });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.error) throw r.error;
  return { ms, code: r.status };
}

/** Runs of each cold-process case. */
export const COLD_RUNS = 40;

/**
 * Median wall times of several commands, runs interleaved so that drift hits all alike, and each
 * round starting at the next case so that no case always follows the same one.
 */
export function coldRuns(cases, runs = COLD_RUNS, opts = {}) {
  const times = cases.map(() => []);
  for (const c of cases) wall(c.args, { ...opts, input: c.input }); // warm the page cache
  for (let i = 0; i < runs; i++) {
    cases.forEach((_, j) => {
      const k = (i + j) % cases.length;
      const c = cases[k];
      const r = wall(c.args, { ...opts, input: c.input });
      if (c.expectCode !== undefined && r.code !== c.expectCode) {
        throw new Error(`${c.name}: exit ${r.code}, expected ${c.expectCode}`);
      }
      times[k].push(r.ms);
    });
  }
  return cases.map((c, k) => ({ name: c.name, ms: median(times[k]) }));
}

