/**
 * Short names of the Annex I and Annex III points that classification turns
 * on, in our words, for pickers, completion and messages. Point numbers,
 * sections and the acts listed are those of Regulation (EU) 2024/1689 as
 * published (OJ L, 2024/1689, 12.7.2024).
 */

export interface AnnexIPoint {
  point: number;
  /** Section A (New Legislative Framework, points 1-12) or B (other legislation, points 13-20). */
  section: 'A' | 'B';
  /** What the legislation covers, briefly. */
  name: string;
  /** The act listed. */
  act: string;
  /** Further words users search for. */
  keywords: string;
}

export const ANNEX_I_POINTS: readonly AnnexIPoint[] = [
  { point: 1, section: 'A', name: 'machinery', act: 'Directive 2006/42/EC', keywords: 'machine robot' },
  { point: 2, section: 'A', name: 'toys', act: 'Directive 2009/48/EC', keywords: 'toy safety' },
  { point: 3, section: 'A', name: 'recreational craft and personal watercraft', act: 'Directive 2013/53/EU', keywords: 'boat' },
  { point: 4, section: 'A', name: 'lifts and safety components for lifts', act: 'Directive 2014/33/EU', keywords: 'elevator' },
  {
    point: 5,
    section: 'A',
    name: 'equipment for potentially explosive atmospheres',
    act: 'Directive 2014/34/EU',
    keywords: 'ATEX explosive',
  },
  { point: 6, section: 'A', name: 'radio equipment', act: 'Directive 2014/53/EU', keywords: 'RED wireless' },
  { point: 7, section: 'A', name: 'pressure equipment', act: 'Directive 2014/68/EU', keywords: 'PED boiler' },
  { point: 8, section: 'A', name: 'cableway installations', act: 'Regulation (EU) 2016/424', keywords: 'ropeway ski lift' },
  { point: 9, section: 'A', name: 'personal protective equipment', act: 'Regulation (EU) 2016/425', keywords: 'PPE' },
  { point: 10, section: 'A', name: 'appliances burning gaseous fuels', act: 'Regulation (EU) 2016/426', keywords: 'gas appliance' },
  { point: 11, section: 'A', name: 'medical devices', act: 'Regulation (EU) 2017/745', keywords: 'MDR medical device' },
  { point: 12, section: 'A', name: 'in vitro diagnostic medical devices', act: 'Regulation (EU) 2017/746', keywords: 'IVDR diagnostic' },
  { point: 13, section: 'B', name: 'civil aviation security', act: 'Regulation (EC) No 300/2008', keywords: 'airport screening' },
  {
    point: 14,
    section: 'B',
    name: 'two- or three-wheel vehicles and quadricycles',
    act: 'Regulation (EU) No 168/2013',
    keywords: 'motorcycle scooter',
  },
  { point: 15, section: 'B', name: 'agricultural and forestry vehicles', act: 'Regulation (EU) No 167/2013', keywords: 'tractor' },
  { point: 16, section: 'B', name: 'marine equipment', act: 'Directive 2014/90/EU', keywords: 'ship' },
  { point: 17, section: 'B', name: 'interoperability of the rail system', act: 'Directive (EU) 2016/797', keywords: 'railway train' },
  { point: 18, section: 'B', name: 'motor vehicles and their trailers', act: 'Regulation (EU) 2018/858', keywords: 'car type-approval' },
  {
    point: 19,
    section: 'B',
    name: 'type-approval of motor vehicles as regards general safety',
    act: 'Regulation (EU) 2019/2144',
    keywords: 'car driver assistance ADAS',
  },
  {
    point: 20,
    section: 'B',
    name: 'civil aviation: unmanned aircraft, their engines, propellers, parts and remote-control equipment',
    act: 'Regulation (EU) 2018/1139',
    keywords: 'drone UAV EASA',
  },
];

/**
 * Annex I points the Digital Omnibus on AI (2026) is reported to add: reported, not verified
 * against the Official Journal, so never used to classify.
 */
export const REPORTED_ANNEX_I_POINTS: readonly AnnexIPoint[] = [
  { point: 21, section: 'B', name: 'machinery', act: 'Regulation (EU) 2023/1230', keywords: 'machine robot' },
];

export function annexIPoint(n: number): AnnexIPoint | undefined {
  return ANNEX_I_POINTS.find((p) => p.point === n);
}

/** The canonical way a record names an Annex I point. */
export function formatAnnexI(n: number): string {
  return `Annex I(${n})`;
}

/**
 * The Annex I point a record's `annexI` value names: `Annex I(11)` (or
 * `Annex I point 11`) gives the point; free text is matched against the acts
 * and names listed, so a warning can suggest the point.
 */
export function parseAnnexI(s: string): { point?: number; suggestion?: number; reported?: AnnexIPoint } {
  const m = /^\s*annex\s+i\s*(?:\(\s*(\d+)\s*\)|,?\s*(?:point|no\.?)\s*(\d+))\s*$/i.exec(s);
  if (m) {
    const n = Number(m[1] ?? m[2]);
    return annexIPoint(n) ? { point: n } : { reported: REPORTED_ANNEX_I_POINTS.find((p) => p.point === n) };
  }
  const t = s.toLowerCase();
  const byNumber = ANNEX_I_POINTS.find((p) => t.includes(/\d+\/\d+/.exec(p.act)![0]));
  // The longest name first, so 'in vitro diagnostic medical devices' is not read as 'medical devices'.
  const byName = [...ANNEX_I_POINTS].sort((a, b) => b.name.length - a.name.length).find((p) => t.includes(p.name.toLowerCase()));
  return { suggestion: (byNumber ?? byName)?.point };
}

/** Annex III use cases in a few words, keyed 'area(letter)' or 'area' for point 2. */
export const ANNEX_III_SHORT: Readonly<Record<string, string>> = {
  '1(a)': 'remote biometric identification (not verification only)',
  '1(b)': 'biometric categorisation by sensitive or protected attributes',
  '1(c)': 'emotion recognition',
  '2': 'critical infrastructure safety component (digital infrastructure, road traffic, water, gas, heating, electricity)',
  '3(a)': 'access or admission to education and vocational training',
  '3(b)': 'evaluating learning outcomes',
  '3(c)': 'assessing the level of education a person will receive',
  '3(d)': 'monitoring prohibited behaviour of students during tests (exam proctoring)',
  '4(a)': 'recruitment or selection: job ads, filtering applications, evaluating candidates',
  '4(b)': 'decisions on work relationships: promotion, termination, task allocation, performance monitoring',
  '5(a)': 'eligibility for essential public assistance benefits and services (by or for public authorities)',
  '5(b)': 'creditworthiness / credit score of natural persons (not fraud detection)',
  '5(c)': 'risk assessment and pricing in life and health insurance',
  '5(d)': 'emergency calls, dispatch of first response, patient triage',
  '6(a)': 'law enforcement: risk of becoming a victim of crime',
  '6(b)': 'law enforcement: polygraphs and similar tools',
  '6(c)': 'law enforcement: reliability of evidence',
  '6(d)': 'law enforcement: risk of offending or re-offending, personality traits',
  '6(e)': 'law enforcement: profiling in criminal investigations',
  '7(a)': 'migration and border control: polygraphs and similar tools',
  '7(b)': 'migration and border control: security, irregular migration or health risk of a person',
  '7(c)': 'examining asylum, visa or residence permit applications',
  '7(d)': 'migration and border control: detecting, recognising or identifying persons (not verifying travel documents)',
  '8(a)': 'assisting judicial authorities or alternative dispute resolution',
  '8(b)': 'influencing elections, referenda or voting behaviour (not campaign logistics tools)',
};

/**
 * What an Annex III point itself leaves out, in the Official Journal's words
 * (Regulation (EU) 2024/1689, Annex III): a system in one of these cases does
 * not fall under the point, whatever else it does.
 */
export const ANNEX_III_EXCLUSIONS: Readonly<Record<string, string>> = {
  '1(a)':
    'This shall not include AI systems intended to be used for biometric verification the sole purpose of which is to confirm that a specific natural person is the person he or she claims to be',
  '5(b)': 'with the exception of AI systems used for the purpose of detecting financial fraud',
  '7(d)': 'with the exception of the verification of travel documents',
  '8(b)':
    'This does not include AI systems to the output of which natural persons are not directly exposed, such as tools used to organise, optimise or structure political campaigns from an administrative or logistical point of view',
};

/** The short key of an Annex III reference ('Annex III(5)(b)' → '5(b)', 'Annex III(2)' → '2'). */
export function annexIIIKey(canonical: string | undefined): string | undefined {
  const m = /^Annex III\((\d)\)(?:\(([a-e])\))?$/.exec(canonical ?? '');
  return m ? (m[2] ? `${m[1]}(${m[2]})` : m[1]) : undefined;
}
