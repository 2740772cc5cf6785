// How responses reach Discord: the interaction callback and webhook routes, over REST, files attached.
import type { REST } from '@discordjs/rest';
import {
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  Routes,
} from 'discord-api-types/v10';
import type { ReplyFile } from '../../commands/types';

export interface InteractionRef {
  id: string;
  application_id: string;
  token: string;
}

export interface InteractionTransport {
  /** The first response: a message, a deferral, or autocomplete choices. */
  respond(
    interaction: InteractionRef,
    response: APIInteractionResponse,
    files?: readonly ReplyFile[],
  ): Promise<void>;
  /** Replace the deferred ("thinking…") response with the reply. */
  editOriginal(
    interaction: InteractionRef,
    payload: APIInteractionResponseCallbackData,
    files?: readonly ReplyFile[],
  ): Promise<void>;
  followUp(
    interaction: InteractionRef,
    payload: APIInteractionResponseCallbackData,
    files?: readonly ReplyFile[],
  ): Promise<void>;
  deleteOriginal(interaction: InteractionRef): Promise<void>;
}

/** The payload with an `attachments` entry per file, as Discord wants for multipart uploads. */
export function withAttachments(
  payload: APIInteractionResponseCallbackData,
  files: readonly ReplyFile[] | undefined,
): APIInteractionResponseCallbackData {
  if (!files?.length || payload.attachments) return payload;
  return {
    ...payload,
    attachments: files.map((f, id) => ({
      id,
      filename: f.name,
      ...(f.description ? { description: f.description } : {}),
    })),
  };
}

function rawFiles(files: readonly ReplyFile[] | undefined) {
  return files?.length ? files.map((f) => ({ name: f.name, data: f.data })) : undefined;
}

/**
 * Interaction routes authenticate by their token, not the bot's, and Discord exempts them from the global limit.
 * @discordjs/rest exempts only the callback, so the webhook routes of an interaction token (edit, follow-up,
 * delete) go through `webhooks` when given: a REST client of their own, so a burst's edits after deferrals are
 * not held to 50 a second, nor hold up the bot's channel posts.
 */
export function restTransport(rest: REST, webhooks: REST = rest): InteractionTransport {
  return {
    async respond(interaction, response, files) {
      const body =
        'data' in response && response.data && files?.length
          ? { ...response, data: withAttachments(response.data as APIInteractionResponseCallbackData, files) }
          : response;
      await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body,
        files: rawFiles(files),
        auth: false,
      });
    },
    async editOriginal(interaction, payload, files) {
      await webhooks.patch(
        Routes.webhookMessage(interaction.application_id, interaction.token, '@original'),
        {
          body: withAttachments(payload, files),
          files: rawFiles(files),
          auth: false,
        },
      );
    },
    async followUp(interaction, payload, files) {
      await webhooks.post(Routes.webhook(interaction.application_id, interaction.token), {
        body: withAttachments(payload, files),
        files: rawFiles(files),
        auth: false,
      });
    },
    async deleteOriginal(interaction) {
      await webhooks.delete(
        Routes.webhookMessage(interaction.application_id, interaction.token, '@original'),
        {
          auth: false,
        },
      );
    },
  };
}
