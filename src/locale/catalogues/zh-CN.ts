// The Simplified Chinese catalogue; zh-TW.ts is generated from this file (`npm run locales`).
import type { NeededPermission } from '../../digest/service';
import { echo } from '../../render/echo';
import type { Catalogue } from '../catalogue';
import { chineseNumber } from '../numbers';

// A channel option's value is a snowflake from Discord; anything else (a malformed interaction) is quoted as text.
const ch = (id: string) => (/^\d{17,20}$/.test(id) ? `<#${id}>` : `“${echo(id)}”`);

const PERMISSIONS_ZH: Record<NeededPermission, string> = {
  'View Channel': '查看频道',
  'Send Messages': '发送消息',
  'Send Messages in Threads': '在子区中发送消息',
  'Embed Links': '嵌入链接',
  'Attach Files': '附加文件',
  'Create Public Threads': '创建公开子区',
  'Mention Everyone': '提及 @everyone、@here 和所有身份组',
  'Manage Messages': '管理消息',
};

export const zhCN = {
  kinds: {
    sources: ['来源', '来源'],
    series: ['系列', '系列'],
    editions: ['届次', '届次'],
    people: ['人物', '人物'],
    organizations: ['机构', '机构'],
    statistics: ['数据', '数据'],
    forums: ['论坛', '论坛'],
    reports: ['报告', '报告'],
    works: ['作品', '作品'],
  },
  label: {
    dates: '日期',
    date: '日期',
    city: '城市',
    theme: '主题',
    series: '系列',
    hosts: '主办',
    organisers: '承办',
    organisersAlone: '主办',
    guidedBy: '指导单位',
    figures: '规模',
    firsts: '首次',
    highlights: '亮点',
    forums: '论坛',
    reports: '报告',
    speakers: '发言嘉宾',
    statistics: '数据',
    works: '作品',
    people: '人物',
    editions: '届次',
    roles: '职务',
    appearances: '出席',
    announced: '发布的数据',
    value: '数值',
    asOf: '截至',
    scope: '范围',
    reportedBy: '发布方',
    edition: '届次',
    trend: '历年变化',
    published: '发表',
    outlet: '媒体',
    language: '语言',
    machineTranslated: '机器翻译',
    repostedBy: '转载于',
    author: '作者',
    kind: '类型',
    parent: '隶属',
    publisher: '发布机构',
    released: '发布时间',
    by: '出品',
    aliases: '又称',
    note: '备注',
    alsoMatching: '其他匹配',
    sources: '来源',
    records: '记录',
    index: '索引',
    citedIn: '引用它的记录',
    lookUp: '继续查询',
  },
  languages: { en: '英文', zh: '中文', 'en+zh': '中英文' },
  measures: {
    guests: '位嘉宾',
    attendees: '位参会者',
    events: '场活动',
    organisations: '家机构',
    forums: '场论坛',
  },
  qualifiers: {
    exactly: '',
    'more-than': '超过',
    nearly: '近',
    about: '约',
    'at-least': '至少',
    'up-to': '最多',
  },
  appearanceAs: {
    speaker: '发言',
    guest: '嘉宾',
    honouree: '获奖',
    organiser: '组织',
    performer: '表演',
    interviewee: '受访',
  },
  orgKinds: {
    government: '政府机构',
    association: '协会',
    company: '企业',
    media: '媒体',
    academic: '学术机构',
    initiative: '项目',
    other: '机构',
  },
  workKinds: {
    documentary: '纪录片',
    drama: '剧集',
    film: '电影',
    series: '系列节目',
    'short-video': '短视频',
    programme: '节目',
    exhibition: '展览',
    other: '作品',
  },
  events: {
    start: '开幕',
    day: '进行中',
    end: '闭幕',
    held: '举行',
    released: '发布',
  },
  edition: {
    title: (ordinal: number, series: string) => `第${chineseNumber(ordinal)}届${series}`,
    season: (season: number, series: string) => `${series}第${chineseNumber(season)}季`,
  },
  yes: '是',
  list: '、',
  sentenceGap: '',
  aside: (text: string, note: string) => `${text}（${note}）`,
  clauses: '；',
  andMore: (n: number) => `等另外${n}项`,
  sourcesDiffer: (claims: string) => `各来源说法不一：${claims}`,
  datesDiffer: '各来源说法不一',
  shownBecause: (reason: string) => `采用：${reason}`,
  otherClaimNote: (dates: string, note: string) => `${dates}：${note}`,
  basis: { inference: '推断', background: '非来源所载' },
  basisNote: (mark: string, note: string) => `${mark}：${note}`,
  yearsAgo: (n: number) => (n === 0 ? '今年' : n > 0 ? `${n}年前` : `${-n}年后`),
  sourcesFooter: (list: string) => `来源：${list}`,
  undated: '日期不详',
  notStated: '来源未说明',
  search: {
    didYouMean: '你是不是要找',
    noClearMatch: (q) => `“${q}”没有明确的匹配。`,
    notFound: (q, what) => `在${what}中没有找到“${q}”。`,
    tryOther: (command: string) => `换个说法试试，或用 ${command} 浏览。`,
    pick: '请从建议列表中选择，或加上年份、城市或机构名。',
    answer: (label: string, value: string) => `**${label}：**${value}`,
    because: (passage: string) => `匹配内容：${passage}`,
  },
  errors: {
    emptyQuery: '请输入要查询的内容：名字、年份、城市或几个关键词。',
    queryTooLong: (max: number) => `查询内容太长，最多${max}个字符。`,
    unknownOption: (name, known) => `未知选项“${name}”。此命令的选项：${known}。`,
    badDate: (value) => `“${value}”不是有效日期。请写成 MM-DD（03-28）或 YYYY-MM-DD（2024-03-28）。`,
    badYear: (value, min, max) =>
      `“${value}”的年份不在${min}–${max}之间。请给出此范围内的年份，或只写 MM-DD（03-28）。`,
    unknownCommand: (name) => `未知命令 /${name}。`,
    failed: '回答时出错了，请稍后再试。',
  },
  onThisDay: {
    title: (day: string) => `历史上的今天：${day}`,
    nothing: (day: string) => `记录中没有发生在${day}的事。`,
    before: '之前最近',
    after: '之后最近',
  },
  about: {
    title: '关于视听',
    description:
      '视听（Shiting）根据整理过的资料回答有关中国网络视听大会和中国短视频大会的问题，每条事实都注明来源。',
    version: (v: number, hash: string) => `结构版本 v${v} · 哈希 ${hash}`,
    commands: '命令',
  },
  consoleEphemeral: '（仅你可见）',
  chart: {
    measures: { guests: '嘉宾', attendees: '参会人数', events: '活动场次' },
    ordinal: (n: number) => `第${chineseNumber(n)}届`,
    season: (n: number) => `第${chineseNumber(n)}季`,
    comparisonTitle: (series: string) => `${series}历届嘉宾、参会人数与活动场次`,
    noComparison: (series: string) =>
      `无法绘制对比图：${series}中公布嘉宾、参会人数或活动场次的届次不足两届。`,
    seriesMatch: (q) => `“${q}”对应同一指标在不同时间的数值：以下显示最新数值及其历年变化。`,
    unavailable: '此处无法绘制图表；所有数值都在卡片中。',
  },
  components: {
    outOfDate: '此菜单已过期，请重新运行命令。',
    page: (n, of) => `第 ${n} 页，共 ${of} 页`,
    previous: '◀',
    next: '▶',
    share: '分享',
    shareRefused:
      '我没有在此频道发言的权限，因此无法在这里分享这张卡片。你仍可复制内容，或在我可以发言的频道中查询。',
    sharedBy: (user) => `由 ${user} 分享`,
    related: (kinds) => `打开相关记录：${kinds}`,
    alsoMatching: '其他匹配：打开另一条记录',
    didYouMean: '选择你要找的记录',
    allMatches: '全部匹配',
    matchesTitle: (q) => `“${q}”的匹配结果`,
    matchesPick: '打开其中一条匹配结果',
    noText: '该消息没有可查询的文字。',
  },
  digest: {
    nextAnniversary: (day, inDays) => `下一个纪念日是${day}，还有${inDays}天：`,
    pauseReason: (reason) =>
      ({
        'missing-access': '机器人看不到该频道（Missing Access）',
        'missing-permissions': '机器人在该频道缺少权限（Missing Permissions）',
        forbidden: 'Discord 拒绝了发帖（403）',
        'unknown-channel': '该频道已不存在（Unknown Channel）',
        'left-guild': '机器人已被移出服务器',
        rejected: 'Discord 认为摘要帖子格式有误而拒绝（400）；这是视听的问题，请报告',
      })[reason],
    pauseNotice: (reason) =>
      `视听已暂停本频道的每日摘要：${reason}。拥有“管理服务器”权限的成员可以用 \`/digest check\` 查看缺少什么，` +
      '再用 `/digest set` 恢复。',
    serversOnly:
      '`/digest` 只能在服务器里使用：它会向服务器的频道发帖。请把视听加入服务器后在那里使用；在这里可以用 `/onthisday` 查看同样的内容。',
    unavailable: '这里无法使用每日摘要：它只在 Discord 机器人中运行。',
    needManageGuild: '只有拥有“管理服务器”权限的成员才能更改每日摘要。',
    badChannel: (channel) =>
      `${channel ? `${ch(channel)}不是机器人所知的本服务器频道` : '这不是一个频道'}。请从列表中选择本服务器的文字频道、公告频道或论坛频道。设置未作更改。`,
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
    offNone: (channel) =>
      channel ? `${ch(channel)}没有可关闭的每日摘要。` : '本服务器没有可关闭的每日摘要。',
    offDone: (channels, last) =>
      `已关闭${channels.map(ch).join('、')}的每日摘要，并删除了它的设置和发布记录。` +
      (last ? '本服务器的数据已全部删除。' : ''),
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
    checkHeader: (channel) => `**${ch(channel)}**`,
    checkPermission: (name, ok, required) =>
      ok
        ? `✅ ${name}`
        : required
          ? `❌ ${name}：缺少；没有它摘要会暂停`
          : `➖ ${name}：未授予（目前不需要：摘要不附带文件）`,
    checkMention: (role, how) =>
      ({
        mentionable: `✅ 提及 <@&${role}>：该身份组允许被提及`,
        'mention-everyone': `✅ 提及 <@&${role}>：机器人拥有“提及所有身份组”权限`,
        none:
          `❌ 提及 <@&${role}>：该身份组不允许被提及，机器人也没有“提及所有身份组”权限，帖子只会写出身份组名而不会通知任何人。` +
          '请在“服务器设置 → 身份组”中允许提及该身份组，或授予机器人该权限。',
        unknown: `❔ 提及 <@&${role}>：机器人看不到这个身份组，是否已被删除？可用 \`/digest set role:\` 另选一个。`,
      })[how],
    checkPublish: (how) =>
      ({
        'manage-messages': '✅ 管理消息：机器人可以把帖子发布到关注本频道的服务器',
        author: '✅ 管理消息：未授予，也不需要：机器人只发布自己的帖子，Discord 允许作者这样做',
        none: '❌ 管理消息（或作为作者的“发送消息”）：机器人无法把帖子发布到关注本频道的服务器',
      })[how],
    checkUnknownChannel: (channel) => `${ch(channel)}：频道不存在，或机器人看不到它。`,
    checkUnknown: (channel) => `${ch(channel)}：暂时无法判断，请稍后再试。`,
    checkPaused: (reason) => `  已暂停：${reason}。以上问题修复后，用 \`/digest set\` 恢复。`,
    unknownSubcommand: (name) =>
      `未知的 /digest 子命令“${name}”：可用 set、off、status、preview、check 或 test。`,
    permission: (p) => PERMISSIONS_ZH[p],
    list: '、',
    forumTagWords: ['摘要', '每日', '日报', '历史上的今天', '歷史上的今天'],
    postTitle: (date) => `历史上的今天 · ${date}`,
    testMark: (title) => `【测试】${title}`,
    languageName: (locale) => ({ 'en-US': '英语', 'zh-CN': '简体中文', 'zh-TW': '繁体中文' })[locale],
    shape: (o) =>
      [
        `语言：${o.language}`,
        o.role ? `提及 <@&${o.role}>` : '不提及任何人',
        ...(o.forum ? ['每天发一个新的论坛帖子'] : []),
        ...(o.thread ? ['每条帖子开一个子区'] : []),
        ...(o.publish ? ['发布到关注本频道的服务器'] : []),
      ].join('；'),
    badLanguage: (value) => `language 只能是 en-US、zh-CN 或 zh-TW，而不是“${value}”。设置未作更改。`,
    badChannelType: (channel) =>
      `${ch(channel)}不是可以发布摘要的频道。请选择文字频道、公告频道、论坛或媒体频道，或公开子区。设置未作更改。`,
    badThread: (channel, forum) =>
      `thread:true 会为每条帖子开一个子区，这需要文字频道或公告频道；${ch(channel)}` +
      `${forum ? '是论坛，每篇摘要本身就是一个帖子' : '本身就是子区'}。设置未作更改。`,
    badPublish: (channel) =>
      `publish:true 会把每条帖子发送到关注本频道的服务器，只有公告频道可以被关注；${ch(channel)}不是公告频道。设置未作更改。`,
    roleEveryone:
      '视听从不提及 @everyone 或 @here。请为想收到通知的人选择一个身份组，或用 `clear_role:true` 不提及任何人。设置未作更改。',
    unknownRole: (role) => `<@&${role}>不是机器人所知的本服务器身份组。设置未作更改。`,
    resumedFrom: (reason) => `它之前已暂停（${reason}）；从下次发布起恢复。`,
    statusTold: (told) => (told ? '暂停时已在频道中告知。' : '暂停时无法在频道中告知；只能在这里看到。'),
    testPosted: (url) => `测试摘要已发布：${url}。它不算作今天的帖子。`,
    testProblem: (step, why) =>
      step === 'thread' ? `无法为它开子区：${why}。` : `无法把它发布到关注本频道的服务器：${why}。`,
    followUpWhy: (step, code) =>
      code === 50013
        ? step === 'thread'
          ? '机器人在该频道缺少“创建公开子区”权限'
          : '机器人在该频道缺少“管理消息”权限'
        : code === 40033
          ? '它已经发布过了'
          : `Discord 拒绝了（${code ?? '无错误码'}）`,
    testFailed: (channel, failure) => {
      const head = `向${ch(channel)}发布测试摘要失败：`;
      switch (failure.kind) {
        case 'missing-access':
          return `${head}机器人看不到该频道（Missing Access）。请在频道设置 → 权限中授予机器人“查看频道”。`;
        case 'missing-permission':
          return failure.permissions.length > 0
            ? `${head}机器人在那里缺少${failure.permissions.map((p) => PERMISSIONS_ZH[p]).join('、')}权限。请在频道设置 → 权限中授予后再试。`
            : `${head}机器人在那里缺少某项权限（Missing Permissions）。可用 \`/digest check\` 查看是哪一项。`;
        case 'unknown-channel':
          return `${head}该频道已不存在。请用 \`/digest set\` 另选一个。`;
        case 'tag-required':
          return `${head}该论坛要求帖子带标签，而机器人没有可用的标签。请添加一个非仅限版主的标签。`;
        case 'rate-limited':
          return `${head}Discord 要求机器人放慢速度。请一分钟后再试。`;
        case 'other':
          return `${head}${failure.detail}。`;
      }
    },
    testNone: (channel) =>
      channel
        ? `${ch(channel)}没有可测试的每日摘要。请先用 \`/digest set\` 在那里设置。`
        : '本服务器没有可测试的每日摘要。请先用 `/digest set` 设置。',
    testWhich: (channels) =>
      `本服务器有多个每日摘要（${channels.map(ch).join('、')}）：请指定一个，例如 \`/digest test channel:${ch(channels[0] ?? '')}\`。`,
    previewTitle: (title) => `论坛帖子或子区标题：${title}`,
    testUnavailable: '测试帖子需要运行中的机器人，这里无法发布。',
  },
  format: {
    compactFrom: 10_000,
    // Chinese units follow the number directly (3亿次下载); Latin ones keep the space.
    quantity: (number, unit) => (/^\p{Script=Han}/u.test(unit) ? `${number}${unit}` : `${number} ${unit}`),
    // ICU's zh range pattern falls back to numeric dates (2024/3/28 – 2024/3/30); write it as people do.
    dayRange: (start, end) =>
      end.sameYear
        ? `${start}至${end.sameMonth ? '' : `${end.month}月`}${end.day}日`
        : `${start}至${end.full}`,
    rangeJoin: '至',
  },
  readsSeedLanguage: false,
  router: {
    failed: (id) => `处理这条命令时出错了（错误编号 ${id}），请稍后再试。`,
    unavailable: '这个命令已不再可用。',
  },
  commands: {
    about: { name: '关于', description: '视听知道些什么：各类记录数量、资料来源和索引版本' },
    edition: {
      name: '届次',
      description: '查询某一届大会：日期、城市、主题、主办方、规模、嘉宾',
      query: '届次（9、第九届）、年份、城市、主题词或“第二季”',
      compare: { name: '对比', description: '附上该系列历届嘉宾、参会人数和活动场次的对比图' },
    },
    speaker: {
      name: '嘉宾',
      description: '查询人物：职务、所属机构、出席的届次和发言内容',
      query: '拼音、英文或中文姓名',
    },
    stat: {
      name: '数据',
      description: '查询数据：数值、单位、截至日期、发布方及历年变化',
      query: '统计的内容，可加年份：“日均使用时长 2024”',
    },
    search: {
      name: '搜索',
      description: '搜索全部：届次、人物、机构、数据、论坛、报告、作品',
      query: '任意名称、别名、年份或关键词',
    },
    onthisday: {
      name: '历史上的今天',
      description: '大会历史上的今天（或指定日期）发生了什么',
      date: { name: '日期', description: '日期，格式 MM-DD（03-28）或 YYYY-MM-DD；不填则为今天' },
    },
    query: { name: '查询' },
    private: { name: '仅自己可见', description: '只向你显示答案（附“分享”按钮）' },
    lookUp: { name: '在视听中查找' },
    digest: {
      name: '每日摘要',
      description: '在本服务器的频道每天发布“历史上的今天”',
      channel: '频道',
      set: {
        name: '设置',
        description: '每天在某个频道发布摘要（或修改、恢复）',
        channel: '发布到哪个频道',
        time: { name: '时间', description: '每天的时间，24小时制 HH:MM（默认 09:00）' },
        timezone: { name: '时区', description: (zone) => `IANA 时区（默认 ${zone}）` },
        emptyDays: {
          name: '无内容日',
          description: '没有内容的日子：不发，或告知下一个纪念日',
          skip: '不发',
          post: '告知下一个纪念日',
        },
        language: { name: '语言', description: '摘要的语言（默认：服务器的语言，视听不支持时用英语）' },
        role: { name: '身份组', description: '每条帖子开头提及的身份组（只会提及这个身份组）' },
        clearRole: { name: '清除身份组', description: '选“是”：不再提及之前设置的身份组' },
        thread: { name: '子区', description: '为每条帖子开一个子区供讨论（文字频道和公告频道）' },
        publish: { name: '发布', description: '把每条帖子发布到关注本公告频道的服务器' },
      },
      test: {
        name: '测试',
        description: '立即发布一篇标为测试的摘要，看看设置是否可用',
        channel: '哪个摘要的频道（有多个时必填）',
      },
      off: {
        name: '关闭',
        description: '停止某个频道的摘要，或本服务器的全部摘要',
        channel: '哪个频道（不填则全部）',
      },
      status: { name: '状态', description: '本服务器的摘要：下次发布、上次发布、上次错误' },
      preview: {
        name: '预览',
        description: '预览今天或其他日期的摘要（仅你可见）',
        date: { name: '日期', description: 'YYYY-MM-DD 或 MM-DD（默认今天）' },
      },
      check: {
        name: '检查',
        description: '检查机器人发布摘要缺少哪些权限',
        channel: '哪个频道（默认：摘要频道）',
      },
    },
  },
} satisfies Catalogue;
