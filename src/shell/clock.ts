// The monotonic clock behind the shell layer's time limits, in milliseconds. The global `performance`
// loads perf_hooks (about ten internal modules) when first touched, which a cold hook would pay for;
// process.hrtime is already there.
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** CPU time this process has used (user and system), in milliseconds. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * A time limit counted in the CPU time this process spends, so that a loaded machine (which makes the
 * process wait, not work) does not use it up and the decision does not depend on the load; the wall
 * clock at `wallFactor` times the limit stops it anyway. Returns a check that is true once it ran
 * out. The wall clock is read on every check (cheap); the CPU time only once the wall time passed the limit.
 */
export function budget(ms: number, wallFactor = 4): () => boolean {
  const wall0 = nowMs();
  const cpu0 = cpuMs();
  return () => {
    const wall = nowMs() - wall0;
    if (wall <= ms) return false;
    if (wall > ms * wallFactor) return true;
    return cpuMs() - cpu0 > ms;
  };
}
