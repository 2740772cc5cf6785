// Placeholder until the compile subcommand lands.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('shiting compile: not available yet\n');
  return 2;
}
