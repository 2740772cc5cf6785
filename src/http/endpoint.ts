// POST /interactions: Discord's signed requests in, the router's first response out as the HTTP body. Refused
// before the router: another method (405), a body over 1 MiB (413), a missing, malformed or wrong signature or a
// stale timestamp (401, nothing worth reading), a body that is not a JSON interaction (400).
import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type APIInteraction, InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import type { InteractionRouter } from '../discord/router';
import type { Logger } from '../logger';
import type { EndpointMetrics, RequestOutcome } from './metrics';
import { checkSignature } from './signature';
import type { HttpTransport } from './transport';

/** Discord's interactions are a few KiB; nothing it sends comes near this. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface EndpointOptions {
  publicKey: KeyObject;
  router: InteractionRouter;
  transport: HttpTransport;
  logger: Logger;
  /** Milliseconds since the epoch, for the timestamp check; injected in tests. */
  now?: () => number;
  metrics?: EndpointMetrics;
}

export interface Endpoint {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** New requests get 503 from now on (a load balancer tries another replica); those in flight finish. */
  drain(): Promise<void>;
}

const PLAIN = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

function plain(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...PLAIN, ...headers });
  res.end(`${text}\n`);
}

/** The body, or undefined once it passed `limit` bytes (reading stops there). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function isInteraction(value: unknown): value is APIInteraction {
  if (typeof value !== 'object' || value === null) return false;
  const { type, id, token, application_id } = value as Record<string, unknown>;
  return (
    typeof type === 'number' &&
    typeof id === 'string' &&
    typeof token === 'string' &&
    typeof application_id === 'string'
  );
}

/** Writes a JSON body; resolves when it has gone out, or the connection closed first. */
function answerWith(res: ServerResponse) {
  return (body: unknown) =>
    new Promise<void>((resolve) => {
      res.once('close', resolve);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body), resolve);
    });
}

export function createEndpoint(options: EndpointOptions): Endpoint {
  const { publicKey, router, transport, logger, metrics } = options;
  const now = options.now ?? Date.now;
  let draining = false;
  const count = (outcome: RequestOutcome) => metrics?.request(outcome);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      count('method');
      return plain(res, 405, 'method not allowed', { allow: 'POST' });
    }
    if (draining) {
      count('draining');
      return plain(res, 503, 'shutting down', { connection: 'close' });
    }
    const tooLarge = () => {
      count('too-large');
      // Not read further: the connection goes once the answer is out.
      res.once('finish', () => req.destroy());
      plain(res, 413, 'payload too large', { connection: 'close' });
    };
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge();
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body) return tooLarge();
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? undefined : value;
    };
    const refused = checkSignature(
      publicKey,
      { signature: header('x-signature-ed25519'), timestamp: header('x-signature-timestamp'), body },
      now(),
    );
    if (refused) {
      count(refused);
      logger.debug({ reason: refused }, 'interaction request refused');
      return plain(res, 401, 'invalid request signature');
    }
    let interaction: unknown;
    try {
      interaction = JSON.parse(body.toString('utf8'));
    } catch {
      interaction = undefined;
    }
    if (!isInteraction(interaction)) {
      count('not-json');
      return plain(res, 400, 'not an interaction');
    }
    const answer = answerWith(res);
    if (interaction.type === InteractionType.Ping) {
      count('ping');
      return answer({ type: InteractionResponseType.Pong });
    }
    transport.expect(interaction, answer);
    await router.handle(interaction);
    if (transport.settle(interaction)) return count('routed');
    // A kind of interaction the router does not answer: Discord tells the user it failed.
    count('unanswered');
    logger.warn({ interactionId: interaction.id, type: interaction.type }, 'interaction not answered');
    if (!res.headersSent) plain(res, 400, 'interaction not supported');
  }

  return {
    handle,
    async drain() {
      draining = true;
      await router.idle();
    },
  };
}
