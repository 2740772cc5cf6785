// The loader trusts records whose hash matches, so a change to the record schemas must come with a new
// INDEX_SCHEMA_VERSION: then old index files are refused (and ensureIndex recompiles) instead of being read
// with fields missing.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { INDEX_SCHEMA_VERSION, IndexFileSchema } from '../../src/knowledge/knowledge-base';

/** The JSON Schema of the index, hashed, for each schema version. */
const FINGERPRINTS: Record<number, string> = {
  1: '5bae68a1c9022b08db50fff3a885a4c290aca68ef01c803cf38ed8d72b04cc36',
  2: '72385e478580425a5a35521cc8f494fee221ad58677536994567cfab6b2986d8',
  3: 'b121dba08a0e33f2f16a69d729a8e945087934c8901f184eb7ee4a94ce939268',
  4: '0f09ebb197f715fae609b65f63ff6ad7a99a4a6751c2d12566f0908db16cb547',
};

it('bumps INDEX_SCHEMA_VERSION whenever the index schema changes', () => {
  const schema = JSON.stringify(z.toJSONSchema(IndexFileSchema, { io: 'output', unrepresentable: 'any' }));
  const fingerprint = createHash('sha256').update(schema).digest('hex');
  expect(
    fingerprint,
    `the index schema changed: bump INDEX_SCHEMA_VERSION in src/knowledge/knowledge-base.ts and record ${fingerprint} for it here`,
  ).toBe(FINGERPRINTS[INDEX_SCHEMA_VERSION]);
});
