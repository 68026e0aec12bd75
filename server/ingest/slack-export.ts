/**
 * Finding a Slack workspace export among an archive's or a folder's files
 * (slack.com/help/articles/220556107): top-level lists (users.json,
 * channels.json…) beside one folder per conversation of day files. Its files
 * only make sense together, so they are read as one transcript.
 */

/** Top-level files of a Slack export; only some carry what we read. */
export const SLACK_META =
  /^(users|org_users|channels|groups|dms|mpims|integration_logs|canvases|huddles|lists|file_conversations|content_flags)\.json$/;
/** A conversation's day file, relative to the export's root: `general/2024-03-14.json`. */
export const DAY_FILE = /^([^/]+)\/\d{4}-\d{2}-\d{2}\.json$/;

/** Roots (`''`, `export/`) holding users.json (or org_users.json) and channels.json beside channel-day folders. */
export function slackRoots(paths: readonly string[]): string[] {
  const all = new Set(paths);
  const roots = paths.filter((p) => /(^|\/)(org_)?users\.json$/.test(p)).map((p) => p.slice(0, p.lastIndexOf('/') + 1));
  return [...new Set(roots)].filter(
    (root) => all.has(`${root}channels.json`) && paths.some((p) => p.startsWith(root) && DAY_FILE.test(p.slice(root.length))),
  );
}
