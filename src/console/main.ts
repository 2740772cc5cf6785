// `shiting <subcommand>`: dispatches to one module per subcommand, loaded only when used.
type Runner = (argv: string[]) => Promise<number>;

const SUBCOMMANDS: Record<string, { about: string; load: () => Promise<{ run: Runner }> }> = {
  compile: { about: 'compile seeds/ into the index file', load: () => import('./compile') },
  ask: { about: 'answer a slash command without Discord', load: () => import('./ask') },
  complete: { about: 'print autocomplete choices for a command line', load: () => import('./complete') },
  click: {
    about: 'answer a button or select menu of a reply by its custom_id',
    load: () => import('./click'),
  },
  digest: { about: 'preview the on-this-date digest for a date', load: () => import('./digest') },
  deploy: { about: 'register the slash commands with Discord', load: () => import('./deploy') },
  start: { about: 'run the bot (same as npm start)', load: () => import('../discord/start') },
  serve: {
    about: 'answer interactions over HTTP (Interactions Endpoint URL)',
    load: () => import('../http/serve'),
  },
  worker: { about: 'post digests over REST, sharing DATABASE_URL', load: () => import('../digest/worker') },
  'rest-proxy': {
    about: "one Discord rate-limit budget for all of the bot's processes",
    load: () => import('../ops/rest-proxy'),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(SUBCOMMANDS).map((name) => name.length));
  const lines = Object.entries(SUBCOMMANDS).map(([name, s]) => `  ${name.padEnd(width)} ${s.about}`);
  return `usage: shiting <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nshiting <command> --help lists its flags.\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  // A mistake, as in every subcommand: one line saying what is wrong, the usage, on stderr, exit 2.
  if (!name) {
    process.stderr.write(`shiting: give a command\n\n${usage()}`);
    return 2;
  }
  const sub = SUBCOMMANDS[name];
  if (!sub) {
    process.stderr.write(`shiting: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const module = await sub.load();
  return module.run(rest);
}
