// The monotonic clock behind the shell layer's time limits, in milliseconds. The global `performance`
// loads perf_hooks (about ten internal modules) when first touched, which a cold hook would pay for;
// process.hrtime is already there.
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;
