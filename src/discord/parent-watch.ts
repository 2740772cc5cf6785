// Noticing that whoever started the bot is gone. npm (and npx) exit on SIGTERM without waiting for the script
// they run, and on SIGKILL leave its shell behind: a supervisor that signals npm's pid then sees its service stop
// while the bot, orphaned, keeps the token's gateway session, and the restart starts a second bot on it. A shard
// process's manager can die the same way. Only these parents are watched: a bot started by a shell with `nohup …
// &` or by a daemonizing wrapper is meant to outlive its parent.
import { readFileSync } from 'node:fs';

export interface ParentWatch {
  /** The pids watched: the parent, up to npm (empty when only the IPC channel is watched). */
  chain: readonly number[];
  /** Resolves with a sentence saying which parent went away. */
  gone: Promise<string>;
  stop(): void;
}

/** How often the process tree is looked at: cheap (a few /proc reads), and a second is soon enough. */
const POLL_MS = 1000;

/** `pid`'s parent, read from /proc (Linux); undefined when the process is gone or /proc is unavailable. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": the command name may hold spaces and parentheses, so read after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `pid` runs this same npm script (the shell npm runs scripts with): its environment says so. */
function runsSameScript(pid: number, env: NodeJS.ProcessEnv): boolean {
  try {
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    return (
      environ.includes(`npm_lifecycle_event=${env.npm_lifecycle_event}`) &&
      environ.includes(`npm_lifecycle_script=${env.npm_lifecycle_script ?? ''}`)
    );
  } catch {
    return false;
  }
}

/**
 * The processes from this one's parent up to npm: the shells npm started for this script, then npm itself.
 * Where /proc cannot be read, just the parent.
 */
function npmChain(env: NodeJS.ProcessEnv): number[] {
  const chain = [process.ppid];
  for (let pid = process.ppid; chain.length < 5 && runsSameScript(pid, env); ) {
    const parent = parentOf(pid);
    if (parent === undefined || parent <= 1) break;
    chain.push(parent);
    pid = parent;
  }
  return chain;
}

/**
 * Watches the parent when npm/npx started the bot (npm sets `npm_lifecycle_event` for its scripts), and the IPC
 * channel when there is one (a ShardingManager's child). Undefined when there is nothing to watch.
 */
export function watchParent(env: NodeJS.ProcessEnv = process.env): ParentWatch | undefined {
  const underNpm = Boolean(env.npm_lifecycle_event);
  const ipc = process.connected;
  if (!underNpm && !ipc) return undefined;
  let resolveGone!: (why: string) => void;
  const gone = new Promise<string>((resolve) => {
    resolveGone = resolve;
  });
  const chain = underNpm ? npmChain(env) : [];
  const npm = chain.at(-1);
  const timer = underNpm
    ? setInterval(() => {
        // Each link must still be there: our parent, and every shell's parent up to npm.
        const broken =
          process.ppid !== chain[0] || chain.slice(0, -1).some((pid, i) => parentOf(pid) !== chain[i + 1]);
        if (broken) resolveGone(`npm (pid ${npm}), which started the bot, is gone`);
      }, POLL_MS)
    : undefined;
  // Polling must not keep a bot that is otherwise done from exiting.
  timer?.unref();
  const onDisconnect = () => resolveGone('the IPC channel to the parent process (the shard manager) closed');
  if (ipc) process.once('disconnect', onDisconnect);
  return {
    chain,
    gone,
    stop() {
      if (timer) clearInterval(timer);
      process.off('disconnect', onDisconnect);
    },
  };
}
