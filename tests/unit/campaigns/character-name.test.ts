import { describe, expect, it } from 'vitest';
import { characterName } from '@/components/campaigns/format';

describe('characterName', () => {
  it('shows a character with its code point', () => {
    expect(characterName('’')).toBe('“’” (U+2019)');
  });

  it('shows every code point of a character made of several', () => {
    expect(characterName('🇦🇺')).toBe('“🇦🇺” (U+1F1E6 U+1F1FA)');
    expect(characterName('e\u0301')).toBe('“e\u0301” (U+0065 U+0301)');
    expect(characterName('👨\u200D👩\u200D👧')).toBe('“👨‍👩‍👧” (U+1F468 U+200D U+1F469 U+200D U+1F467)');
  });

  it('shows only the code point of an invisible character', () => {
    expect(characterName('\u00A0')).toBe('U+00A0');
    expect(characterName('\u200B')).toBe('U+200B');
  });
});
