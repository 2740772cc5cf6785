// Placeholder until the Discord runtime lands.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('shiting start: the Discord runtime is not available yet; try `npx shiting ask`.\n');
  return 1;
}
