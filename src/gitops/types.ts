// What the deploy flow (deploy.ts, verify.ts, rollback.ts, promote.ts) passes around: its steps, its
// options and results, and its one error type, which names the step that refused.
import type { ServiceState, Server } from '../remote/server.js';
import type { EngineStatus } from '../kube/engine.js';
import type { HostVerify } from './hosts-wait.js';

export class GitOpsError extends Error {
  constructor(message: string, readonly step: string) {
    super(message);
    this.name = 'GitOpsError';
  }
}

export type Step = 'check' | 'validate' | 'stage' | 'commit' | 'fetch' | 'push' | 'trigger' | 'wait' | 'health' | 'revert';

export interface Progress {
  (step: Step, message: string): void;
}

export interface DeployOptions {
  /** What changed, for the commit message (the prefix is added once). */
  readonly message?: string;
  /** IaC files to stage (default: the changed ones under config `paths`, by default the compose files' directories). */
  readonly files?: readonly string[];
  /** An empty commit that makes the server re-apply: `deploy: restart [service]`. */
  readonly restart?: boolean;
  readonly service?: string;
  readonly dryRun?: boolean;
  /** Verify on the server after the push (default true when a host is configured). */
  readonly wait?: boolean;
  readonly waitTimeoutMs?: number;
  readonly pollMs?: number;
  readonly progress?: Progress;
  /** For verification; created from the config when absent. */
  readonly server?: Server;
  /** Every server of the environment (several hosts): the wait ends when each one applied the commit and is healthy. */
  readonly servers?: readonly Server[];
  /** Give up waiting (for MCP cancellation). */
  readonly signal?: AbortSignal;
  /** Finish an interrupted deploy: push the commits not pushed yet (or, with none, wait for upstream). */
  readonly resume?: boolean;
  /** When the pushed commit fails to apply or comes up unhealthy: commit, push and wait for its revert (default: config revertOnFailure). */
  readonly revertOnFailure?: boolean;
}

/** The options of the flows that push what is already committed (resume, rollback, the revert). */
export type PushOptions = Omit<DeployOptions, 'message' | 'files' | 'restart' | 'service'>;

export interface VerifyResult {
  readonly ok: boolean;
  readonly commit: string;
  readonly appliedAt: string | null;
  readonly services: ServiceState[];
  /** Services whose containers were created after the push. */
  readonly recreated?: string[];
  /** What is wrong, and what to look at. */
  readonly problems: string[];
  /** The wait ran out before the server applied the commit. */
  readonly pending: boolean;
  /** A failure to read the target (an engine's object not there), not of the commit: revertOnFailure leaves it. */
  readonly unchecked?: boolean;
  /** Argo CD / Flux environments: the engine's fields as last read (src/kube). */
  readonly engine?: EngineStatus;
  /** With several hosts: each one's answer (the problems above name the host). */
  readonly hosts?: HostVerify[];
}

export interface DeployResult {
  readonly commit: string | null;
  readonly message: string;
  readonly files: string[];
  readonly pushedAt: string | null;
  readonly dryRun: boolean;
  readonly verify?: VerifyResult;
  /** How to undo it. */
  readonly rollback?: string;
  /** With revertOnFailure: the revert that was committed, pushed and waited for after this one failed. */
  readonly revert?: DeployResult;
}
