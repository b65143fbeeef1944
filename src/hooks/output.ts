// Writing the hook's answer. process.stdout and process.stderr are streams that a cold process
// builds on first use (the stream modules, a few milliseconds); an answer is a few hundred bytes,
// written here straight to the descriptor. A pipe the host left non-blocking may be full (EAGAIN):
// the rest then goes through the stream, which waits for it. A reader that is gone (EPIPE) gets
// nothing more, and the caller is told: an answer that was not delivered must not read as a pass.
import { writeSync } from 'node:fs';

/** Some of an answer went through a stream, which may still be writing it. */
let streamed = false;

/** Has everything written here reached its descriptor (none of it is left in a stream)? */
export const allWritten = (): boolean => !streamed;

/** Write all of `text` to descriptor 1 or 2; false when the reader is gone. */
export function writeAll(fd: 1 | 2, text: string): boolean {
  const data = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < data.length) {
    try {
      done += writeSync(fd, data, done, data.length - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK') throw e;
      streamed = true;
      (fd === 1 ? process.stdout : process.stderr).write(data.subarray(done));
      return true;
    }
  }
  return true;
}
