// Placeholder until the ask subcommand lands.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('shiting ask: not available yet\n');
  return 2;
}
