import { memo } from './memo';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Formatted dates, by ISO date: the coverage of every record formats the same few application dates. */
const formatted = memo<string>(1000);

/** Dates shown as "2 August 2026". */
export function formatDate(iso: string): string {
  return formatted(iso, () => {
    const [y, m, d] = iso.split('-').map(Number);
    return `${d} ${MONTHS[m - 1]} ${y}`;
  });
}
