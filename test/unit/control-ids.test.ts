import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nonControlAnnexId, unknownControlMessage } from '../../server/src/core/catalog/control-ids';
import { nearestControls, suggestControl } from '../../server/src/core/catalog/iso';
import { checkIsoRef } from '../../server/src/core/catalog/refs';
import { judgeTitle } from '../../server/src/core/catalog/titles';

describe('ids that look like controls but are not', () => {
  const nearest = (id: string): string[] => nearestControls(id).map((c) => c.id);
  it('suggests the nearest real controls, the higher levels weighing most', () => {
    assert.deepEqual(nearest('A.6.2.9'), ['A.6.2.8', 'A.6.2.7']);
    assert.deepEqual(nearest('A.6.2.11'), ['A.6.2.8', 'A.6.2.7']);
    assert.deepEqual(nearest('A.6.1.1'), ['A.6.1.2', 'A.6.1.3']);
    assert.deepEqual(nearest('A.6.3.5'), ['A.6.2.5']);
    assert.deepEqual(nearest('A.9.5'), ['A.9.4']);
    assert.deepEqual(nearest('A.3.4'), ['A.3.3']);
    assert.deepEqual(nearest('A52'), ['A.5.2']);
    assert.equal(suggestControl('A.6.2.44'), 'A.6.2.4');
  });
  it('names them with their titles and the range of their group', () => {
    assert.equal(
      unknownControlMessage('A.9.5'),
      'A.9.5 is not an Annex A control of ISO/IEC 42001 (A.9 has controls A.9.2 to A.9.4); did you mean A.9.4 (Intended use of the AI system)?',
    );
  });
  it('says so wherever a control is referenced, not only in SoA keys', () => {
    const r = checkIsoRef('A.6.2.9');
    assert.equal(r.ok, false);
    assert.equal(
      !r.ok && r.message,
      'ISO/IEC 42001 Annex A has no control A.6.2.9 (A.6.2 has controls A.6.2.2 to A.6.2.8); did you mean A.6.2.8 (AI system recording of event logs) or A.6.2.7 (AI system technical documentation)?',
    );
  });
  it('says what Annex B, C and D clauses are', () => {
    assert.match(nonControlAnnexId('B.7.4') ?? '', /B\.7\.4 is the guidance for A\.7\.4/);
    assert.match(nonControlAnnexId('C.3.1') ?? '', /Annex C lists potential AI-related organisational objectives/);
    assert.match(nonControlAnnexId('D.1') ?? '', /Annex D describes the use of the AI management system/);
    assert.equal(nonControlAnnexId('E.4.2'), undefined);
  });
});

describe('titles judged as an auditor would', () => {
  const kind = (id: string, t: string): string => {
    const v = judgeTitle(id, t);
    return v.kind === 'other' ? `other ${v.control?.id ?? `clause ${v.clause?.id}`}` : v.kind;
  };
  it('accepts spelling, plural, hyphen and article differences as the same title', () => {
    assert.equal(kind('A.2.3', 'Alignment with other organisational policies'), 'same');
    assert.equal(kind('A.6.1.2', 'Objectives for responsible development of AI systems'), 'same');
    assert.equal(kind('A.6.2.8', 'AI system recording of event-logs'), 'same');
    assert.equal(kind('A.9.4', 'Intended use of AI system'), 'same');
  });
  it('takes reordered, shortened and reworded titles as variants', () => {
    assert.equal(kind('A.6.1.3', 'Processes for responsible design and development of AI systems'), 'variant');
    assert.equal(kind('A.4.5', 'Computing and system resources'), 'variant');
    assert.equal(kind('A.7.4', 'Data quality'), 'variant');
    assert.equal(kind('A.5.3', 'Impact assessment records'), 'variant');
  });
  it("names the control or clause whose title it is; says 'different' when it shares too little", () => {
    assert.equal(kind('A.7.4', 'Data provenance'), 'other A.7.5');
    assert.equal(kind('A.2.4', 'AI policy'), 'other A.2.2');
    assert.equal(kind('A.2.2', 'AI risk assessment'), 'other clause 6.1.2');
    assert.equal(kind('A.8.2', 'Customer communication plan'), 'different');
  });
});
