/** Lower case, accents removed, `ß` as `ss`, punctuation as spaces: how headers and values are compared. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9#✓✔☑✗✘☐×]+/g, ' ')
    .trim();
}

// Yes/no in the languages SoAs arrive in (English, German, French, Spanish, Italian, Dutch), folded.
const YES = new Set(
  'yes|y|true|x|✓|✔|☑|1|included|include|applicable|applies|apply|in scope|selected|relevant|required|ja|j|anwendbar|zutreffend|oui|o|inclus|incluse|retenu|retenue|si|s|incluido|incluida|aplicable|seleccionado|aplica|applicabile|incluso|toepasselijk|van toepassing'.split(
    '|',
  ),
);
const NO = new Set(
  'no|n|false|✗|✘|☐|×|0|excluded|exclude|not applicable|non applicable|no aplicable|not included|out of scope|n a|na|nein|nicht anwendbar|nicht zutreffend|non|exclu|exclue|excluido|excluida|non applicabile|escluso|nee|niet van toepassing'.split(
    '|',
  ),
);

/** Reads an applicability cell: true, false, or undefined when it says neither. Dashes alone mean "no". */
export function readYesNo(raw: string): boolean | undefined {
  if (/^\s*[-–—]\s*$/.test(raw)) return false;
  const f = fold(raw);
  if (f === '') return undefined;
  if (NO.has(f)) return false;
  if (YES.has(f)) return true;
  return undefined;
}

/** "Yes – needed for every system": the yes/no word and the text after it, for cells that say both. */
export function splitYesNo(raw: string): { value: boolean; rest: string } | undefined {
  const m = /^\s*([^\s,.;:–—-]+(?:\s+[^\s,.;:–—-]+)?)\s*[,.;:–—-]\s*(\S.*)$/s.exec(raw);
  if (!m) return undefined;
  for (const head of [m[1], m[1].split(/\s+/)[0]]) {
    const value = readYesNo(head);
    if (value !== undefined) return { value, rest: head === m[1] ? m[2] : `${m[1].slice(head.length).trim()} ${m[2]}`.trim() };
  }
  return undefined;
}

export type Status = 'implemented' | 'partial' | 'planned' | 'not-started';

/** Status words, folded (see fold), in English, German, French, Spanish, Italian and Dutch. */
const STATUS: Record<Status, string> = {
  implemented:
    'implemented|done|complete|completed|in place|operational|effective|live|umgesetzt|implementiert|eingefuhrt|abgeschlossen|erledigt|mis en oeuvre|mis en place|implemente|implementee|en place|realise|implementado|implementada|completado|en vigor|attuato|implementato|geimplementeerd',
  partial:
    'partial|partially|partially implemented|in progress|ongoing|wip|started|underway|under way|teilweise|teilweise umgesetzt|in umsetzung|in arbeit|in bearbeitung|partiel|partielle|partiellement|en cours|parcial|parcialmente|en progreso|en curso|in corso|parziale|gedeeltelijk',
  planned: 'planned|scheduled|to do|todo|geplant|vorgesehen|planifie|prevu|planificado|previsto|pianificato|gepland',
  'not-started':
    'not started|not implemented|not yet started|open|none|offen|nicht begonnen|nicht umgesetzt|non commence|non demarre|a faire|no iniciado|pendiente|non iniziato|niet gestart',
};
const STATUS_OF = new Map<string, Status>();
for (const [status, list] of Object.entries(STATUS) as [Status, string][]) for (const w of list.split('|')) STATUS_OF.set(w, status);

/** Reads a status cell into one of the four statuses, or undefined. */
export function readStatus(raw: string): Status | undefined {
  const f = fold(raw);
  if (f === '') return undefined;
  return STATUS_OF.get(f);
}

/** A person or role as a role id: "AIMS owner" → aims-owner (the checker then says whether the manifest has it). */
export function roleId(raw: string): string {
  return fold(raw).replace(/\s+/g, '-');
}

/** Evidence cells list paths or URLs one per line or separated by semicolons. */
export function evidenceList(raw: string): string[] {
  return raw
    .split(/[;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** One line of text for a comment or a note: line breaks as spaces. */
export function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
