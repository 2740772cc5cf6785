/**
 * The fake Discord's HTTP mode: interactions go to an Interactions Endpoint URL, signed as Discord signs them,
 * instead of out on the gateway.
 *
 *   const fake = await startFakeDiscord();
 *   const discord = await startHttpMode(fake);
 *   // serve with DISCORD_PUBLIC_KEY=discord.publicKey, DISCORD_API_URL=discord.apiUrl; then
 *   discord.endpoint = `http://127.0.0.1:${port}/interactions`;
 *   const reply = await discord.sendCommand({ name: 'edition', options: { query: '2023' } });
 *   await discord.close();   // before fake.close()
 *
 * - It holds an Ed25519 key pair (`publicKey`, 64 hex characters, is what the endpoint checks against); `sign`
 *   signs timestamp + body; `post` sends any bytes (signed unless told otherwise) and returns the HTTP answer.
 * - `send(interaction)` signs and POSTs one interaction and returns the HTTP answer with the reply the user
 *   sees: the answer's message (type 4), or for a deferral (type 5) the edit of `@original` that follows over
 *   REST. The answer is recorded in the fake as the interaction's callback (`fake.callbacks`), so everything
 *   the fake keeps of an interaction (its token for the webhook routes, its original message) works as on the
 *   gateway. `sendCommand` and `sendAutocomplete` build and send in one go, as the fake's own do.
 * - Interactions carry what Discord adds over HTTP as on the gateway, and `data.resolved.channels` for every
 *   channel option (id, name, type, and the member's permissions in it).
 * - `apiUrl` is the REST base the endpoint must use: the fake's REST, except that an interaction token's
 *   webhook routes (edits, follow-ups) wait until that interaction's HTTP answer is recorded, as Discord's do;
 *   an endpoint may otherwise edit `@original` before the fake has seen the deferral it answered with.
 * - No gateway session should be open on the same fake: `send` registers each interaction with the fake through
 *   `fake.sendInteraction`, which also dispatches it to the gateway.
 * - `roundRobin(backends)` is the smallest load balancer, for several endpoints behind one URL.
 */
import { generateKeyPairSync, sign as signWith } from 'node:crypto';
import { Agent, createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOptionChoice,
  type APIInteraction,
  ApplicationCommandOptionType,
  ChannelType,
  InteractionType,
} from 'discord-api-types/v10';
import type { AutocompleteSpec, FakeDiscord, InteractionReply, InteractionSpec } from './index';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed, when it was JSON. */
  json?: unknown;
}

export interface PostOptions {
  /** Sent as X-Signature-Ed25519 instead of the real signature; null sends none. */
  signature?: string | null;
  /** Sent as X-Signature-Timestamp (and signed) instead of now; null sends none. */
  timestamp?: string | null;
  method?: string;
  headers?: Record<string, string>;
}

export interface HttpSent {
  answer: HttpAnswer;
  /** The message the user sees: never settles when the answer was not a message or a deferral. */
  reply: Promise<InteractionReply>;
}

export interface HttpDiscord {
  publicKey: string;
  apiUrl: string;
  /** Where interactions are POSTed (an Interactions Endpoint URL). */
  endpoint: string;
  sign(timestamp: string, body: string | Buffer): string;
  post(body: string | Buffer, options?: PostOptions): Promise<HttpAnswer>;
  commandInteraction(spec: InteractionSpec): APIInteraction;
  autocompleteInteraction(spec: AutocompleteSpec): APIInteraction;
  send(interaction: APIInteraction, options?: PostOptions): Promise<HttpSent>;
  sendCommand(spec: InteractionSpec): Promise<InteractionReply>;
  sendAutocomplete(spec: AutocompleteSpec): Promise<APIApplicationCommandOptionChoice[]>;
  close(): Promise<void>;
}

export interface HttpModeOptions {
  endpoint?: string;
  /**
   * Keep-alive connections to the endpoint at most, as Discord keeps a pool of them (default 256): a burst of a
   * thousand new connections at once would overflow the listen backlog and wait out TCP's SYN retries instead.
   */
  connections?: number;
  /** Milliseconds since the epoch, for X-Signature-Timestamp; Date.now by default. */
  now?: () => number;
}

type Option = APIApplicationCommandInteractionDataOption & {
  value?: unknown;
  focused?: boolean;
  options?: Option[];
};

function leaves(options: readonly Option[] | undefined): Option[] {
  return (options ?? []).flatMap((o) => (o.options ? leaves(o.options) : [o]));
}

/** The level holding an interaction's leaf options: inside its subcommand (group), if any. */
function leafList(data: { options?: Option[] }): Option[] {
  let list = data.options ?? [];
  for (;;) {
    const nested = list.find(
      (o) =>
        o.type === ApplicationCommandOptionType.Subcommand ||
        o.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (!nested) return list;
    nested.options ??= [];
    list = nested.options;
  }
}

export async function startHttpMode(fake: FakeDiscord, options: HttpModeOptions = {}): Promise<HttpDiscord> {
  const now = options.now ?? Date.now;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // The raw 32 bytes end the SPKI DER encoding.
  const publicHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const sign = (timestamp: string, body: string | Buffer) =>
    signWith(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), privateKey).toString('hex');

  // Interactions whose HTTP answer is not recorded yet, by token: their webhook calls wait for it.
  const answering = new Map<string, Promise<void>>();
  const upstream = new URL(fake.apiUrl);
  const edge: Server = createServer((req, res) => {
    const token = /\/webhooks\/[^/]+\/([^/?]+)/.exec(req.url ?? '')?.[1];
    const held = token ? answering.get(decodeURIComponent(token)) : undefined;
    void (held ?? Promise.resolve()).then(() => {
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    });
  });
  await new Promise<void>((resolve) => edge.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(edge.address() as AddressInfo).port}/api`;

  const agent = new Agent({ keepAlive: true, maxSockets: options.connections ?? 256 });
  const fetchHeaders = (headers: IncomingHttpHeaders) =>
    new Headers(
      Object.entries(headers).flatMap(([name, value]): [string, string][] =>
        value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
      ),
    );
  const exchange = (method: string, headers: Record<string, string>, body: Buffer) =>
    new Promise<{ status: number; headers: Headers; text: string }>((resolve, reject) => {
      const out = request(mode.endpoint, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: fetchHeaders(res.headers),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      out.on('error', reject);
      out.end(body);
    });

  const mode: HttpDiscord = {
    publicKey: publicHex,
    apiUrl,
    endpoint: options.endpoint ?? '',
    sign,
    async post(body, post = {}) {
      const timestamp = post.timestamp === undefined ? String(Math.floor(now() / 1000)) : post.timestamp;
      const signature =
        post.signature === undefined ? (timestamp === null ? null : sign(timestamp, body)) : post.signature;
      const headers: Record<string, string> = { 'content-type': 'application/json', ...post.headers };
      if (signature !== null) headers['x-signature-ed25519'] = signature;
      if (timestamp !== null) headers['x-signature-timestamp'] = timestamp;
      const method = post.method ?? 'POST';
      const bytes = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(body);
      if (bytes.length > 0) headers['content-length'] = String(bytes.length);
      const response = await exchange(method, headers, bytes);
      let json: unknown;
      if (response.headers.get('content-type')?.includes('json')) json = JSON.parse(response.text);
      return { ...response, json };
    },
    commandInteraction(spec) {
      const interaction = fake.commandInteraction(spec) as APIInteraction & {
        data: { options?: Option[]; resolved?: { channels?: Record<string, unknown> } };
        member?: { permissions: string };
      };
      const channels = leaves(interaction.data.options).filter(
        (o) => o.type === ApplicationCommandOptionType.Channel,
      );
      if (channels.length > 0) {
        const resolved: Record<string, unknown> = {};
        for (const option of channels) {
          const id = String(option.value);
          const known = fake.guilds.flatMap((g) => g.channels ?? []).find((c) => c.id === id);
          resolved[id] = {
            id,
            name: known?.name ?? `channel-${id.slice(-4)}`,
            type: known?.type ?? ChannelType.GuildText,
            permissions: interaction.member?.permissions ?? '0',
          };
        }
        interaction.data.resolved = { ...interaction.data.resolved, channels: resolved };
      }
      return interaction;
    },
    autocompleteInteraction(spec) {
      const interaction = mode.commandInteraction(spec) as APIInteraction & { data: { options?: Option[] } };
      interaction.data.options ??= [];
      const list = leafList(interaction.data);
      const focused = list.find((o) => o.name === spec.focused);
      if (focused) focused.focused = true;
      else
        list.push({
          name: spec.focused,
          type: ApplicationCommandOptionType.String,
          value: '',
          focused: true,
        } as Option);
      return { ...interaction, type: InteractionType.ApplicationCommandAutocomplete } as APIInteraction;
    },
    async send(interaction, post) {
      // Registers the token with the fake (its webhook routes answer it) and a waiter for the reply.
      const pending = fake.sendInteraction(interaction);
      let recorded!: () => void;
      answering.set(
        interaction.token,
        new Promise<void>((resolve) => {
          recorded = resolve;
        }),
      );
      try {
        const answer = await mode.post(JSON.stringify(interaction), post);
        const body = answer.json as { type?: number } | undefined;
        if (answer.status === 200 && typeof body?.type === 'number' && body.type !== 1) {
          // Recorded as the interaction's callback, exactly as if it had come to the callback route.
          const callback = await fetch(
            `${fake.apiUrl}/v10/interactions/${interaction.id}/${interaction.token}/callback`,
            { method: 'POST', headers: { 'content-type': 'application/json' }, body: answer.text },
          );
          await callback.arrayBuffer();
        }
        return { answer, reply: pending.reply };
      } finally {
        recorded();
        answering.delete(interaction.token);
      }
    },
    async sendCommand(spec) {
      const { answer, reply } = await mode.send(mode.commandInteraction(spec));
      if (answer.status !== 200) throw new Error(`the endpoint answered ${answer.status}: ${answer.text}`);
      return reply;
    },
    async sendAutocomplete(spec) {
      const { answer } = await mode.send(mode.autocompleteInteraction(spec));
      const body = answer.json as { type?: number; data?: { choices?: APIApplicationCommandOptionChoice[] } };
      if (answer.status !== 200 || body?.type !== 8)
        throw new Error(`the endpoint answered ${answer.status}: ${answer.text}`);
      return body.data?.choices ?? [];
    },
    async close() {
      agent.destroy();
      edge.closeAllConnections();
      await new Promise<void>((resolve) => edge.close(() => resolve()));
    },
  };
  return mode;
}

export interface RoundRobin {
  url: string;
  /** Which backend (its index) each request went to, in order. */
  served: number[];
  close(): Promise<void>;
}

/** The smallest load balancer: each request to the next backend in turn, body and headers as they came. */
export async function roundRobin(backends: string[]): Promise<RoundRobin> {
  const served: number[] = [];
  let next = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const server: Server = createServer((req, res) => {
    const which = next;
    next = (next + 1) % backends.length;
    served.push(which);
    const target = new URL(backends[which]!);
    const forward = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
