/**
 * Running one bench task in a child process (bench/worker.ts through tsx):
 * its peak RSS is then the task's own, a big size's memory is returned to
 * the system afterwards, and a load generator or prober does not share the
 * event loop of the server it measures. Results come back over IPC; a task
 * that overruns its time is killed and reported as such.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
/** tsx's loader by URL, so the child finds it whatever the working directory. */
const TSX = import.meta.resolve('tsx');

export interface ChildOutcome<T> {
  value: T;
  /** Peak resident set of the child, bytes (getrusage). */
  maxRssBytes: number;
  /** CPU time the child used (user + system), ms: next to wall time it shows contention. */
  cpuMs: number;
  wallMs: number;
}

export interface RunningChild<T> {
  result: Promise<ChildOutcome<T>>;
  /** Asks the task to finish early (it receives an aborted signal). */
  stop(): void;
}

type Reply = { ok: true; value: unknown; maxRssBytes: number; cpuMs: number } | { ok: false; error: string };

export function startChild<T>(task: string, args: unknown, timeoutMs: number): RunningChild<T> {
  const started = performance.now();
  const child: ChildProcess = fork(WORKER, [], {
    execArgv: ['--expose-gc', '--max-old-space-size=8192', '--import', TSX],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const result = new Promise<ChildOutcome<T>>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(
      () => {
        if (settled) return;
        settled = true;
        child.kill('SIGKILL');
        reject(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s`));
      },
      Math.max(1000, timeoutMs),
    );
    child.on('message', (message: Reply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (message.ok)
        resolve({ value: message.value as T, maxRssBytes: message.maxRssBytes, cpuMs: message.cpuMs, wallMs: performance.now() - started });
      else reject(new Error(message.error));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      reject(new Error(`child exited (${signal ?? `code ${code}`}) without a result`));
    });
    child.send({ type: 'run', task, args });
  });
  return { result, stop: () => child.connected && child.send({ type: 'stop' }) };
}

export function runChild<T>(task: string, args: unknown, timeoutMs: number): Promise<ChildOutcome<T>> {
  return startChild<T>(task, args, timeoutMs).result;
}
