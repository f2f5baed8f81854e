import { annexIIIAreas } from './act';

/**
 * What each Annex III use case is, in a few words of our own (Regulation (EU)
 * 2024/1689, Annex III, points 1–8), for pickers and completion lists where
 * "Annex III(5)(b)" alone says nothing. Short labels, not the Act's text:
 * the hover on a reference names the area's heading as the Act words it.
 */
const USES: Record<string, string> = {
  '1a': 'remote biometric identification (not mere verification of a claimed identity)',
  '1b': 'biometric categorisation by sensitive or protected attributes',
  '1c': 'emotion recognition',
  '2': 'safety components of critical digital infrastructure, road traffic, water, gas, heating or electricity supply',
  '3a': 'access, admission or assignment to education and vocational training',
  '3b': 'evaluating learning outcomes, including steering the learning process',
  '3c': 'assessing the level of education a person will receive or access',
  '3d': 'monitoring and detecting prohibited behaviour of students during tests (exam proctoring)',
  '4a': 'recruitment or selection: targeted job ads, filtering applications, evaluating candidates',
  '4b': 'decisions on work terms, promotion or termination; task allocation; monitoring and evaluating workers',
  '5a': 'public authorities: eligibility for essential public assistance benefits and services, granting or revoking them',
  '5b': 'creditworthiness / credit score of natural persons (not fraud detection)',
  '5c': 'risk assessment and pricing for life and health insurance',
  '5d': 'evaluating and classifying emergency calls; dispatch and triage of emergency services',
  '6a': 'law enforcement: risk of a person becoming the victim of a crime',
  '6b': 'law enforcement: polygraphs and similar tools',
  '6c': 'law enforcement: reliability of evidence',
  '6d': 'law enforcement: risk of offending or re-offending; personality traits or past criminal behaviour',
  '6e': 'law enforcement: profiling in the detection, investigation or prosecution of crimes',
  '7a': 'migration and border control: polygraphs and similar tools',
  '7b': 'migration and border control: security, irregular-migration or health risks of a person',
  '7c': 'examining applications for asylum, visas or residence permits, and related complaints',
  '7d': 'migration and border control: detecting, recognising or identifying persons (not travel-document checks)',
  '8a': 'assisting a judicial authority (or alternative dispute resolution) in researching facts and law and applying the law',
  '8b': 'influencing the outcome of an election or referendum, or voting behaviour',
};

/** One Annex III use case: `Annex III(5)(b)`, its area and what it covers. */
export interface AnnexIIIUse {
  ref: string;
  point: number;
  letter?: string;
  area: string;
  use: string;
}

/** What one Annex III point covers (`annexIIIUse(5, 'b')`), if the Annex has it. */
export function annexIIIUse(point: number, letter?: string): string | undefined {
  return USES[`${point}${letter ?? ''}`];
}

/** Every Annex III use case, in the Annex's order (area 2 has no lettered points). */
export function annexIIIUses(): AnnexIIIUse[] {
  return annexIIIAreas().flatMap((a) =>
    (a.points.length ? a.points : [undefined]).map((letter) => ({
      ref: `Annex III(${a.point})${letter ? `(${letter})` : ''}`,
      point: a.point,
      letter,
      area: a.title,
      use: annexIIIUse(a.point, letter) ?? '',
    })),
  );
}
