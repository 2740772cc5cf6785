// The last step of every long-running command (start, serve, worker, rest-proxy) once it has closed what it
// opened: a library's timer (@discordjs/ws keeps a 500 ms reconnect timer after client.destroy(), a pool's idle
// timer) must not keep a stopped process alive until a supervisor kills it. The process exits once the rest
// drains, or after a moment at most (unref'd, so it never delays a clean exit).
export const afterStop = {
  /** A seam: tests that run a command inside their own process, which must go on, replace it. */
  exit(): void {
    setTimeout(() => process.exit(), 2000).unref();
  },
};
