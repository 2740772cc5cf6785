// One problem found in the seeds, located well enough for a person to fix it in an editor.
export interface SeedError {
  /** The seed file as given to the compiler, relative to the working directory: `seeds/people.yaml`. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  /** `people[liu-zhen].roles[0].organisation`: the kind, the record (by id, or by position when it has no id), the field. */
  path: string;
  message: string;
}

export function formatSeedError(e: SeedError): string {
  return `${e.file}:${e.line}: ${e.path}: ${e.message}`;
}

/** Errors in reading order: by file, then by line, so a long list reads like an editor's problem list. */
export function sortSeedErrors(errors: readonly SeedError[]): SeedError[] {
  return [...errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
