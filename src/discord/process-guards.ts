// Process-level safety net: nothing fails silently, and a broken process says why before it exits.
import type { Logger } from '../logger';

export function installProcessGuards(logger: Logger): () => void {
  const onRejection = (reason: unknown) => logger.error({ err: reason }, 'unhandled promise rejection');
  const onException = (error: Error) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting');
    // State after an uncaught exception is unknown; a supervisor restarting the bot is safer than limping on.
    process.exit(1);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
