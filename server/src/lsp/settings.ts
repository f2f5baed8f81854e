import type { Connection } from 'vscode-languageserver';
import { defaultOptions, SEVERITIES, today, type CheckOptions, type Severity } from '../core/types';

/** The `aims.*` settings as the client sends them. */
export interface AimsSettings {
  referenceDate?: string;
  timeline?: string;
  severity?: Record<string, string>;
  checkEvidence?: boolean;
}

/** Settings → core options; invalid values fall back to defaults rather than failing. */
export function toOptions(s: AimsSettings | undefined): CheckOptions {
  const severities: Record<string, Severity | 'off'> = {};
  for (const [code, level] of Object.entries(s?.severity ?? {})) {
    if (level === 'off' || (SEVERITIES as readonly string[]).includes(level)) severities[code] = level as Severity | 'off';
  }
  const date = s?.referenceDate && /^\d{4}-\d{2}-\d{2}$/.test(s.referenceDate) ? s.referenceDate : today();
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

  constructor(private readonly connection: Connection) {}

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
            .then((s: AimsSettings | null) => toOptions(s ?? this.pushed))
            .catch(() => toOptions(this.pushed))
        : Promise.resolve(toOptions(this.pushed));
      this.cache.set(folderUri, p);
    }
    return p;
  }
}
