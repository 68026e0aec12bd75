/** The seeded demo-data generator: model, options, writers, planted partitions. */
export { generateChatHistory } from './history.js';
export { DEFAULT_GENERATOR_OPTIONS, resolveOptions, type GeneratorInput, type GeneratorOptions, type ResolvedOptions } from './options.js';
export { DEFAULT_CHATS, chatSpecs, type ChatSpec } from './chats.js';
export * from './model.js';
export { Rng, type Weighted } from './random.js';
export { plantedChats, type PlantedChats, type PlantedOptions } from './planted.js';
export { writeTwitterJsonl, twitterDate } from './writers/twitter-v1.js';
export { writeMastodonJson, mastodonHtml } from './writers/mastodon.js';
export { writeCsv, csvField, CSV_HEADER } from './writers/csv.js';
export { truthTable, writeTruth, type TruthEntry } from './writers/truth.js';
export { demoFiles, demoFileFor, GENERATOR_VERSION, type DemoFile } from './writers/demo-files.js';
export { regenerateCommand } from './writers/readme.js';
export { writeTwitterV2Pages, writeTwitterV2Flat, twitterV2Pages, flattenPage, type TwitterV2Options } from './writers/twitter-v2.js';
export { writeTagsCsv, spreadsheetNumber, TAGS_HEADER, type TagsCsvOptions } from './writers/tags-csv.js';
