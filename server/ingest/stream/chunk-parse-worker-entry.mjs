// Worker entry: registers tsx in this thread (an --import in a worker's execArgv is not honoured on
// Node 20), then loads the TypeScript worker. Messages sent meanwhile wait in the port's queue.
import { register } from 'tsx/esm/api';

register();
await import('./chunk-parse-worker.ts');
