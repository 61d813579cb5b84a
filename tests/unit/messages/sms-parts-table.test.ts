import { describe, expect, it } from 'vitest';
import { countSmsParts } from '@/lib/messages/sms-parts';

const a = (n: number) => 'a'.repeat(n);
const FLAG = '🇦🇺'; // two regional indicators, 4 UTF-16 units
const THUMB = '👍🏽'; // thumbs up + skin tone modifier, 4 units
const FAMILY = '👨\u200D👩\u200D👧'; // three people joined by ZWJ, 8 units
const ACUTE_E = 'e\u0301'; // e + combining acute accent, 2 units
const KEYCAP = '1\uFE0F\u20E3'; // digit, emoji presentation, enclosing keycap, 3 units

interface Row {
  name: string;
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  characters: number;
  units: number;
  partSizes: number[];
}

// Each part is filled with whole characters as a person sees them, as Twilio's
// segment calculator does: one that does not fit starts the next part.
const rows: Row[] = [
  // GSM-7 boundaries
  {
    name: '160 GSM characters fit one part',
    text: a(160),
    encoding: 'GSM-7',
    characters: 160,
    units: 160,
    partSizes: [160],
  },
  {
    name: '161 GSM characters need two',
    text: a(161),
    encoding: 'GSM-7',
    characters: 161,
    units: 161,
    partSizes: [153, 8],
  },
  {
    name: '306 GSM characters fill two parts',
    text: a(306),
    encoding: 'GSM-7',
    characters: 306,
    units: 306,
    partSizes: [153, 153],
  },
  {
    name: '307 GSM characters need three',
    text: a(307),
    encoding: 'GSM-7',
    characters: 307,
    units: 307,
    partSizes: [153, 153, 1],
  },
  {
    name: '80 euro signs are 160 septets, one part',
    text: '€'.repeat(80),
    encoding: 'GSM-7',
    characters: 80,
    units: 160,
    partSizes: [160],
  },
  {
    name: '81 euro signs: ESC + € pairs never split, 76 of them fill 152',
    text: '€'.repeat(81),
    encoding: 'GSM-7',
    characters: 81,
    units: 162,
    partSizes: [152, 10],
  },
  {
    name: 'a € straddling septet 153 starts part two',
    text: `${a(152)}€${a(10)}`,
    encoding: 'GSM-7',
    characters: 163,
    units: 164,
    partSizes: [152, 12],
  },
  {
    name: 'a € ending exactly at septet 153 stays in part one',
    text: `${a(151)}€${a(10)}`,
    encoding: 'GSM-7',
    characters: 162,
    units: 163,
    partSizes: [153, 10],
  },
  {
    name: 'a [ straddling septet 153 starts part two',
    text: `${a(152)}[${a(10)}`,
    encoding: 'GSM-7',
    characters: 163,
    units: 164,
    partSizes: [152, 12],
  },
  {
    name: 'a CR LF line break straddling septet 153 starts part two',
    text: `${a(152)}\r\n${a(10)}`,
    encoding: 'GSM-7',
    characters: 163,
    units: 164,
    partSizes: [152, 12],
  },
  {
    name: 'CR LF counts as one character and two septets',
    text: 'Hi\r\nthere',
    encoding: 'GSM-7',
    characters: 8,
    units: 9,
    partSizes: [9],
  },

  // UCS-2 boundaries
  {
    name: '70 UCS-2 units fit one part',
    text: `ā${a(69)}`,
    encoding: 'UCS-2',
    characters: 70,
    units: 70,
    partSizes: [70],
  },
  {
    name: '71 UCS-2 units need two',
    text: `ā${a(70)}`,
    encoding: 'UCS-2',
    characters: 71,
    units: 71,
    partSizes: [67, 4],
  },
  {
    name: '35 emoji are 70 units, one part',
    text: '😀'.repeat(35),
    encoding: 'UCS-2',
    characters: 35,
    units: 70,
    partSizes: [70],
  },
  {
    name: '36 emoji: a surrogate pair never splits',
    text: '😀'.repeat(36),
    encoding: 'UCS-2',
    characters: 36,
    units: 72,
    partSizes: [66, 6],
  },
  {
    name: '66 ASCII + a flag is 70 units and 67 characters, one part',
    text: `${a(66)}${FLAG}`,
    encoding: 'UCS-2',
    characters: 67,
    units: 70,
    partSizes: [70],
  },
  {
    name: 'a flag straddling unit 67 moves whole to part two',
    text: `${a(65)}${FLAG}${a(10)}`,
    encoding: 'UCS-2',
    characters: 76,
    units: 79,
    partSizes: [65, 14],
  },
  {
    name: 'a flag right after unit 66 moves whole to part two',
    text: `${a(66)}${FLAG}${a(10)}`,
    encoding: 'UCS-2',
    characters: 77,
    units: 80,
    partSizes: [66, 14],
  },
  {
    name: 'a flag ending exactly at unit 67 stays in part one',
    text: `${a(63)}${FLAG}${a(10)}`,
    encoding: 'UCS-2',
    characters: 74,
    units: 77,
    partSizes: [67, 10],
  },
  {
    name: 'a skin-toned thumb straddling unit 67 moves whole',
    text: `${a(65)}${THUMB}${a(10)}`,
    encoding: 'UCS-2',
    characters: 76,
    units: 79,
    partSizes: [65, 14],
  },
  {
    name: 'a ZWJ family straddling unit 67 moves whole',
    text: `${a(60)}${FAMILY}${a(10)}`,
    encoding: 'UCS-2',
    characters: 71,
    units: 78,
    partSizes: [60, 18],
  },
  {
    name: 'a letter with a combining accent straddling unit 67 moves whole',
    text: `${a(66)}${ACUTE_E}${a(10)}`,
    encoding: 'UCS-2',
    characters: 77,
    units: 78,
    partSizes: [66, 12],
  },
  {
    name: 'a keycap straddling unit 67 moves whole',
    text: `${a(65)}${KEYCAP}${a(10)}`,
    encoding: 'UCS-2',
    characters: 76,
    units: 78,
    partSizes: [65, 13],
  },
  {
    name: 'a cluster longer than a part is split by code point',
    text: `a${'\u0301'.repeat(100)}`,
    encoding: 'UCS-2',
    characters: 1,
    units: 101,
    partSizes: [67, 34],
  },
];

describe('countSmsParts against the segment rules of Twilio’s calculator', () => {
  it.each(rows)('$name', ({ text, encoding, characters, units, partSizes }) => {
    expect(countSmsParts(text)).toMatchObject({ encoding, characters, units, parts: partSizes.length, partSizes });
  });

  it('names each character forcing UCS-2 whole, as a person sees it', () => {
    expect(countSmsParts(`Go ${FLAG} ${THUMB} ${FAMILY} caf${ACUTE_E} ${FLAG}`).ucs2Characters).toEqual([
      FLAG,
      THUMB,
      FAMILY,
      ACUTE_E,
    ]);
  });
});
