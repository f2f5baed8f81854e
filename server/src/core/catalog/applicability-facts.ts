import { applicableDuties, classify, profileKey, type Classification, type SystemProfile } from './applicability-eval';
import { memo } from '../memo';

/**
 * A fact of a record that decides which duties apply. A fact is *undecided*
 * for a record when the record does not state it and stating it would change
 * the duties (or the classification): the checker names those facts, and the
 * New AI System Record command asks exactly those questions.
 */
export interface FactQuestion {
  /** The key as written in the record (`publicBody`, `classification.thirdPartyAssessment` …). */
  key: string;
  /** What the list assumes while the record is silent. */
  assumed: string;
  /** The question, in the words of the Act, with its article. */
  question: string;
  /** The answers: the value to record and the profile it gives. */
  answers: readonly { label: string; value: string; apply: (p: SystemProfile) => SystemProfile }[];
  unset: (p: SystemProfile) => boolean;
}

const yesNo = (set: (p: SystemProfile, v: boolean) => SystemProfile): FactQuestion['answers'] => [
  { label: 'Yes', value: 'true', apply: (p) => set(p, true) },
  { label: 'No', value: 'false', apply: (p) => set(p, false) },
];

export const FACT_QUESTIONS: readonly FactQuestion[] = [
  {
    key: 'classification.thirdPartyAssessment',
    assumed: 'true, as the tier is high',
    question:
      'Must the product (or the AI system as a product) undergo a third-party conformity assessment under the Annex I legislation? (Art. 6(1)(b))',
    answers: yesNo((p, v) => ({ ...p, thirdPartyAssessment: v })),
    unset: (p) => p.thirdPartyAssessment === undefined,
  },
  {
    key: 'publicBody',
    assumed: 'false',
    question: 'Is the deployer a body governed by public law, or a private entity providing public services? (Art. 27(1))',
    answers: yesNo((p, v) => ({ ...p, publicBody: v })),
    unset: (p) => p.publicBody === undefined,
  },
  {
    key: 'publicAuthority',
    assumed: 'false',
    question:
      'Is the system used by (or on behalf of) a public authority or a Union institution, body, office or agency? (Art. 26(8), 49(3), 111(2))',
    answers: yesNo((p, v) => ({ ...p, publicAuthority: v })),
    unset: (p) => p.publicAuthority === undefined,
  },
  {
    key: 'establishment',
    assumed: 'eu',
    question: 'Where is the provider established? (Art. 22(1), 54(1))',
    answers: [
      { label: 'In the EU', value: 'eu', apply: (p) => ({ ...p, establishment: 'eu' }) },
      { label: 'In a third country', value: 'third-country', apply: (p) => ({ ...p, establishment: 'third-country' }) },
    ],
    unset: (p) => p.establishment === undefined,
  },
  {
    key: 'systemicRisk',
    assumed: 'false',
    question: 'Does the model have systemic risk (high-impact capabilities, or designated by the Commission)? (Art. 51, 55)',
    answers: yesNo((p, v) => ({ ...p, systemicRisk: v })),
    unset: (p) => p.systemicRisk === undefined && p.generalPurposeModel === true,
  },
  {
    key: 'openSource',
    assumed: 'false',
    question:
      'Is the model released under a free and open-source licence, with its weights, architecture and usage information public? (Art. 53(2), 54(6))',
    answers: yesNo((p, v) => ({ ...p, openSource: v })),
    unset: (p) => p.openSource === undefined,
  },
  {
    key: 'usedIn',
    assumed: 'neither workplace nor education',
    question: 'Is the system used at the workplace or in education institutions? (Art. 5(1)(f))',
    answers: [
      { label: 'At the workplace', value: 'workplace', apply: (p) => ({ ...p, usedIn: ['workplace'] }) },
      { label: 'In education institutions', value: 'education', apply: (p) => ({ ...p, usedIn: ['education'] }) },
      { label: 'Neither', value: '', apply: (p) => ({ ...p, usedIn: [] }) },
    ],
    unset: (p) => p.usedIn === undefined || p.usedIn.length === 0,
  },
  {
    key: 'medicalOrSafety',
    assumed: 'false',
    question: 'Is the emotion recognition intended for medical or safety reasons? (Art. 5(1)(f))',
    answers: yesNo((p, v) => ({ ...p, medicalOrSafety: v })),
    unset: (p) => p.medicalOrSafety === undefined,
  },
];

function outcome(p: SystemProfile): { c: Classification; refs: string[] } {
  return { c: classify(p), refs: applicableDuties(p).map((d) => d.duty.ref) };
}

/** What differs between two outcomes, in words ('Art. 27', 'whether Art. 5(1)(f) prohibits it'). */
function difference(a: ReturnType<typeof outcome>, b: ReturnType<typeof outcome>): string[] {
  // A changed classification says it all: the duties follow from it.
  if (!!a.c.prohibitedBy !== !!b.c.prohibitedBy) return [`whether ${(a.c.prohibitedBy ?? b.c.prohibitedBy)!.creates} prohibits it`];
  if (a.c.regime !== b.c.regime) return ['whether the system is high-risk (Art. 6(1)(b))'];
  const out: string[] = [];
  const refs = [...a.refs.filter((r) => !b.refs.includes(r)), ...b.refs.filter((r) => !a.refs.includes(r))];
  return [...out, ...new Set(refs)];
}

const factsMemo = memo<readonly { fact: FactQuestion; decides: string[] }[]>();

/** The facts a record leaves out that would change its duties, each with what it decides. */
export function undecidedFacts(p: SystemProfile): readonly { fact: FactQuestion; decides: string[] }[] {
  return factsMemo(profileKey(p), () => undecided(p));
}

function undecided(p: SystemProfile): { fact: FactQuestion; decides: string[] }[] {
  const base = outcome(p);
  if (base.c.regime === 'prohibited' && !base.c.prohibitedBy) return [];
  const out: { fact: FactQuestion; decides: string[] }[] = [];
  for (const fact of FACT_QUESTIONS) {
    if (!fact.unset(p)) continue;
    const decides = [...new Set(fact.answers.flatMap((a) => difference(base, outcome(a.apply(p)))))];
    if (decides.length) out.push({ fact, decides });
  }
  return out;
}
