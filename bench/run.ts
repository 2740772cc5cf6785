// `npm run bench`: runs every section, prints one table and writes bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { type Figure, met, type Section } from './lib';

type SectionModule = { run: () => Promise<Section[]> };

// Each section lives in its own file; `npm run bench -- lookup` runs only the named ones.
const SECTIONS: Record<string, () => Promise<SectionModule>> = {
  lookup: () => import('./lookup.bench'),
  index: () => import('./index.bench'),
  e2e: () => import('./e2e.bench'),
  digest: () => import('./digest.bench'),
  memory: () => import('./memory.bench'),
  chart: () => import('./chart.bench'),
};

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

function row(f: Figure): string {
  const target = f.target ? `${f.target.op} ${format(f.target.value)}` : '';
  const verdict = met(f) === undefined ? '' : met(f) ? 'met' : 'MISSED';
  return `| ${f.name} | ${format(f.value)} ${f.unit} | ${target} | ${verdict} |`;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = wanted.length ? wanted : Object.keys(SECTIONS);
  const sections: Section[] = [];
  for (const name of names) {
    const load = SECTIONS[name];
    if (!load) throw new Error(`unknown bench section "${name}"; have ${Object.keys(SECTIONS).join(', ')}`);
    process.stderr.write(`bench: ${name}…\n`);
    sections.push(...(await (await load()).run()));
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [`Machine: ${machine}`, ''];
  for (const s of sections) {
    lines.push(`### ${s.title}`, '', '| figure | value | target | |', '| --- | --- | --- | --- |');
    lines.push(...s.figures.map(row));
    for (const n of s.notes ?? []) lines.push('', `> ${n}`);
    lines.push('');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  mkdirSync('bench/results', { recursive: true });
  const json = { machine, date: new Date().toISOString(), sections };
  writeFileSync('bench/results/latest.json', `${JSON.stringify(json, null, 2)}\n`);
}

await main();
