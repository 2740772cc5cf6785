// The HTTP transport on its own: the first response is the request's answer; one with files (which a JSON body
// cannot carry) becomes the matching deferral and an edit of @original over REST, files attached.
import { type APIInteractionResponse, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { InteractionTransport } from '../../src/discord/transport';
import { httpTransport } from '../../src/http/transport';

const FILE = { name: 'chart.png', data: new Uint8Array([1, 2, 3]) };

function recorded() {
  const calls: string[] = [];
  const rest: InteractionTransport = {
    respond: async () => void calls.push('callback'),
    editOriginal: async (_i, payload, files) =>
      void calls.push(`edit ${JSON.stringify(payload)} ${files?.map((f) => f.name).join(',') ?? ''}`),
    followUp: async () => void calls.push('follow-up'),
    deleteOriginal: async () => void calls.push('delete'),
  };
  const answers: APIInteractionResponse[] = [];
  const transport = httpTransport(rest);
  const interaction = { id: '1', application_id: '2', token: 't' };
  transport.expect(interaction, async (response) => void answers.push(response));
  return { calls, answers, transport, interaction };
}

describe('httpTransport', () => {
  it('answers the request with the first response, and says so once', async () => {
    const { calls, answers, transport, interaction } = recorded();
    const response = {
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: 'hi' },
    } as const;
    await transport.respond(interaction, response);
    expect(answers).toEqual([response]);
    expect(calls).toEqual([]);
    expect(transport.settle(interaction)).toBe(true);
    expect(transport.settle(interaction)).toBe(false);
  });

  it.each([
    [
      'a message',
      { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'c' } },
      { type: InteractionResponseType.DeferredChannelMessageWithSource },
    ],
    [
      'an ephemeral message',
      {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { content: 'c', flags: MessageFlags.Ephemeral },
      },
      {
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: { flags: MessageFlags.Ephemeral },
      },
    ],
    [
      'an update of the clicked message',
      { type: InteractionResponseType.UpdateMessage, data: { content: 'c' } },
      { type: InteractionResponseType.DeferredMessageUpdate },
    ],
  ] as const)(
    '%s with files: the deferral answers, the edit carries the files',
    async (_label, response, deferral) => {
      const { calls, answers, transport, interaction } = recorded();
      await transport.respond(interaction, response as APIInteractionResponse, [FILE]);
      expect(answers).toEqual([deferral]);
      expect(calls).toEqual([`edit ${JSON.stringify(response.data)} chart.png`]);
    },
  );

  it('refuses a first response for an interaction no request waits for', async () => {
    const { transport } = recorded();
    await expect(
      transport.respond({ id: '9', application_id: '2', token: 'x' }, { type: InteractionResponseType.Pong }),
    ).rejects.toThrow(/no HTTP request waits for interaction 9/);
  });
});
