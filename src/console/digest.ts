// Placeholder until the digest subcommand lands.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('shiting digest: not available yet\n');
  return 2;
}
