// Validates each written record against its zod schema, and flags fields the schema does not know (likely typos).
import { z } from 'zod';
import { dotted, recordLabel } from './field-path';
import type { FieldPath, SeedFile } from './read-seeds';
import { type Kind, type RecordOf, SeedSchemas } from './schema';
import type { SeedError } from './seed-error';
import { closest } from './suggest';

/** A record that passed its schema, with where it came from. */
export interface Located<K extends Kind = Kind> {
  kind: K;
  index: number;
  file: SeedFile;
  record: RecordOf[K];
  /** `people[liu-zhen]`: the start of every path that names a field of this record. */
  label: string;
}

export type ValidRecords = { [K in Kind]: Located<K>[] };

function valueAt(item: unknown, fieldPath: FieldPath): unknown {
  let value = item;
  for (const segment of fieldPath) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function issueMessage(issue: z.core.$ZodIssue, item: unknown): string {
  const field = issue.path.at(-1);
  if (issue.code === 'invalid_type' && valueAt(item, issue.path as FieldPath) === undefined) {
    return field === 'sources'
      ? 'missing `sources`: every fact needs at least one source'
      : `missing required field \`${String(field)}\``;
  }
  if (issue.code === 'invalid_type' && issue.expected === 'string') {
    const value = valueAt(item, issue.path as FieldPath);
    if (typeof value === 'number' || typeof value === 'boolean')
      return `${issue.message}; write it in quotes: '${value}'`;
  }
  return issue.message;
}

/** Fields present in the YAML that the schema does not declare; zod would drop them silently. */
function unknownFields(
  schema: z.ZodType,
  value: unknown,
  at: FieldPath,
  out: { at: FieldPath; hint: string }[],
) {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) {
    unknownFields(schema.def.innerType as z.ZodType, value, at, out);
  } else if (schema instanceof z.ZodArray && Array.isArray(value)) {
    value.forEach((v, i) => {
      unknownFields(schema.element as z.ZodType, v, [...at, i], out);
    });
  } else if (schema instanceof z.ZodObject && value && typeof value === 'object' && !Array.isArray(value)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    for (const [key, v] of Object.entries(value)) {
      const known = shape[key];
      if (known) unknownFields(known, v, [...at, key], out);
      else {
        const near = closest(key, Object.keys(shape));
        out.push({ at: [...at, key], hint: near ? `; did you mean \`${near}\`?` : '' });
      }
    }
  }
}

export function validateRecords(files: readonly SeedFile[]): { valid: ValidRecords; errors: SeedError[] } {
  const valid = Object.fromEntries(Object.keys(SeedSchemas).map((k) => [k, []])) as unknown as ValidRecords;
  const errors: SeedError[] = [];
  for (const file of files) {
    const schema: z.ZodType = SeedSchemas[file.kind];
    file.items.forEach((item, index) => {
      const label = recordLabel(file.kind, index, item);
      const fail = (fieldPath: FieldPath, message: string) =>
        errors.push({
          file: file.file,
          line: file.lineOf([index, ...fieldPath]),
          path: dotted(label, fieldPath),
          message,
        });
      const extra: { at: FieldPath; hint: string }[] = [];
      unknownFields(schema, item, [], extra);
      for (const e of extra) fail(e.at, `unknown field \`${String(e.at.at(-1))}\`${e.hint}`);
      const parsed = schema.safeParse(item);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) fail(issue.path as FieldPath, issueMessage(issue, item));
        return;
      }
      (valid[file.kind] as Located[]).push({
        kind: file.kind,
        index,
        file,
        record: parsed.data as RecordOf[Kind],
        label,
      } as Located);
    });
  }
  return { valid, errors };
}
