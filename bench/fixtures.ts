/**
 * What sections share during one run, each made once on first use: the
 * datasets' files, each size imported into its own SQLite store (by the
 * import section's child, whose figures are the import measurements), the
 * built client, and a listening server per size (each in a child process).
 * Also the run's time budget:
 * big steps ask `remainingMs()` first and are skipped, said so, when the run
 * would overrun.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../server/config.js';
import { runChild, startChild, type ChildOutcome } from './child.js';
import { FULL_SIZES, QUICK_SIZES, writeDataset, type DatasetFiles, type SizeId, type SizeSpec } from './datasets.js';
import type { ImportFigures } from './import.js';
import type { ServeArgs } from './serve.js';

export interface BenchOptions {
  quick: boolean;
  /** Keep the temp folder (datasets, stores, client) for a look afterwards. */
  keep: boolean;
  budgetMs: number;
}

export interface BenchServer {
  baseUrl: string;
  datasetId: string;
  /** Stops the server's child process. */
  stop(): Promise<void>;
}

export class Bench {
  readonly sizes: readonly SizeSpec[];
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-bench-'));
  private readonly started = performance.now();
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly servers: BenchServer[] = [];

  constructor(readonly options: BenchOptions) {
    this.sizes = options.quick ? QUICK_SIZES : FULL_SIZES;
  }

  elapsedMs(): number {
    return performance.now() - this.started;
  }

  remainingMs(): number {
    return this.options.budgetMs - this.elapsedMs();
  }

  log(message: string): void {
    process.stderr.write(`[bench ${(this.elapsedMs() / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
  }

  size(id: SizeId): SizeSpec | undefined {
    return this.sizes.find((s) => s.id === id);
  }

  /** Whether a shared step was started already (its cost is paid). */
  hasRun(key: string): boolean {
    return this.memo.has(key);
  }

  /** Records that a step not made through `shared` was done (for `hasRun`). */
  markDone(key: string): void {
    if (!this.memo.has(key)) this.memo.set(key, Promise.resolve());
  }

  /** A step made once per run and shared by the sections that need it. */
  shared<T>(key: string, make: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) this.memo.set(key, (p = make()));
    return p;
  }

  dataset(id: SizeId): Promise<DatasetFiles> {
    return this.shared(`data ${id}`, async () => {
      this.log(`writing dataset ${id}…`);
      const files = writeDataset(this.size(id)!, path.join(this.root, `data-${id}`));
      this.log(
        `dataset ${id}: ${files.messages} messages, ${files.people} people, ${files.files.length} files in ${(files.ms / 1000).toFixed(1)} s`,
      );
      return files;
    });
  }

  /** The size read and stored in a new SQLite store, in a child process (bench/import.ts). */
  imported(id: SizeId): Promise<ChildOutcome<ImportFigures> & { dataDir: string }> {
    return this.shared(`import ${id}`, async () => {
      const data = await this.dataset(id);
      const dataDir = path.join(this.root, `store-${id}`);
      this.log(`importing ${id} in a child process…`);
      const outcome = await runChild<ImportFigures>(
        'import',
        { files: data.files, dataDir, name: `bench ${id}` },
        Math.min(this.remainingMs(), 400_000),
      );
      return { ...outcome, dataDir };
    });
  }

  /** The client built into the temp folder (`vite build --outDir`). */
  clientDir(): Promise<string> {
    return this.shared('client', async () => {
      const outDir = path.join(this.root, 'client');
      this.log('building the client (vite)…');
      await promisify(execFile)('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
        cwd: PROJECT_ROOT,
      });
      return outDir;
    });
  }

  /**
   * The app over the size's store, in a child process of its own (serve.ts),
   * listening on a free loopback port; the client served when it builds.
   */
  server(id: SizeId): Promise<BenchServer> {
    return this.shared(`server ${id}`, async () => {
      const { dataDir, value } = await this.imported(id);
      return this.serve(id, dataDir, false, async () => value.datasetId);
    });
  }

  /** The app with the demo dataset (data/demo) loaded, as `npm start` serves it. */
  demoServer(): Promise<BenchServer> {
    return this.shared('server demo', async () => {
      const dataDir = path.join(this.root, 'store-demo');
      fs.mkdirSync(dataDir, { recursive: true });
      return this.serve('demo', dataDir, true, async (baseUrl) => {
        const list = (await (await fetch(`${baseUrl}/api/datasets`)).json()) as { datasets: { id: string }[] };
        return list.datasets[0]!.id;
      });
    });
  }

  private async serve(name: string, dataDir: string, demo: boolean, datasetOf: (baseUrl: string) => Promise<string>): Promise<BenchServer> {
    const clientDir = await this.clientDir().catch((error: unknown) => {
      this.log(`client build failed, serving the API only: ${String(error)}`);
      return path.join(this.root, 'no-client');
    });
    const addressFile = path.join(this.root, `server-${name}.address`);
    const child = startChild<{ served: true }>('serve', { dataDir, clientDir, addressFile, demo } satisfies ServeArgs, 3_600_000);
    child.result.catch((error: unknown) => this.log(`server ${name} stopped: ${String(error)}`));
    const deadline = Date.now() + 60_000;
    while (!fs.existsSync(addressFile)) {
      if (Date.now() > deadline) throw new Error(`server ${name} did not start within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const baseUrl = fs.readFileSync(addressFile, 'utf8');
    const server: BenchServer = {
      baseUrl,
      datasetId: await datasetOf(baseUrl),
      stop: async () => {
        child.stop();
        await child.result.catch(() => undefined);
      },
    };
    this.servers.push(server);
    return server;
  }

  async close(): Promise<void> {
    for (const s of this.servers) await s.stop();
    if (!this.options.keep) fs.rmSync(this.root, { recursive: true, force: true });
    else this.log(`kept ${this.root}`);
  }
}
