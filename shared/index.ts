/** The contract between server and client: schemas, types, option defaults. */
export * from './platform.js';
export * from './message.js';
export * from './person.js';
export * from './formats.js';
export * from './dataset.js';
export * from './build-options.js';
export * from './session-schedule.js';
export * from './graph-payload.js';
export * from './api-error.js';
export * from './view-state.js';
export * from './person-detail.js';
export * from './snapshot.js';
export * from './peers.js';
export * from './import-job.js';
export * from './collections.js';
export * from './palette.js';
export * from './health.js';
