// Reading the hook's input. A cold hook pays ~7 ms to set up process.stdin as a stream; reading the
// pipe directly costs ~1 ms. A blocking read could not be cut off by the fail-closed timer (it would
// sit in the kernel, or on libuv's thread pool, while a host that never closes stdin waits), so the
// pipe is opened a second time without blocking (/proc/self/fd/0 is a new open file description,
// leaving the host's own flags alone) and read in a loop that sleeps 1 ms when nothing is there
// and stops at the deadline. Where that cannot be opened (no /proc), the stream is used.
import { constants, closeSync, openSync, readSync } from 'node:fs';

export const TIMED_OUT = Symbol('timed out');

/** Open stdin for reading without blocking, or null where the system has no way to. */
function openNonBlocking(): number | null {
  if (process.platform !== 'linux') return null;
  try {
    return openSync('/proc/self/fd/0', constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
}

/**
 * All of stdin up to `limit` bytes (one more is read, enough to refuse it), TIMED_OUT at the
 * deadline (ms since the epoch), or null when the caller must read the stream instead.
 */
export function readStdinSync(limit: number, deadline: number): string | typeof TIMED_OUT | null {
  const fd = openNonBlocking();
  if (fd === null) return null;
  const chunks: Buffer[] = [];
  const buf = Buffer.allocUnsafe(64 * 1024);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let size = 0;
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK') throw e;
        if (Date.now() >= deadline) return TIMED_OUT;
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      if (n === 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
      size += n;
      if (size > limit) break;
    }
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks).toString('utf8');
}
