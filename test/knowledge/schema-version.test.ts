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
  4: '82d71b7694124234e4b741d856c0ee8f72edbf46b71eb6bf81fe4a59a71dc056',
  5: '4ced762a017a5deb23627f30f481186ec7bc8d0699a0bdca2ff448a88d4fb664',
  6: '6fdc4ca17fcaadba28117c5b991c8c4e3f48d3c3886d3996d607f3f630f3c7e0',
  7: '344ccb5cbe8fd66b5ed6ea40c12e0671c827f512f1ba94ce8edd1cb9b8f5ea96',
  8: 'ad2c74de8d7a361086d9e0948ffbf36932addf9522db1bbc74206e7965748eba',
  9: '364916823d8ef6a2d910976d9a67e87f9f702bf3f80156af7d4f373ee067b40f',
};

it('bumps INDEX_SCHEMA_VERSION whenever the index schema changes', () => {
  const schema = JSON.stringify(z.toJSONSchema(IndexFileSchema, { io: 'output', unrepresentable: 'any' }));
  const fingerprint = createHash('sha256').update(schema).digest('hex');
  expect(
    fingerprint,
    `the index schema changed: bump INDEX_SCHEMA_VERSION in src/knowledge/knowledge-base.ts and record ${fingerprint} for it here`,
  ).toBe(FINGERPRINTS[INDEX_SCHEMA_VERSION]);
});
