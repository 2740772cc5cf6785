// Placeholder until the deploy subcommand lands.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('shiting deploy: not available yet\n');
  return 2;
}
