// What the /digest subcommands share: an ephemeral embed, a run's time.
import { type APIEmbed, MessageFlags } from 'discord-api-types/v10';
import { DateTime } from 'luxon';
import { embedReply } from '../../src/render/reply';
import type { Reply } from '../types';

export function ephemeralEmbed(embed: APIEmbed, content?: string): Reply {
  const reply = embedReply([embed], content);
  return { ...reply, payload: { ...reply.payload, flags: MessageFlags.Ephemeral } };
}

/** "2025-06-11 09:00 Asia/Shanghai": a run in the subscription's own zone. */
export function localTime(at: Date, zone: string): string {
  return `${DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm')} ${zone}`;
}

export const unix = (at: Date) => Math.floor(at.getTime() / 1000);
