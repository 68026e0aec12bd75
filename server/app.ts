/**
 * The Chat Atlas app as a Fastify plugin-built instance: validation and
 * serialization through the shared zod schemas, OpenAPI at /docs, the API
 * routes, and the client's built files. `server.ts` only listens.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { PROJECT_ROOT, type Config } from './config.js';
import { GraphCache } from './graphs/graph-cache.js';
import { ImportJobs } from './imports/import-jobs.js';
import { resultLimitsOf } from './store/result-limits.js';
import { loadOrCreateSecret } from './runtime/secret.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerAuth } from './plugins/auth.js';
import { registerHostGuard } from './plugins/host-guard.js';
import { registerJsonBody } from './plugins/json-body.js';
import { loggerOptions } from './plugins/logging.js';
import { registerWriteRateLimit } from './plugins/rate-limit.js';
import datasetRoutes from './routes/datasets/index.js';
import graphRoutes from './routes/datasets/graph.js';
import uploadRoutes from './routes/datasets/upload.js';
import healthRoutes from './routes/health/index.js';
import peopleRoutes from './routes/datasets/people.js';
import snapshotRoutes from './routes/snapshots/index.js';
import messageRoutes from './routes/datasets/messages.js';
import contextRoutes from './routes/datasets/context.js';
import flagRoutes from './routes/datasets/flags.js';
import identityRoutes from './routes/datasets/identities.js';
import chatHealthRoutes from './routes/datasets/chat-health.js';
import importRoutes from './routes/imports/index.js';
import collectionRoutes from './routes/collections/index.js';
import { Collections } from './collect/collections.js';
import { USER_AGENT } from './collect/user-agent.js';
import type { Store } from './store/types.js';
import type { SqliteStore } from './store/sqlite.js';
import type { WorkerStoreLocation } from './graphs/analysis-worker.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    graphs: GraphCache;
    imports: ImportJobs;
    /** Where uploads are streamed to disk before they are imported. */
    uploadDir: string;
    config: Config;
    /** For pseudonym salts (see secret.ts). */
    secret: string;
    /** Live collections from Mastodon and Bluesky, and their scheduler (collect/collections.ts). */
    collections: Collections;
  }
}

export interface AppOptions {
  config: Config;
  store: Store;
  /** Folder of the built client; default `dist/client`. */
  clientDir?: string;
  /** The collections' clock and waits (tests inject them; see collect/collections.ts). */
  collect?: Pick<import('./collect/collections.js').CollectionsOptions, 'now' | 'sleep' | 'backoffMs' | 'fetchOverrides'>;
}

export const CLIENT_DIR = path.join(PROJECT_ROOT, 'dist', 'client');

const PLACEHOLDER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat Atlas</title></head>
<body><main><h1>Chat Atlas</h1><p>The API is running. The explorer is not built yet: run <code>npm start</code>
(which builds it) or <code>npx vite build</code>. API description: <a href="/docs">/docs</a>.</p></main></body></html>`;

/** Where analysis workers can open this store themselves (none for an in-memory SQLite store), with its result limits. */
function workerLocation(store: Store, config: Config): WorkerStoreLocation | undefined {
  const results = resultLimitsOf(config);
  if (config.DATABASE_URL && !('path' in store)) return { databaseUrl: config.DATABASE_URL, results };
  const file = (store as Partial<SqliteStore>).path;
  return file && file !== ':memory:' ? { sqliteFile: file, results } : undefined;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, store } = options;
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : loggerOptions(config.LOG_LEVEL),
    bodyLimit: 10 * 1024 * 1024,
    // Session ids are `chat@start`, and a WhatsApp or Zoom chat's name runs past Fastify's default 100 characters.
    routerOptions: { maxParamLength: 1000 },
    // Uploads can be big and slow: the whole request must arrive, and a connection may idle, this long.
    connectionTimeout: config.REQUEST_TIMEOUT_S * 1000,
    requestTimeout: config.REQUEST_TIMEOUT_S * 1000,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('store', store);
  app.decorate('config', config);
  app.decorate('secret', loadOrCreateSecret(config.DATA_DIR, config.ATLAS_SECRET));
  const graphCacheLimits = { entries: config.GRAPH_CACHE_ENTRIES, bytes: config.GRAPH_CACHE_MB * 1024 ** 2 };
  app.decorate('graphs', new GraphCache(store, graphCacheLimits, workerLocation(store, config)));
  app.decorate('uploadDir', config.UPLOAD_DIR ?? path.join(config.DATA_DIR, 'uploads'));
  app.decorate(
    'imports',
    new ImportJobs(store, workerLocation(store, config), {
      read: { maxMessageChars: config.MAX_MESSAGE_CHARS },
      onDone: (dataset) => app.graphs.drop(dataset.id),
      onInternalError: (job, err) => app.log.error({ err, importId: job.id }, 'import failed'),
    }),
  );
  app.decorate(
    'collections',
    new Collections({
      store,
      imports: app.imports,
      dataDir: config.DATA_DIR,
      uploadDir: app.uploadDir,
      secret: app.secret,
      fetch: {
        userAgent: USER_AGENT,
        allowPrivateHosts: config.COLLECT_ALLOW_PRIVATE_HOSTS,
        maxBytes: config.COLLECT_MAX_RESPONSE_MB * 1024 ** 2,
        timeoutMs: config.COLLECT_TIMEOUT_S * 1000,
      },
      limits: {
        maxPages: config.COLLECT_MAX_PAGES,
        maxThreads: config.COLLECT_MAX_THREADS,
        includeOptedOut: config.COLLECT_INCLUDE_OPTED_OUT,
      },
      log: app.log,
      onStored: (datasetId) => app.graphs.drop(datasetId),
      ...options.collect,
    }),
  );
  app.addHook('onClose', async () => {
    await app.collections.close();
    await app.imports.close();
    await app.graphs.close();
    await store.close();
  });
  registerErrorHandling(app);
  registerJsonBody(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // The layout worker is a blob: URL; swagger-ui needs inline styles.
        'worker-src': ["'self'", 'blob:'],
        'img-src': ["'self'", 'data:', 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        // Over plain HTTP on a LAN address this would send the page's scripts to https and leave it blank.
        'upgrade-insecure-requests': null,
      },
    },
  });
  // After helmet (refusals carry its headers), before any route. The host guard first: a cross-site page must not
  // use up its victim's writes; then the rate limit, so token guessing is limited too.
  registerHostGuard(app, { listenHost: config.HOST, allowedHosts: config.ALLOWED_HOSTS });
  await registerWriteRateLimit(app, { writesPerMinute: config.RATE_LIMIT_WRITES_PER_MINUTE });
  registerAuth(app, { token: config.ATLAS_TOKEN, publicRead: config.ATLAS_PUBLIC_READ });
  await app.register(multipart, {
    limits: { fileSize: config.MAX_UPLOAD_MB * 1024 * 1024, files: config.MAX_FILES, fields: 20, fieldSize: 64 * 1024 },
    throwFileSizeLimit: true,
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Chat Atlas API', version: '1', description: 'Who talks with whom in library and information chats.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes);
  await app.register(datasetRoutes);
  await app.register(uploadRoutes);
  await app.register(graphRoutes);
  await app.register(peopleRoutes);
  await app.register(snapshotRoutes);
  await app.register(messageRoutes);
  await app.register(contextRoutes);
  await app.register(flagRoutes);
  await app.register(identityRoutes);
  await app.register(chatHealthRoutes);
  await app.register(importRoutes);
  await app.register(collectionRoutes);

  const clientDir = options.clientDir ?? CLIENT_DIR;
  if (fs.existsSync(path.join(clientDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: clientDir, prefix: '/', wildcard: false });
    // Snapshot links open the explorer itself, which reads the snapshot id from its path.
    app.get('/s/:id', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
    // An embed is meant for other sites' iframes (a blog post, a talk's slides): allow any framing ancestor there only.
    app.get('/embed/:id', { schema: { hide: true } }, (_request, reply) => {
      const csp = String(reply.getHeader('content-security-policy') ?? '');
      reply.header('content-security-policy', csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'));
      reply.removeHeader('x-frame-options');
      return reply.sendFile('index.html');
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(PLACEHOLDER));
  }
  return app;
}
