// The sentences only the digest feature shows, per locale (shared wording lives in src/render/i18n.ts).
import type { Locale } from '../locale';
import { type Echoed, echo } from '../render/echo';
import type { NeededPermission } from './service';
import type { EmptyDays, PauseReason } from './store';

// A channel option's value is a snowflake from Discord; anything else (a malformed interaction) is quoted as text.
const ch = (id: string) => (/^\d{17,20}$/.test(id) ? `<#${id}>` : `“${echo(id)}”`);

const en = {
  nextAnniversary: (day: string, inDays: number) =>
    `The next anniversary is ${day}, in ${inDays} ${inDays === 1 ? 'day' : 'days'}:`,
  pauseReason: (reason: PauseReason) =>
    ({
      'missing-access': 'the bot cannot see the channel (Missing Access)',
      'missing-permissions': 'the bot lacks a permission in the channel (Missing Permissions)',
      forbidden: 'Discord refused the post (403)',
      'unknown-channel': 'the channel no longer exists (Unknown Channel)',
      'left-guild': 'the bot was removed from the server',
    })[reason],
  pauseNotice: (reason: string) =>
    `Shiting paused the daily digest for this channel: ${reason}. Someone with Manage Server can run ` +
    '`/digest check` to see what is missing, then `/digest set` to resume it.',
  serversOnly:
    '`/digest` is for servers only: it posts to a server channel. Add Shiting to a server and run it there; ' +
    'here, `/onthisday` shows the same list.',
  unavailable: 'Digests are not available here: they run in the Discord bot, not in this front end.',
  needManageGuild: 'Only members with the Manage Server permission can change digests.',
  badTime: (value: Echoed) =>
    `“${value}” is not a time. Write it as HH:MM on a 24-hour clock, like 09:00 or 18:30. Nothing was changed.`,
  badTimezone: (value: Echoed) =>
    `“${value}” is not a time zone I know. Pick an IANA name from the list, like Asia/Shanghai or ` +
    'Europe/London. Nothing was changed.',
  badEmptyDays: (value: Echoed) => `empty_days must be skip or post, not “${value}”. Nothing was changed.`,
  tooMany: (max: number) =>
    `This server already has ${max} digests, the most it can have. Turn one off with \`/digest off\` first.`,
  emptyDays: (mode: EmptyDays): string =>
    mode === 'skip' ? 'days with nothing are skipped' : 'days with nothing name the next anniversary',
  schedule: (time: string, zone: string) => `every day at ${time} (${zone})`,
  saved: (how: 'created' | 'updated' | 'resumed', channel: string, schedule: string, empty: string) =>
    `${{ created: 'Daily digest set', updated: 'Digest updated', resumed: 'Digest resumed' }[how]} for ${ch(channel)}: ${schedule}; ${empty}.`,
  nextRun: (local: string, unix: number) => `Next run: ${local} (<t:${unix}:R>).`,
  warnMissing: (channel: string, missing: string) =>
    `Warning: the bot lacks ${missing} in ${ch(channel)}, so the digest will pause there until that is fixed.`,
  offNone: (channel?: string) =>
    channel ? `There is no digest in ${ch(channel)} to turn off.` : 'This server has no digests to turn off.',
  offDone: (channels: string[]) =>
    `Turned off the digest in ${channels.map(ch).join(', ')}. Settings are kept.`,
  statusTitle: 'Digests in this server',
  statusNone: 'This server has no digests. Set one with `/digest set`.',
  statusNext: (local: string, unix: number) => `Next run: ${local} (<t:${unix}:R>)`,
  statusPaused: (reason: string, channel: string) =>
    `**Paused**: ${reason}. Fix it (\`/digest check\`), then \`/digest set channel:${ch(channel)}\` resumes it.`,
  statusLastPost: (date: string | undefined, unix: number | undefined) =>
    date && unix ? `Last post: ${date} (<t:${unix}:R>)` : 'Last post: none yet',
  statusLastError: (error: string) => `Last error: ${error}`,
  previewOf: (date: string) => `Preview of the digest for ${date}:`,
  badDate: (value: Echoed) =>
    `“${value}” is not a date. Write it as YYYY-MM-DD (2024-03-28) or MM-DD (03-28).`,
  checkTitle: 'What the bot can do in digest channels',
  checkUnavailable: 'The bot cannot check permissions from here.',
  checkNoChannel: 'Name a channel to check: `/digest check channel:#news`.',
  checkOk: (channel: string, all: string) => `${ch(channel)}: all set (${all}).`,
  checkMissing: (channel: string, missing: string) => `${ch(channel)}: missing ${missing}.`,
  checkUnknownChannel: (channel: string) =>
    `${ch(channel)}: the channel does not exist or the bot cannot see it.`,
  checkUnknown: (channel: string) => `${ch(channel)}: the bot cannot tell right now; try again in a minute.`,
  checkPaused: (reason: string) =>
    `  Paused: ${reason}. When the above is fixed, \`/digest set\` resumes it.`,
  unknownSubcommand: (name: Echoed) =>
    `Unknown /digest subcommand “${name}”: use set, off, status, preview or check.`,
  permission: (p: NeededPermission): string => p,
  list: ', ',
};

export type DigestText = typeof en;

const PERMISSIONS_ZH: Record<NeededPermission, string> = {
  'View Channel': '查看频道',
  'Send Messages': '发送消息',
  'Embed Links': '嵌入链接',
};

const zh: DigestText = {
  nextAnniversary: (day, inDays) => `下一个纪念日是${day}，还有${inDays}天：`,
  pauseReason: (reason) =>
    ({
      'missing-access': '机器人看不到该频道（Missing Access）',
      'missing-permissions': '机器人在该频道缺少权限（Missing Permissions）',
      forbidden: 'Discord 拒绝了发帖（403）',
      'unknown-channel': '该频道已不存在（Unknown Channel）',
      'left-guild': '机器人已被移出服务器',
    })[reason],
  pauseNotice: (reason) =>
    `视听已暂停本频道的每日摘要：${reason}。拥有“管理服务器”权限的成员可以用 \`/digest check\` 查看缺少什么，` +
    '再用 `/digest set` 恢复。',
  serversOnly:
    '`/digest` 只能在服务器里使用：它会向服务器的频道发帖。请把视听加入服务器后在那里使用；在这里可以用 `/onthisday` 查看同样的内容。',
  unavailable: '这里无法使用每日摘要：它只在 Discord 机器人中运行。',
  needManageGuild: '只有拥有“管理服务器”权限的成员才能更改每日摘要。',
  badTime: (value) => `“${value}”不是有效的时间。请用24小时制 HH:MM，例如 09:00 或 18:30。设置未作更改。`,
  badTimezone: (value) =>
    `不认识时区“${value}”。请从列表中选择 IANA 时区名，例如 Asia/Shanghai 或 Europe/London。设置未作更改。`,
  badEmptyDays: (value) => `empty_days 只能是 skip 或 post，而不是“${value}”。设置未作更改。`,
  tooMany: (max) => `本服务器已有${max}个每日摘要，已达上限。请先用 \`/digest off\` 关闭一个。`,
  emptyDays: (mode) => (mode === 'skip' ? '没有内容的日子不发' : '没有内容的日子告知下一个纪念日'),
  schedule: (time, zone) => `每天 ${time}（${zone}）`,
  saved: (how, channel, schedule, empty) =>
    `${{ created: '已设置', updated: '已更新', resumed: '已恢复' }[how]}${ch(channel)}的每日摘要：${schedule}；${empty}。`,
  nextRun: (local, unix) => `下次发布：${local}（<t:${unix}:R>）。`,
  warnMissing: (channel, missing) =>
    `注意：机器人在${ch(channel)}缺少${missing}权限，修复之前摘要会在那里暂停。`,
  offNone: (channel) => (channel ? `${ch(channel)}没有可关闭的每日摘要。` : '本服务器没有可关闭的每日摘要。'),
  offDone: (channels) => `已关闭${channels.map(ch).join('、')}的每日摘要，设置已保留。`,
  statusTitle: '本服务器的每日摘要',
  statusNone: '本服务器还没有每日摘要。可用 `/digest set` 设置。',
  statusNext: (local, unix) => `下次发布：${local}（<t:${unix}:R>）`,
  statusPaused: (reason, channel) =>
    `**已暂停**：${reason}。修复后（\`/digest check\`），用 \`/digest set channel:${ch(channel)}\` 恢复。`,
  statusLastPost: (date, unix) => (date && unix ? `上次发布：${date}（<t:${unix}:R>）` : '上次发布：尚无'),
  statusLastError: (error) => `上次错误：${error}`,
  previewOf: (date) => `${date} 的每日摘要预览：`,
  badDate: (value) => `“${value}”不是有效的日期。请写成 YYYY-MM-DD（2024-03-28）或 MM-DD（03-28）。`,
  checkTitle: '机器人在摘要频道的权限',
  checkUnavailable: '这里无法检查权限。',
  checkNoChannel: '请指定要检查的频道：`/digest check channel:#频道`。',
  checkOk: (channel, all) => `${ch(channel)}：权限齐全（${all}）。`,
  checkMissing: (channel, missing) => `${ch(channel)}：缺少${missing}。`,
  checkUnknownChannel: (channel) => `${ch(channel)}：频道不存在，或机器人看不到它。`,
  checkUnknown: (channel) => `${ch(channel)}：暂时无法判断，请稍后再试。`,
  checkPaused: (reason) => `  已暂停：${reason}。以上问题修复后，用 \`/digest set\` 恢复。`,
  unknownSubcommand: (name) => `未知的 /digest 子命令“${name}”：可用 set、off、status、preview 或 check。`,
  permission: (p) => PERMISSIONS_ZH[p],
  list: '、',
};

export function digestText(locale: Locale): DigestText {
  return locale === 'zh-CN' ? zh : en;
}
