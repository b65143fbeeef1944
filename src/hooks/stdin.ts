// Reading the hook's input. A cold hook pays ~7 ms to set up process.stdin as a stream; reading the
// descriptor directly costs ~1 ms. A blocking read could not be cut off by the fail-closed timer (it
// would sit in the kernel, or on libuv's thread pool, while a host that never closes stdin waits), so
// stdin is read without blocking, in a loop that sleeps 1 ms when nothing is there and stops at the
// deadline. A pipe (a shell's `|`, Codex) is opened a second time (/proc/self/fd/0 is a new open file
// description, leaving the host's own flags alone). A socket cannot be opened that way (ENXIO), and
// Node hosts (Claude Code, Gemini CLI, Copilot CLI) give their hooks one end of a socket pair made for
// the hook alone: that end is set non-blocking in place, the way libuv opens a pipe handle on it.
// Where neither can be done (no /proc, a Node without the binding), the stream is used.
import { constants, closeSync, openSync, readSync } from 'node:fs';

export const TIMED_OUT = Symbol('timed out');

interface Source { readonly fd: number; readonly done: () => void }

/** Open stdin for reading without blocking, or null where the system has no way to. */
function openNonBlocking(): Source | null {
  if (process.platform !== 'linux') return null;
  try {
    const fd = openSync('/proc/self/fd/0', constants.O_RDONLY | constants.O_NONBLOCK);
    return { fd, done: () => closeSync(fd) };
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENXIO' ? socketInPlace() : null;
  }
}

/** A socket on fd 0 made non-blocking by a libuv pipe handle opened on it (never read through), or null. */
function socketInPlace(): Source | null {
  try {
    const binding = (process as unknown as { binding(name: string): unknown }).binding('pipe_wrap') as {
      Pipe: new (type: number) => { open(fd: number): number };
      constants: { SOCKET: number };
    };
    const handle = new binding.Pipe(binding.constants.SOCKET);
    return handle.open(0) === 0 ? { fd: 0, done: () => {} } : null;
  } catch {
    return null;
  }
}

/**
 * All of stdin up to `limit` bytes (one more is read, enough to refuse it), TIMED_OUT at the
 * deadline (ms since the epoch), or null when the caller must read the stream instead.
 */
export function readStdinSync(limit: number, deadline: number): string | typeof TIMED_OUT | null {
  const source = openNonBlocking();
  if (source === null) return null;
  const fd = source.fd;
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
    source.done();
  }
  return Buffer.concat(chunks).toString('utf8');
}
