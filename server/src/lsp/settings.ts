import type { Connection } from 'vscode-languageserver';
import { isCalendarDate } from '../core/rules/util';
import { defaultOptions, SEVERITIES, today, type CheckOptions, type Severity } from '../core/types';

/** The `aims.*` settings as the client sends them. */
export interface AimsSettings {
  referenceDate?: string;
  timeline?: string;
  severity?: Record<string, string>;
  checkEvidence?: boolean;
}

/** Settings → core options; invalid values fall back to defaults, and `problem` is told why. */
export function toOptions(s: AimsSettings | undefined, problem: (message: string) => void = () => {}): CheckOptions {
  const severities: Record<string, Severity | 'off'> = {};
  for (const [code, level] of Object.entries(s?.severity ?? {})) {
    if (level === 'off' || (SEVERITIES as readonly string[]).includes(level)) severities[code] = level as Severity | 'off';
  }
  let date = today();
  if (s?.referenceDate && isCalendarDate(s.referenceDate)) date = s.referenceDate;
  else if (s?.referenceDate)
    problem(`aims.referenceDate '${s.referenceDate}' is not a calendar date (YYYY-MM-DD); checking as of today (${date}) instead.`);
  return defaultOptions({
    asOf: date,
    timeline: s?.timeline === 'original' ? 'original' : 'in-force',
    severities,
    checkEvidence: s?.checkEvidence !== false,
  });
}

/**
 * Settings per workspace folder: pulled with `workspace/configuration` when the
 * client supports it, else taken from what `didChangeConfiguration` pushed.
 * Cached per folder; cleared when the client says settings changed.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<CheckOptions>>();
  private pushed: AimsSettings | undefined;
  pullSupported = false;

  /** Problems already shown, so each is said once and not at every re-check. */
  private readonly told = new Set<string>();

  constructor(private readonly connection: Connection) {}

  private toOptions(s: AimsSettings | undefined): CheckOptions {
    return toOptions(s, (message) => {
      if (this.told.has(message)) return;
      this.told.add(message);
      void this.connection.window.showWarningMessage(message);
    });
  }

  /** Called on didChangeConfiguration: keeps pushed settings for clients that cannot be asked. */
  changed(settings: unknown): void {
    const s = (settings as { aims?: AimsSettings } | undefined)?.aims;
    if (s) this.pushed = s;
    this.cache.clear();
  }

  get(folderUri: string): Promise<CheckOptions> {
    let p = this.cache.get(folderUri);
    if (!p) {
      p = this.pullSupported
        ? this.connection.workspace
            .getConfiguration({ scopeUri: folderUri, section: 'aims' })
            .then((s: AimsSettings | null) => this.toOptions(s ?? this.pushed))
            .catch(() => this.toOptions(this.pushed))
        : Promise.resolve(this.toOptions(this.pushed));
      this.cache.set(folderUri, p);
    }
    return p;
  }
}
