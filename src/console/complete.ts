// Placeholder until the complete subcommand lands.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('shiting complete: not available yet\n');
  return 2;
}
