/**
 * Child-process entry for bench/child.ts: runs one named task with the
 * arguments the parent sent, answers with its result, peak RSS and CPU time,
 * then exits. A `stop` message aborts the task's signal (load generators and
 * probers run until told).
 */
type Task = (args: never, signal: AbortSignal) => Promise<unknown>;

const TASKS: Record<string, () => Promise<Task>> = {
  parse: async () => (await import('./parse.js')).parseWorker as Task,
  import: async () => (await import('./import.js')).importWorker as Task,
  analysis: async () => (await import('./analysis.js')).analysisWorker as Task,
  layout: async () => (await import('./layout.js')).layoutWorker as Task,
  serve: async () => (await import('./serve.js')).serveWorker as Task,
  load: async () => (await import('./load.js')).loadWorker as Task,
  probe: async () => (await import('./load.js')).probeWorker as Task,
  'chat-health': async () => (await import('./chat-health.js')).chatHealthWorker as Task,
  'peers-first': async () => (await import('./peers-first.js')).peersFirstWorker as Task,
};

const stop = new AbortController();

process.on('message', (message: { type: 'run'; task: string; args: unknown } | { type: 'stop' }) => {
  if (message.type === 'stop') return stop.abort();
  void run(message.task, message.args);
});

async function run(name: string, args: unknown): Promise<void> {
  let reply: object;
  try {
    const load = TASKS[name];
    if (!load) throw new Error(`unknown bench task ${name}`);
    const value = await (await load())(args as never, stop.signal);
    const usage = process.resourceUsage();
    reply = { ok: true, value, maxRssBytes: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  process.send!(reply, () => process.exit(0));
}
