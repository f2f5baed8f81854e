/**
 * ISO 8601 durations in whole calendar units, as the manifest's
 * `evidenceMaxAge` gives them: `P1Y`, `P12M`, `P90D`, `P6M15D`, `P2W`.
 * Time parts (`PT…`) are refused: evidence is dated by the day, so an age in
 * hours would only be rounded to days behind the user's back.
 */

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

export type DurationResult = { ok: true; duration: Duration } | { ok: false; why: string };

const FORM = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;
const HOW = 'write P followed by whole numbers with Y (years), M (months), W (weeks) or D (days), e.g. P12M, P1Y, P90D or P6M15D';
/** Longest age accepted, so the arithmetic stays within four-digit years. */
const MAX_DAYS = 1000 * 366;

/** Reads a duration, or says in a few words why it is not one (for a finding). */
export function parseDuration(raw: string): DurationResult {
  const s = raw.trim();
  const m = FORM.exec(s);
  if (!m || s === 'P') {
    if (/^P.*T/i.test(s)) return { ok: false, why: `it has a time part (T…); evidence is dated by the day, so ${HOW}` };
    if (/^P[\d.,YMWD]*[.,]/i.test(s)) return { ok: false, why: `it has a fraction; ${HOW} (P18M rather than P1.5Y)` };
    if (s !== s.toUpperCase() && FORM.exec(s.toUpperCase()) && s.toUpperCase() !== 'P')
      return { ok: false, why: `ISO 8601 writes it in capitals: ${s.toUpperCase()}` };
    return { ok: false, why: HOW };
  }
  const [years, months, weeks, days] = m.slice(1).map((x) => Number(x ?? 0));
  const approxDays = years * 366 + months * 31 + weeks * 7 + days;
  if (approxDays === 0) return { ok: false, why: `it is zero, which would make every review stale the next day; ${HOW}` };
  if (approxDays > MAX_DAYS) return { ok: false, why: 'it is longer than 1,000 years' };
  return { ok: true, duration: { years, months, weeks, days } };
}

/**
 * The date a duration after an ISO date (YYYY-MM-DD). Years and months move
 * the calendar month and keep the day, clamped to the month's last day
 * (31 January + P1M is 28 or 29 February); weeks and days are then added.
 * Negative parts move back the same way.
 */
export function addDuration(iso: string, d: Duration): string {
  const [y, m, day] = iso.split('-').map(Number);
  const month = m - 1 + d.months + 12 * d.years;
  const ty = y + Math.floor(month / 12);
  const tm = ((month % 12) + 12) % 12; // a negative duration moves back across years too
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const at = new Date(Date.UTC(ty, tm, Math.min(day, last)) + (d.weeks * 7 + d.days) * 86_400_000);
  // Past year 9999 the ISO text grows a sign and stops sorting as text.
  return at.getUTCFullYear() > 9999 ? '9999-12-31' : at.toISOString().slice(0, 10);
}
