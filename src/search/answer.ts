// The one field a question asks of the record that answers it: the theme, the dates, the city, a figure
// stored on an edition, a statistic's value, or the statistics of an edition.
import type { Kind } from '../knowledge/schema';
import type { Intent } from './intent';
import type { Answer } from './lookup-types';
import type { Found } from './merge';

export function answerOf(intent: Intent | undefined, kind: Kind, found: Found): Answer | undefined {
  if (found.figure && kind === 'editions') return { field: 'figure', measure: found.figure };
  switch (intent) {
    case 'theme':
      return kind === 'editions' ? { field: 'theme' } : undefined;
    case 'dates':
      return kind === 'editions' || kind === 'forums' ? { field: 'dates' } : undefined;
    case 'city':
      return kind === 'editions' ? { field: 'city' } : undefined;
    case 'figure':
      return kind === 'statistics' ? { field: 'value' } : undefined;
    case 'statistics':
      return kind === 'editions' ? { field: 'statistics' } : undefined;
    default:
      return undefined;
  }
}
