// User text quoted back in a reply ("Nothing found for “…”"): shortened, then made inert, so what someone typed
// shows as typed and never as a link, a mention, a code block or formatting.
import { ECHO_MAX, truncate } from '../discord-limits';

/** A value that went through `echo`: message functions that quote user text take only this. */
export type Echoed = string & { readonly __echoed: unique symbol };

const ZWSP = '\u200b';

/**
 * Every character that opens Markdown inside a line: emphasis, underline, strike, code, spoiler, a masked
 * link's bracket, and the backslash itself. One backslash each, in one pass, so nothing is left half-escaped
 * (discord.js's escapeMarkdown leaves some `**` live in long runs of asterisks). Line-start syntax (headings,
 * lists, quotes) cannot occur: a quoted value is on one line, after the opening quote.
 */
const MARKDOWN = /[\\*_~`|[\]]/g;

/**
 * Mention-like syntax (<@id>, <@&id>, <#id>, </cmd:id>, <:emoji:id>, <t:…>, @everyone, @here) with a zero-width
 * space inside, so Discord renders it as text. allowed_mentions already stops pings; this stops the rendering.
 */
function neutraliseMentions(text: string): string {
  return text.replace(/<(?=[@#/:]|a:|t:|id:)/g, `<${ZWSP}`).replace(/@(?=everyone|here)/gi, `@${ZWSP}`);
}

/**
 * `value` as a reply may quote it: on one line, at most `max` characters (an ellipsis where cut, before the
 * escaping so an escape is never cut in half), with Markdown escaped and mentions neutralised.
 */
export function echo(value: string, max = ECHO_MAX): Echoed {
  const oneLine = value.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  return neutraliseMentions(truncate(oneLine, max).replace(MARKDOWN, '\\$&')) as Echoed;
}
