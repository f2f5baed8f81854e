import { allControls, findControl, findSubObjective, findTopic, nearestControls, type Control } from './iso';

/** "A.6.2.8 (AI system recording of event logs)": an id with its title, as messages name controls. */
export function named(c: Control): string {
  return `${c.id} (${c.title})`;
}

/** "did you mean A.9.4 (Intended use of the AI system) or A.9.3 (…)?" for an Annex A id that does not exist, or ''. */
export function didYouMean(id: string): string {
  const near = nearestControls(id);
  return near.length ? `did you mean ${near.map(named).join(' or ')}?` : '';
}

/** What the group an id sits in holds: "A.9 has controls A.9.2 to A.9.4", when that group exists. */
function groupRange(id: string): string {
  const parent = id.replace(/\.\d+$/, '');
  const members = findTopic(parent)?.controls ?? (findSubObjective(parent) ? allControls().filter((c) => c.subObjective === parent) : []);
  if (!members.length) return '';
  const last = members[members.length - 1].id;
  return `${parent} has controls ${members[0].id} ${members.length === 2 ? 'and' : 'to'} ${last}`;
}

/** What follows "has no control A.9.5": " (A.9 has controls A.9.2 to A.9.4); did you mean A.9.4 (Intended use of the AI system)?" */
export function unknownControlDetail(id: string): string {
  const range = groupRange(id);
  const hint = didYouMean(id);
  return `${range ? ` (${range})` : ''}${hint ? `; ${hint}` : '.'}`;
}

/**
 * Why an Annex A-style id that names no control is wrong, with the nearest
 * real controls: "A.9.5 is not an Annex A control of ISO/IEC 42001 (A.9 has
 * controls A.9.2 to A.9.4); did you mean A.9.4 (Intended use of the AI system)?"
 */
export function unknownControlMessage(id: string): string {
  return `${id} is not an Annex A control of ISO/IEC 42001${unknownControlDetail(id)}`;
}

/**
 * What an ISO/IEC 42001 annex id other than an Annex A control is, when it
 * looks like one: Annex B, C and D clauses are guidance and lists, not
 * controls. Undefined for ids that are not of that shape.
 */
export function nonControlAnnexId(id: string): string | undefined {
  const m = /^([B-D])\.(\d+(?:\.\d+)*)$/.exec(id);
  if (!m) return undefined;
  const [, annex, rest] = m;
  const head = `${id} is not an ISO/IEC 42001 control: `;
  if (annex === 'B') {
    const a = `A.${rest}`;
    const target = findControl(a) ? a : findTopic(a) || findSubObjective(a) ? a : undefined;
    return `${head}Annex B is the implementation guidance for the Annex A controls${target ? ` (${id} is the guidance for ${target})` : ''}`;
  }
  if (annex === 'C')
    return `${head}Annex C lists potential AI-related organisational objectives (C.2) and risk sources (C.3) to consider when setting objectives and assessing risks`;
  return `${head}Annex D describes the use of the AI management system across domains and sectors`;
}

/** For ids with a letter after D (E.4.2): ISO/IEC 42001 has Annexes A to D only. */
export function foreignAnnexId(id: string): string | undefined {
  return /^[E-Z]\.\d+(?:\.\d+)*$/.test(id)
    ? `${id} is not an ISO/IEC 42001 id: the standard has Annexes A to D, so ${id} comes from another framework`
    : undefined;
}
