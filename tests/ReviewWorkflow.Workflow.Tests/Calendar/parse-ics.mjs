// The second iCalendar parser for SecondParserTests: ical.js (Mozilla's, used by Thunderbird) reads the feed file
// given as the first argument and prints each event as {uid, summary, start, status}, sorted by uid, as JSON.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');
const calendar = new ICAL.Component(ICAL.parse(text));
const rows = calendar.getAllSubcomponents('vevent').map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    summary: event.summary ?? '',
    start: event.startDate.toString(),
    status: vevent.getFirstPropertyValue('status') ?? '',
  };
});
rows.sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
process.stdout.write(JSON.stringify(rows));
