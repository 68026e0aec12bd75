/** The mapping form's time-zone check agrees with the server's: names and offsets, never an abbreviation ICU would misplace. */
import { expect, it } from 'vitest';
import { isTimezoneText } from '../../client/ui/mapping-form.js';
import { isTimezone } from '../../server/ingest/parse/table/dates.js';

it('takes what the server takes and refuses what it refuses (BST is Asia/Dhaka to ICU)', () => {
  const zones = ['Europe/London', 'America/New_York', 'UTC', '+01:00', '-0500', 'BST', 'EST', 'CET', 'Mars/Olympus'];
  expect(zones.filter(isTimezoneText)).toEqual(['Europe/London', 'America/New_York', 'UTC', '+01:00', '-0500']);
  expect(zones.filter(isTimezoneText)).toEqual(zones.filter(isTimezone));
});
