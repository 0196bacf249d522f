/** The parts of an iCalendar (RFC 5545) event a calendar app acts on. */
export type CalendarEvent = {
  summary: string | undefined;
  start: string | undefined;
  end: string | undefined;
  url: string | undefined;
  /** Each alarm's trigger, in seconds relative to the start (negative: before). */
  alarmTriggers: number[];
};

const unescapeText = (value: string) => value.replace(/\\([\\;,nN])/g, (_, c: string) => (/n/i.test(c) ? "\n" : c));

/** `-PT1H`, `PT15M`, `-P1D`... as seconds. */
export function durationSeconds(value: string): number {
  const match = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value);
  if (!match) throw new Error(`not an iCalendar duration: ${value}`);
  const part = (index: number) => Number(match[index] ?? 0);
  const total = ((part(2) * 7 + part(3)) * 24 + part(4)) * 3600 + part(5) * 60 + part(6);
  return match[1] === "-" ? -total : total;
}

/** The VEVENTs of a calendar file: folded lines joined, parameters dropped, text unescaped. */
export function parseCalendar(text: string): CalendarEvent[] {
  const lines = text.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
  const events: CalendarEvent[] = [];
  let event: CalendarEvent | null = null;
  let inAlarm = false;
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const name = (line.slice(0, colon).split(";")[0] ?? "").toUpperCase();
    const value = line.slice(colon + 1);
    if (name === "BEGIN" && value === "VEVENT") {
      event = { summary: undefined, start: undefined, end: undefined, url: undefined, alarmTriggers: [] };
    } else if (name === "END" && value === "VEVENT" && event) {
      events.push(event);
      event = null;
    } else if (name === "BEGIN" && value === "VALARM") inAlarm = true;
    else if (name === "END" && value === "VALARM") inAlarm = false;
    else if (!event) continue;
    else if (inAlarm && name === "TRIGGER") event.alarmTriggers.push(durationSeconds(value));
    else if (inAlarm) continue;
    else if (name === "SUMMARY") event.summary = unescapeText(value);
    else if (name === "DTSTART") event.start = value;
    else if (name === "DTEND") event.end = value;
    else if (name === "URL") event.url = value;
  }
  return events;
}

/** A moment as iCalendar's UTC form, `20261125T173000Z`. */
export const calendarUtc = (date: Date) => `${date.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
