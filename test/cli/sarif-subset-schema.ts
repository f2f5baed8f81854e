/**
 * The part of the SARIF 2.1.0 schema (OASIS Standard, errata 01) that covers
 * every property `aims check --format sarif` writes, written out here for the
 * tests: same property names, required properties, types, enums, minimums and
 * URI formats, and `additionalProperties: false` as in the published schema,
 * so a misspelt or misplaced property fails as it would there. (The published
 * schema file is not copied into the repository.)
 */
const message = {
  type: 'object',
  additionalProperties: false,
  properties: { text: { type: 'string' }, markdown: { type: 'string' }, id: { type: 'string' } },
  anyOf: [{ required: ['text'] }, { required: ['id'] }],
};
const multiformatMessageString = {
  type: 'object',
  additionalProperties: false,
  properties: { text: { type: 'string' }, markdown: { type: 'string' } },
  required: ['text'],
};
const artifactLocation = {
  type: 'object',
  additionalProperties: false,
  properties: {
    uri: { type: 'string', format: 'uri-reference' },
    uriBaseId: { type: 'string' },
    index: { type: 'integer', minimum: -1 },
    description: message,
  },
};
const level = { enum: ['none', 'note', 'warning', 'error'] };
const positive = { type: 'integer', minimum: 1 };

export const SARIF_SUBSET_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            additionalProperties: false,
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                additionalProperties: false,
                required: ['name'],
                properties: {
                  name: { type: 'string' },
                  version: { type: 'string' },
                  semanticVersion: { type: 'string' },
                  informationUri: { type: 'string', format: 'uri' },
                  rules: {
                    type: 'array',
                    uniqueItems: true,
                    items: {
                      type: 'object',
                      additionalProperties: false,
                      required: ['id'],
                      properties: {
                        id: { type: 'string' },
                        name: { type: 'string' },
                        shortDescription: multiformatMessageString,
                        fullDescription: multiformatMessageString,
                        help: multiformatMessageString,
                        helpUri: { type: 'string', format: 'uri' },
                        defaultConfiguration: {
                          type: 'object',
                          additionalProperties: false,
                          properties: { enabled: { type: 'boolean' }, level, rank: { type: 'number', minimum: -1, maximum: 100 } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          originalUriBaseIds: { type: 'object', additionalProperties: artifactLocation },
          results: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['message'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: -1 },
                level,
                message,
                locations: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        additionalProperties: false,
                        properties: {
                          artifactLocation,
                          region: {
                            type: 'object',
                            additionalProperties: false,
                            properties: { startLine: positive, startColumn: positive, endLine: positive, endColumn: positive },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** RFC 3986 characters: unreserved, reserved and percent-encoded octets (no space, no bare `%`, nothing beyond ASCII). */
const URI_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** A URI reference (RFC 3986 section 4.1): an absolute URI, or a relative reference whose first segment has no colon. */
export function isUriReference(s: string): boolean {
  if (!URI_CHARS.test(s) || s.split('#').length > 2) return false;
  if (SCHEME.test(s)) return isUri(s);
  const firstSegment = s.split(/[/?#]/)[0];
  return !firstSegment.includes(':');
}

/** An absolute URI (RFC 3986 section 3) with a scheme of two letters or more (so `c:/x` is a path, not a URI). */
export function isUri(s: string): boolean {
  return URI_CHARS.test(s) && s.split('#').length <= 2 && /^[A-Za-z][A-Za-z0-9+.-]+:/.test(s);
}
