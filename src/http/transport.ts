// The router's transport over HTTP: an interaction's first response is the body of the request it came on; what
// follows (the edit after a deferral, follow-ups) goes through the interaction-token webhook routes over REST, as
// on the gateway. Nothing is kept once the request is answered, so any replica can take the next interaction.
import {
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { InteractionRef, InteractionTransport } from '../discord/transport';
import { isEphemeral } from '../render/reply';

/** Writes the HTTP answer; resolves once it has gone out (or the connection is gone). */
export type Answer = (response: APIInteractionResponse) => Promise<void>;

export interface HttpTransport extends InteractionTransport {
  /** The request this interaction came on: its first response goes there. Call before routing it. */
  expect(interaction: InteractionRef, answer: Answer): void;
  /** Whether its first response went out; forgets the request either way. */
  settle(interaction: InteractionRef): boolean;
}

/**
 * `rest` carries everything after the first response (restTransport with a REST client for the webhook routes).
 * A first response with files cannot be an HTTP body of JSON: it goes out as a deferral (ephemeral when the
 * reply is; type 6 for an update of a clicked message) and the reply, files attached, as the edit of `@original`.
 */
/** The deferral standing in for a message (type 4) or an update (type 7) whose files a JSON body cannot carry. */
function deferralOf(response: APIInteractionResponse): APIInteractionResponse | undefined {
  if (response.type === InteractionResponseType.UpdateMessage)
    return { type: InteractionResponseType.DeferredMessageUpdate };
  if (response.type !== InteractionResponseType.ChannelMessageWithSource || !response.data) return undefined;
  return {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    ...(isEphemeral(response.data) ? { data: { flags: MessageFlags.Ephemeral } } : {}),
  };
}

export function httpTransport(rest: InteractionTransport): HttpTransport {
  const waiting = new WeakMap<InteractionRef, Answer>();
  const answered = new WeakSet<InteractionRef>();
  return {
    expect(interaction, answer) {
      waiting.set(interaction, answer);
    },
    settle(interaction) {
      waiting.delete(interaction);
      const done = answered.has(interaction);
      answered.delete(interaction);
      return done;
    },
    async respond(interaction, response, files) {
      const answer = waiting.get(interaction);
      if (!answer)
        throw new Error(`no HTTP request waits for interaction ${interaction.id}'s first response`);
      waiting.delete(interaction);
      answered.add(interaction);
      const deferral = files?.length ? deferralOf(response) : undefined;
      if (deferral && 'data' in response && response.data) {
        await answer(deferral);
        await rest.editOriginal(interaction, response.data as APIInteractionResponseCallbackData, files);
        return;
      }
      await answer(response);
    },
    editOriginal: (interaction, payload, files) => rest.editOriginal(interaction, payload, files),
    followUp: (interaction, payload, files) => rest.followUp(interaction, payload, files),
    deleteOriginal: (interaction) => rest.deleteOriginal(interaction),
  };
}
