// Analysis process entry: registers tsx (the server may run compiled or under tsx alike), then loads the
// TypeScript worker, which tells the pool when it listens.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
