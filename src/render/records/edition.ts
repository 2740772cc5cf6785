// The card of one edition or season: when, where, theme, hosts, figures, firsts, and what was part of it.
import type { APIEmbed } from 'discord-api-types/v10';
import { dateBasis } from '../../knowledge/calendar';
import type { DateClaimT, Edition, NoteT } from '../../knowledge/schema';
import { partnerLocale } from '../../locale/locales';
import { bullet, card, fact, listField, withCommand } from '../card';
import {
  collectSources,
  editionName,
  formatQuantity,
  formatRange,
  localText,
  namesOf,
  partnerText,
  type RenderContext,
  renderContext,
  sourceLabel,
  withBasis,
  withFieldBasis,
} from '../format';
import { relatedIds } from './related';

/** The claim shown: the one marked `shown`, else the first. */
function shownClaim(claims: readonly DateClaimT[]): DateClaimT | undefined {
  return claims.find((c) => c.shown) ?? claims[0];
}

/**
 * The shown dates, then "Sources differ: …" naming each other claim and its sources. When the claims differ,
 * the shown dates cite their own claim's sources (from dateBasis, as /onthisday and the digest do).
 */
function datesText(ctx: RenderContext, edition: Edition): string | undefined {
  const claims = edition.dates;
  const shown = shownClaim(claims);
  if (!shown) return undefined;
  const range = formatRange(ctx, shown.start, shown.end);
  const basis = dateBasis({ kind: 'editions', record: edition });
  const label = (ids: readonly string[]) => ids.map((s) => sourceLabel(ctx, s)).join(ctx.t.list);
  const cited = basis.differs ? ctx.t.aside(range, label(basis.sources)) : range;
  const others = claims.filter((c) => c !== shown);
  // A single claim's note is reachable from the card: an inferred date carries it beside it as its reasoning,
  // a date on the source text on the line below. With several claims the "shown: …" line gives it.
  const reason = others.length === 0 && shown.note ? localText(ctx, shown, 'note') : undefined;
  const marked = withBasis(ctx, cited, shown.basis, reason);
  const lines = reason && marked === cited ? [cited, reason] : [marked];
  if (others.length > 0) {
    const describe = (c: DateClaimT) =>
      ctx.t.aside(
        formatRange(ctx, c.start, c.end),
        c.sources.map((s) => sourceLabel(ctx, s)).join(ctx.t.list),
      );
    lines.push(ctx.t.sourcesDiffer([shown, ...others].map(describe).join(ctx.t.clauses)));
    const note = localText(ctx, shown, 'note');
    if (note) lines.push(ctx.t.shownBecause(note));
    // The other claims' notes too: every date note is reachable from the card (issue 12).
    for (const c of others)
      if (c.note)
        lines.push(ctx.t.otherClaimNote(formatRange(ctx, c.start, c.end), localText(ctx, c, 'note')!));
  }
  return lines.join('\n');
}

export function renderEdition(ctx: RenderContext, edition: Edition): APIEmbed {
  const { t } = ctx;
  const city = localText(ctx, edition, 'city');
  const theme = localText(ctx, edition, 'theme');
  const otherTheme = partnerText(ctx, edition, 'theme');
  const notes = (list: readonly NoteT[]) =>
    list.map((n) =>
      bullet(withBasis(ctx, localText(ctx, n, 'text'), n.basis, n.note && localText(ctx, n, 'note'))),
    );
  // Labels are English prose, so replies in other languages use the measure's own words.
  const figures = edition.figures.map((f) =>
    bullet(
      formatQuantity(ctx, f.value, f.qualifier, (t.readsSeedLanguage && f.label) || t.measures[f.measure]),
    ),
  );
  // The name the edition's source gives a body, where it gives another than the body's own.
  const bodies = (ids: readonly string[]) =>
    ids.map((id) => {
      const named = edition.namedAs?.find((n) => n.organisation === id);
      if (!named) return namesOf(ctx, [id])[0]!;
      return withBasis(
        ctx,
        localText(ctx, named, 'name'),
        named.basis,
        named.note && localText(ctx, named, 'note'),
      );
    });
  const title = editionName(ctx, edition);
  const other = editionName(renderContext(ctx.kb, partnerLocale(ctx.locale)), edition);
  const series = ctx.kb.get('series', edition.series);
  const bilingual =
    series !== undefined && partnerText(ctx, series, 'name') !== localText(ctx, series, 'name');
  return card(ctx, {
    kind: 'editions',
    title: ctx.t.aside(title, String(edition.year)),
    subtitle: bilingual ? other : undefined,
    description: withFieldBasis(ctx, edition, 'summary', localText(ctx, edition, 'summary')),
    fields: [
      fact(t.label.dates, datesText(ctx, edition), false),
      fact(
        t.label.city,
        city && edition.province && t.readsSeedLanguage ? `${city}, ${edition.province}` : city,
      ),
      fact(t.label.theme, theme && otherTheme && otherTheme !== theme ? `${theme}\n${otherTheme}` : theme),
      listField(ctx, t.label.hosts, bodies(edition.hosts), { inline: true }),
      // "Organised by" with no host above it is the top role: in Chinese 主办, not 承办 (issue 12).
      listField(
        ctx,
        edition.hosts.length > 0 ? t.label.organisers : t.label.organisersAlone,
        bodies(edition.organisers),
        {
          inline: true,
        },
      ),
      listField(ctx, t.label.guidedBy, bodies(edition.guidedBy), { inline: true }),
      listField(ctx, t.label.figures, figures),
      listField(ctx, t.label.firsts, notes(edition.firsts)),
      listField(ctx, t.label.highlights, notes(edition.highlights)),
      listField(
        ctx,
        withCommand(t.label.forums, 'search'),
        namesOf(ctx, relatedIds(ctx, edition.id, 'forums')),
      ),
      listField(
        ctx,
        withCommand(t.label.reports, 'search'),
        namesOf(ctx, relatedIds(ctx, edition.id, 'reports')),
      ),
      listField(
        ctx,
        withCommand(t.label.speakers, 'speaker'),
        namesOf(ctx, relatedIds(ctx, edition.id, 'people')),
        {
          separator: t.list,
        },
      ),
      listField(
        ctx,
        withCommand(t.label.statistics, 'stat'),
        namesOf(ctx, relatedIds(ctx, edition.id, 'statistics')),
      ),
      listField(
        ctx,
        withCommand(t.label.works, 'search'),
        namesOf(ctx, relatedIds(ctx, edition.id, 'works')),
      ),
    ],
    sources: collectSources(
      edition.sources,
      ...edition.dates.map((d) => d.sources),
      ...edition.figures.map((f) => f.sources),
    ),
  });
}
