// The sentences only the digest feature shows, per locale (shared wording lives in src/render/i18n.ts).
import type { Locale } from '../locale';
import type { PauseReason } from './store';

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
};

export type DigestText = typeof en;

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
};

export function digestText(locale: Locale): DigestText {
  return locale === 'zh-CN' ? zh : en;
}
