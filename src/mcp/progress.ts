// Progress for a long tool call (deploy, rollback): one notification when a step starts, and a
// heartbeat while a step runs long (waiting for the server), so a client sees life at least every
// HEARTBEAT_MS and does not time the request out. Without a progress token, nothing is sent.
import type { Step } from '../gitops/types.js';

/** A heartbeat is due after this long without a notification (the bound is 10 s). */
export const HEARTBEAT_MS = 5_000;

export interface ProgressNotification {
  method: 'notifications/progress';
  params: { progressToken: string | number; progress: number; total?: number; message?: string };
}

export interface ProgressSink {
  readonly token: string | number | undefined;
  send(n: ProgressNotification): Promise<void>;
  log(message: string): void;
}

export interface ProgressReporter {
  (step: Step, message: string): void;
  /** Stop the heartbeat (call when the tool returns). */
  stop(): void;
}

export function progressReporter(sink: ProgressSink, heartbeatMs = HEARTBEAT_MS): ProgressReporter {
  let n = 0;
  let step: Step | undefined;
  let stepMessage = '';
  let stepStarted = 0;
  let timer: NodeJS.Timeout | undefined;
  const notify = (message: string): void => {
    if (sink.token === undefined) return;
    void sink.send({ method: 'notifications/progress', params: { progressToken: sink.token, progress: ++n, message } }).catch(() => undefined);
    arm();
  };
  const arm = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => notify(`${step}: ${stepMessage} (still running after ${Math.round((Date.now() - stepStarted) / 1000)} s)`), heartbeatMs);
    timer.unref();
  };
  const report = ((s: Step, message: string): void => {
    sink.log(`${s}: ${message}`);
    // A step that reports again (e.g. the reconciler's exit status) is logged, not counted as progress.
    if (s === step) return;
    step = s;
    stepMessage = message;
    stepStarted = Date.now();
    notify(`${s}: ${message}`);
  }) as ProgressReporter;
  report.stop = () => { if (timer) clearTimeout(timer); timer = undefined; };
  return report;
}
