import * as V from './server/src/core/rules/schema-validators.generated';
import { parseFile } from './server/src/core';
import { soa } from './test/helpers/fixtures';
const f = parseFile('/ws/soa.aims.yaml', soa().replace('    justification: Needed', '    justifcation: Needed'));
const v = (V as any).StatementOfApplicability; v(f.value()); console.log(v.errors.slice(0,3));
