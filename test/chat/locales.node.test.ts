import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultStrings } from '../../src/chat/panel-strings.js';
import { TRANSLATIONS } from '../../demo/locales.js';

/**
 * Strings that may read the same as the English in a locale because they are the same word there (a name, a
 * number, a loanword), by locale. None today: every string of Korean and Spanish reads differently.
 */
const SAME_BY_NATURE: Record<string, string[]> = { ko: [], es: [] };

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

for (const [code, { strings }] of Object.entries(TRANSLATIONS)) {
  test(`${code}: every UI string is translated, placeholders kept`, () => {
    assert.deepEqual(Object.keys(strings).sort(), Object.keys(defaultStrings).sort(), 'the same keys as English');
    for (const [key, english] of Object.entries(defaultStrings) as [keyof typeof defaultStrings, string][]) {
      const translated = strings[key];
      assert.ok(translated.trim(), `${code}.${key} is empty`);
      if (!SAME_BY_NATURE[code]?.includes(key)) assert.notEqual(translated, english, `${code}.${key} is English`);
      assert.deepEqual(placeholders(translated), placeholders(english), `${code}.${key} placeholders`);
    }
  });
}

test('the demo offers Korean and Spanish', () => {
  assert.deepEqual(Object.keys(TRANSLATIONS).sort(), ['es', 'ko']);
});
