// Every query of the characterisation set still gets the answers saved before src/search was split into modules.
import { describe, expect, it } from 'vitest';
import { characterise, savedAnswers } from './characterisation';

describe('lookup answers', () => {
  it('match the saved snapshot for every query, corpus and kinds filter', () => {
    const saved = savedAnswers();
    const now = characterise();
    expect(Object.keys(now).length).toBe(Object.keys(saved).length);
    const changed = Object.keys(saved).filter((k) => now[k] !== saved[k]);
    expect(changed.map((k) => `${k}: ${saved[k]} -> ${now[k]}`)).toEqual([]);
    // ~2,700 queries over three corpora, one of 10,000 records: 5 s alone, several times that on a loaded box.
  }, 120_000);
});
