// Reading the Prometheus text format in tests: one sample's value by metric name and labels.
import type { Spawned } from '../discord/helpers';

/** The value of the sample `name` whose labels include `labels` (exactly those named); undefined when absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/** The port a spawned process's health server logged it bound ("health and metrics listening"). */
export function listeningPort(spawned: Spawned): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += String(chunk);
      for (const line of seen.split('\n')) {
        if (!line.includes('"msg":"health and metrics listening"')) continue;
        spawned.child.stdout?.off('data', onData);
        resolve((JSON.parse(line) as { port: number }).port);
        return;
      }
    };
    spawned.child.stdout?.on('data', onData);
    void spawned.exit.then(({ output }) => reject(new Error(`exited before listening:\n${output}`)));
  });
}
