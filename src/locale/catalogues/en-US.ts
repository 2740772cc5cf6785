// The English catalogue: the reference every other locale's catalogue must match key for key
// (src/locale/catalogue.ts derives the Catalogue type from it).
import type { NeededPermission, TestFailure } from '../../digest/service';
import type { EmptyDays, PauseReason } from '../../digest/store';
import type { Kind } from '../../knowledge/schema';
import { type Echoed, echo } from '../../render/echo';
import type { Locale } from '../locales';
import { englishOrdinal } from '../numbers';

// A channel option's value is a snowflake from Discord; anything else (a malformed interaction) is quoted as text.
const ch = (id: string) => (/^\d{17,20}$/.test(id) ? `<#${id}>` : `“${echo(id)}”`);

export const enUS = {
  kinds: {
    sources: ['source', 'sources'],
    series: ['series', 'series'],
    editions: ['edition', 'editions'],
    people: ['person', 'people'],
    organizations: ['organisation', 'organisations'],
    statistics: ['statistic', 'statistics'],
    forums: ['forum', 'forums'],
    reports: ['report', 'reports'],
    works: ['work', 'works'],
  } satisfies Record<Kind, [string, string]>,
  label: {
    dates: 'Dates',
    date: 'Date',
    city: 'City',
    theme: 'Theme',
    series: 'Series',
    hosts: 'Hosted by',
    organisers: 'Organised by',
    /** Organisers where no host is named: the top role (zh 主办). */
    organisersAlone: 'Organised by',
    guidedBy: 'Guided by',
    figures: 'Figures',
    firsts: 'Firsts',
    highlights: 'Highlights',
    forums: 'Forums',
    reports: 'Reports',
    speakers: 'Speakers',
    statistics: 'Statistics',
    works: 'Works',
    people: 'People',
    editions: 'Editions',
    roles: 'Roles',
    appearances: 'Appearances',
    announced: 'Figures announced',
    value: 'Value',
    asOf: 'As of',
    scope: 'Scope',
    reportedBy: 'Reported by',
    edition: 'Edition',
    trend: 'Over time',
    published: 'Published',
    outlet: 'Outlet',
    language: 'Language',
    machineTranslated: 'Machine-translated',
    repostedBy: 'Re-posted by',
    author: 'Author',
    kind: 'Kind',
    parent: 'Part of',
    publisher: 'Published by',
    released: 'Released',
    by: 'By',
    aliases: 'Also known as',
    note: 'Note',
    alsoMatching: 'Also matching',
    sources: 'Sources',
    records: 'Records',
    index: 'Index',
    citedIn: 'Facts drawn from it',
    lookUp: 'Look up next',
  },
  languages: { en: 'English', zh: 'Chinese', 'en+zh': 'English and Chinese' },
  measures: {
    guests: 'guests',
    attendees: 'attendees',
    events: 'events',
    organisations: 'organisations',
    forums: 'forums',
  },
  qualifiers: {
    exactly: '',
    'more-than': 'more than ',
    nearly: 'nearly ',
    about: 'about ',
    'at-least': 'at least ',
    'up-to': 'up to ',
  },
  appearanceAs: {
    speaker: 'speaker',
    guest: 'guest',
    honouree: 'honouree',
    organiser: 'organiser',
    performer: 'performer',
    interviewee: 'interviewee',
  },
  orgKinds: {
    government: 'government body',
    association: 'association',
    company: 'company',
    media: 'media',
    academic: 'academic',
    initiative: 'initiative',
    other: 'organisation',
  },
  workKinds: {
    documentary: 'documentary',
    drama: 'drama',
    film: 'film',
    series: 'series',
    'short-video': 'short video',
    programme: 'programme',
    exhibition: 'exhibition',
    other: 'work',
  },
  events: {
    start: 'opens',
    day: 'continues',
    end: 'closes',
    held: 'held',
    released: 'released',
  },
  edition: {
    title: (ordinal: number, series: string) => `${englishOrdinal(ordinal)} ${series}`,
    season: (season: number, series: string) => `${series}, season ${season}`,
  },
  yes: 'yes',
  list: ', ',
  /** Between two sentences. */
  sentenceGap: ' ',
  /** A remark after a text: "March 2024 (note)". */
  aside: (text: string, note: string) => `${text} (${note})`,
  /** Between clauses of one line. */
  clauses: '; ',
  andMore: (n: number) => `and ${n} more`,
  sourcesDiffer: (claims: string) => `Sources differ: ${claims}`,
  /** After a date taken from one of several claims that disagree (/onthisday, the digest). */
  datesDiffer: 'sources differ',
  shownBecause: (reason: string) => `shown: ${reason}`,
  /** The note of a date claim that is not shown, under "sources differ": its dates, then the note. */
  otherClaimNote: (dates: string, note: string) => `${dates}: ${note}`,
  /** The mark on a claim that rests on our inference or on background knowledge, not on the source text. */
  basis: { inference: 'inferred', background: 'not from the sources' },
  basisNote: (mark: string, note: string) => `${mark}: ${note}`,
  yearsAgo: (n: number) =>
    n === 0
      ? 'this year'
      : n > 0
        ? `${n} year${n === 1 ? '' : 's'} ago`
        : `in ${-n} year${n === -1 ? '' : 's'}`,
  sourcesFooter: (list: string) => `Sources: ${list}`,
  undated: 'undated',
  /** Where the source leaves a fact out (who reported a figure): said, not guessed. */
  notStated: 'not stated in the source',
  search: {
    didYouMean: 'Did you mean',
    noClearMatch: (q: Echoed) => `No clear match for “${q}”.`,
    notFound: (q: Echoed, what: string) => `Nothing found for “${q}” among ${what}.`,
    tryOther: (command: string) => `Try other words, or browse with ${command}.`,
    pick: 'Pick a suggestion from the list, or add a year, a city or an organisation.',
    /** The one field a question asked for, stated before the card: "**Theme:** …". */
    answer: (label: string, value: string) => `**${label}:** ${value}`,
    /** Why a record found through its text came up: the matching passage, matched words in bold. */
    because: (passage: string) => `Found in its text: ${passage}`,
  },
  errors: {
    emptyQuery: 'Type something to look up: a name, a year, a city or a few words.',
    queryTooLong: (max: number) => `That query is too long; use at most ${max} characters.`,
    unknownOption: (name: Echoed, known: string) => `Unknown option “${name}”. This command takes: ${known}.`,
    badDate: (value: Echoed) =>
      `“${value}” is not a date. Write it as MM-DD (03-28) or YYYY-MM-DD (2024-03-28).`,
    badYear: (value: Echoed, min: number, max: number) =>
      `“${value}” names a year outside ${min}–${max}. Give a year in that range, or just MM-DD (03-28).`,
    unknownCommand: (name: Echoed) => `Unknown command /${name}.`,
    failed: 'Something went wrong while answering; please try again.',
  },
  onThisDay: {
    title: (day: string) => `On this day: ${day}`,
    nothing: (day: string) => `Nothing in the records happened on ${day}.`,
    before: 'Nearest before',
    after: 'Nearest after',
  },
  about: {
    title: 'About Shiting',
    description:
      'Shiting answers questions about the China Internet Audiovisual Conference and the China Short Video Conference from curated facts, each traced to its source.',
    version: (v: number, hash: string) => `schema v${v} · hash ${hash}`,
    commands: 'Commands',
  },
  consoleEphemeral: '(only you can see this)',
  chart: {
    measures: { guests: 'Guests', attendees: 'Attendees', events: 'Events' },
    ordinal: (n: number) => englishOrdinal(n),
    season: (n: number) => `Season ${n}`,
    comparisonTitle: (series: string) => `Guests, attendees and events by edition: ${series}`,
    noComparison: (series: string) =>
      `No comparison chart: fewer than two editions of the ${series} report guests, attendees or events.`,
    seriesMatch: (q: Echoed) =>
      `“${q}” matches one measure at several dates: showing the latest value with the whole series.`,
    unavailable: 'The chart could not be drawn here; the figures are all in the card.',
  },
  /** The sentences only the digest feature shows. */
  digest: {
    nextAnniversary: (day: string, inDays: number) =>
      `The next anniversary is ${day}, in ${inDays} ${inDays === 1 ? 'day' : 'days'}:`,
    pauseReason: (reason: PauseReason) =>
      ({
        'missing-access': 'the bot cannot see the channel (Missing Access)',
        'missing-permissions': 'the bot lacks a permission in the channel (Missing Permissions)',
        forbidden: 'Discord refused the post (403)',
        'unknown-channel': 'the channel no longer exists (Unknown Channel)',
        'left-guild': 'the bot was removed from the server',
        rejected:
          'Discord rejected the digest post as malformed (400); this is a fault in Shiting, please report it',
      })[reason],
    pauseNotice: (reason: string) =>
      `Shiting paused the daily digest for this channel: ${reason}. Someone with Manage Server can run ` +
      '`/digest check` to see what is missing, then `/digest set` to resume it.',
    serversOnly:
      '`/digest` is for servers only: it posts to a server channel. Add Shiting to a server and run it there; ' +
      'here, `/onthisday` shows the same list.',
    unavailable: 'Digests are not available here: they run in the Discord bot, not in this front end.',
    needManageGuild: 'Only members with the Manage Server permission can change digests.',
    badChannel: (channel: string | undefined) =>
      `${channel ? `${ch(channel)} is not a channel of this server that the bot knows` : 'That is not a channel'}. ` +
      'Pick a text, announcement or forum channel of this server from the list. Nothing was changed.',
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
      channel
        ? `There is no digest in ${ch(channel)} to turn off.`
        : 'This server has no digests to turn off.',
    offDone: (channels: string[], last: boolean) =>
      `Turned off the digest in ${channels.map(ch).join(', ')} and deleted its settings and delivery records.` +
      (last ? ' Nothing of this server is kept any more.' : ''),
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
    checkHeader: (channel: string) => `**${ch(channel)}**`,
    checkPermission: (name: string, ok: boolean, required: boolean) =>
      ok
        ? `✅ ${name}`
        : required
          ? `❌ ${name}: missing; the digest pauses without it`
          : `➖ ${name}: not granted (not needed: digests attach no files today)`,
    checkMention: (role: string, how: 'mentionable' | 'mention-everyone' | 'none' | 'unknown') =>
      ({
        mentionable: `✅ Mention <@&${role}>: the role is mentionable`,
        'mention-everyone': `✅ Mention <@&${role}>: the bot has Mention Everyone`,
        none:
          `❌ Mention <@&${role}>: the role is not mentionable and the bot lacks Mention Everyone, so the post ` +
          'names it without pinging anyone. Make the role mentionable (Server Settings → Roles) or give the bot Mention Everyone.',
        unknown: `❔ Mention <@&${role}>: the bot cannot see that role; was it deleted? Set another with \`/digest set role:\`.`,
      })[how],
    checkPublish: (how: 'manage-messages' | 'author' | 'none') =>
      ({
        'manage-messages': '✅ Manage Messages: the bot may publish posts to following servers',
        author:
          '✅ Manage Messages: not granted, and not needed: the bot publishes only its own posts, which Discord lets an author do',
        none: '❌ Manage Messages (or Send Messages, as the author): the bot cannot publish posts to following servers',
      })[how],
    checkUnknownChannel: (channel: string) =>
      `${ch(channel)}: the channel does not exist or the bot cannot see it.`,
    checkUnknown: (channel: string) =>
      `${ch(channel)}: the bot cannot tell right now; try again in a minute.`,
    checkPaused: (reason: string) =>
      `  Paused: ${reason}. When the above is fixed, \`/digest set\` resumes it.`,
    unknownSubcommand: (name: Echoed) =>
      `Unknown /digest subcommand “${name}”: use set, off, status, preview, check or test.`,
    permission: (p: NeededPermission): string => p,
    list: ', ',
    forumTagWords: ['digest', 'daily', 'on this day', 'anniversar'],
    postTitle: (date: string) => `On this day · ${date}`,
    testMark: (title: string) => `[Test] ${title}`,
    languageName: (locale: Locale) =>
      ({ 'en-US': 'English', 'zh-CN': 'Simplified Chinese', 'zh-TW': 'Traditional Chinese' })[locale],
    shape: (o: { language: string; role?: string; thread: boolean; publish: boolean; forum: boolean }) =>
      [
        `Language: ${o.language}`,
        o.role ? `pings <@&${o.role}>` : 'no ping',
        ...(o.forum ? ['a new forum post each day'] : []),
        ...(o.thread ? ['a thread on each post'] : []),
        ...(o.publish ? ['published to following servers'] : []),
      ].join('; '),
    badLanguage: (value: Echoed) =>
      `language must be en-US, zh-CN or zh-TW, not “${value}”. Nothing was changed.`,
    badChannelType: (channel: string) =>
      `${ch(channel)} is not a channel a digest can go to. Pick a text, announcement, forum or media channel, ` +
      'or a public thread. Nothing was changed.',
    badThread: (channel: string, forum: boolean) =>
      `thread:true opens a thread on each post, which needs a text or announcement channel; ${ch(channel)} ` +
      `${forum ? 'is a forum, where each digest is a post of its own already' : 'is a thread itself'}. Nothing was changed.`,
    badPublish: (channel: string) =>
      `publish:true sends each post to the servers that follow the channel, which only an announcement channel ` +
      `has; ${ch(channel)} is not one. Nothing was changed.`,
    roleEveryone:
      'Shiting never pings @everyone or @here. Pick a role for those who want the ping, or `clear_role:true` for ' +
      'no ping. Nothing was changed.',
    unknownRole: (role: string) =>
      `<@&${role}> is not a role of this server that the bot knows. Nothing was changed.`,
    resumedFrom: (reason: string) => `It had been paused (${reason}); it posts again from its next run.`,
    statusTold: (told: boolean): string =>
      told
        ? 'The channel was told when it paused.'
        : 'The channel could not be told when it paused; this is where it shows.',
    testPosted: (url: string) => `Test digest posted: ${url}. It does not count as today’s post.`,
    testProblem: (step: 'thread' | 'publish', why: string) =>
      step === 'thread'
        ? `The thread on it could not be opened: ${why}.`
        : `It could not be published to following servers: ${why}.`,
    followUpWhy: (step: 'thread' | 'publish', code: number | undefined) =>
      code === 50013
        ? step === 'thread'
          ? 'the bot lacks Create Public Threads in the channel'
          : 'the bot lacks Manage Messages in the channel'
        : code === 40033
          ? 'it was published already'
          : `Discord refused (${code ?? 'no code'})`,
    testFailed: (channel: string, failure: TestFailure) => {
      const head = `The test post to ${ch(channel)} failed: `;
      switch (failure.kind) {
        case 'missing-access':
          return `${head}the bot cannot see the channel (Missing Access). Give the bot View Channel there (channel settings → Permissions).`;
        case 'missing-permission':
          return failure.permissions.length > 0
            ? `${head}the bot lacks ${failure.permissions.join(', ')} there. Grant ${failure.permissions.length === 1 ? 'it' : 'them'} in the channel’s settings → Permissions, then try again.`
            : `${head}the bot lacks a permission there (Missing Permissions). Run \`/digest check\` to see which.`;
        case 'unknown-channel':
          return `${head}the channel no longer exists. Pick another with \`/digest set\`.`;
        case 'tag-required':
          return `${head}the forum requires a tag and none can be applied by the bot. Add a tag that is not moderator-only.`;
        case 'rate-limited':
          return `${head}Discord asked the bot to slow down. Try again in a minute.`;
        case 'other':
          return `${head}${failure.detail}.`;
      }
    },
    testNone: (channel?: string) =>
      channel
        ? `There is no digest in ${ch(channel)} to test. Set one there with \`/digest set\` first.`
        : 'This server has no digest to test. Set one with `/digest set` first.',
    testWhich: (channels: string[]) =>
      `This server has several digests (${channels.map(ch).join(', ')}): name one, e.g. \`/digest test channel:${ch(channels[0] ?? '')}\`.`,
    previewTitle: (title: string) => `Forum post or thread title: ${title}`,
    testUnavailable: 'Test posts need the running bot; they cannot be made from here.',
  },
  /** How numbers, units and date ranges are written. */
  format: {
    /** From this size a number is written in words: millions in English, 万 and 亿 in Chinese. */
    compactFrom: 1_000_000,
    /** A number with its unit: "5,000 attendees". */
    quantity: (number: string, unit: string) => `${number} ${unit}`,
    /**
     * A span of days as the language writes it, from its start and end written in full; undefined leaves
     * it to Intl ("March 28 – 30, 2024").
     */
    dayRange: (
      _start: string,
      _end: { full: string; month: number; day: number; sameYear: boolean; sameMonth: boolean },
    ): string | undefined => undefined,
    /** Between the ends of a range Intl does not write (other years, months without days). */
    rangeJoin: ' – ',
  },
  /**
   * Whether the reply is in the seeds' own language, so English-only details (a figure's label, the
   * province) read naturally in it.
   */
  readsSeedLanguage: true,
  router: {
    failed: (id: string) =>
      `Something went wrong while answering this (error id ${id}). Please try again later.`,
    unavailable: 'This command is not available any more.',
  },
  /** Buttons, select menus and the replies to clicks (src/components). Labels ≤ 80, placeholders ≤ 150. */
  components: {
    outOfDate: 'This menu is out of date — run the command again.',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    previous: '◀',
    next: '▶',
    share: 'Share',
    shareRefused:
      'I may not post in this channel, so this card cannot be shared here. You can still copy it, or ask in a channel where I may post.',
    sharedBy: (user: string) => `Shared by ${user}`,
    related: (kinds: string) => `Open a related record: ${kinds}`,
    alsoMatching: 'Also matching: open another record',
    didYouMean: 'Choose the record you meant',
    allMatches: 'All matches',
    matchesTitle: (q: Echoed) => `Matches for “${q}”`,
    matchesPick: 'Open one of these matches',
    noText: 'That message has no text to look up.',
  },
  /** Command and option names and descriptions (Discord: names 1–32 characters, lower case; descriptions ≤ 100). */
  commands: {
    about: {
      name: 'about',
      description: 'What Shiting knows: records of each kind, its sources and the index version',
    },
    edition: {
      name: 'edition',
      description: 'One edition or season: dates, city, theme, hosts, figures, speakers',
      query: 'An ordinal (9th, 第九届), a year, a city, theme words or "season 2"',
      compare: {
        name: 'compare',
        description: 'Add a chart of guests, attendees and events across the editions of the series',
      },
    },
    speaker: {
      name: 'speaker',
      description: 'One person: role, organisation, editions where they spoke and what they said',
      query: 'A name in pinyin, English or Chinese',
    },
    stat: {
      name: 'stat',
      description: 'One statistic: value, unit, as-of date, who reported it and how it changed',
      query: 'What is measured, optionally with a year: "daily usage 2024"',
    },
    search: {
      name: 'search',
      description: 'Search everything: editions, people, organisations, statistics, forums, reports, works',
      query: 'Any name, alias, year or a few words',
    },
    onthisday: {
      name: 'onthisday',
      description: 'What happened on this day (or another) in any year of the conferences',
      date: { name: 'date', description: 'A day as MM-DD (03-28) or YYYY-MM-DD; today when left out' },
    },
    /** The `query` option the lookup commands share (its description is each command's `query`). */
    query: { name: 'query' },
    /** The option that makes a lookup's answer visible only to the one who asked. */
    private: { name: 'private', description: 'Show the answer only to you (with a Share button)' },
    /** The message context-menu command (Discord: 1–32 characters, any case and spaces). */
    lookUp: { name: 'Look up in Shiting' },
    digest: {
      name: 'digest',
      description: 'A daily “on this date” post in a channel of this server',
      channel: 'channel',
      set: {
        name: 'set',
        description: 'Post the digest in a channel every day (or change or resume it)',
        channel: 'Where to post',
        time: { name: 'time', description: 'Time of day, HH:MM on a 24-hour clock (default 09:00)' },
        timezone: { name: 'timezone', description: (zone: string) => `IANA time zone (default ${zone})` },
        emptyDays: {
          name: 'empty_days',
          description: 'On days with nothing: skip the post, or post the next anniversary',
          skip: 'skip',
          post: 'post',
        },
        language: {
          name: 'language',
          description: 'The digest’s language (default: the server’s, when Shiting speaks it; else English)',
        },
        role: {
          name: 'role',
          description: 'A role to ping at the top of each post (only that role is pinged)',
        },
        clearRole: { name: 'clear_role', description: 'True: stop pinging the role set before' },
        thread: {
          name: 'thread',
          description: 'Open a thread on each post for discussion (text and announcement channels)',
        },
        publish: {
          name: 'publish',
          description: 'Publish each post to the servers that follow this announcement channel',
        },
      },
      test: {
        name: 'test',
        description: 'Post one digest now, marked as a test, to see that it works',
        channel: 'Which digest’s channel (needed when there are several)',
      },
      off: {
        name: 'off',
        description: 'Stop the digest in a channel, or all of this server’s digests',
        channel: 'Which channel (all when left out)',
      },
      status: { name: 'status', description: 'This server’s digests: next run, last post, last error' },
      preview: {
        name: 'preview',
        description: 'Show the digest for today or another date, only to you',
        date: { name: 'date', description: 'YYYY-MM-DD or MM-DD (default today)' },
      },
      check: {
        name: 'check',
        description: 'Which permissions the bot lacks for posting digests',
        channel: 'Which channel (default: the digest channels)',
      },
    },
  },
};
