const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Formatted dates, by ISO date: the coverage of every record formats the same few application dates. */
const formatted = new Map<string, string>();

/** Dates shown as "2 August 2026". */
export function formatDate(iso: string): string {
  let s = formatted.get(iso);
  if (s === undefined) {
    const [y, m, d] = iso.split('-').map(Number);
    s = `${d} ${MONTHS[m - 1]} ${y}`;
    // Dates from users' files are formatted too: the memo is bounded.
    if (formatted.size >= 1000) formatted.clear();
    formatted.set(iso, s);
  }
  return s;
}
