/**
 * What the Twitter parsers (API v1.1 and v2, TAGS) share, one import away:
 * JSON field helpers (json-fields), dates and ids (twitter-time), people and
 * tags (twitter-entities), profiles (twitter-profiles).
 */
export * from './json-fields.js';
export * from './twitter-time.js';
export * from './twitter-entities.js';
export * from './twitter-profiles.js';
