import { describe, expect, it } from 'vitest';
import { countSmsParts } from '@/lib/messages/sms-parts';

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';
const EMOJI = '😀';

describe('countSmsParts in GSM-7', () => {
  it('fits 160 plain characters in one part with nothing to spare', () => {
    expect(countSmsParts('a'.repeat(160))).toEqual({
      encoding: 'GSM-7',
      characters: 160,
      units: 160,
      parts: 1,
      perPart: 160,
      partSizes: [160],
      remainingInLastPart: 0,
      ucs2Characters: [],
    });
  });

  it('splits 161 plain characters into 153 + 8, since each part of a long message holds 153', () => {
    expect(countSmsParts('a'.repeat(161))).toMatchObject({
      units: 161,
      parts: 2,
      perPart: 153,
      partSizes: [153, 8],
      remainingInLastPart: 145,
    });
  });

  it('fits 306 plain characters in two full parts and needs a third at 307', () => {
    expect(countSmsParts('a'.repeat(306))).toMatchObject({ parts: 2, partSizes: [153, 153], remainingInLastPart: 0 });
    expect(countSmsParts('a'.repeat(307))).toMatchObject({
      parts: 3,
      partSizes: [153, 153, 1],
      remainingInLastPart: 152,
    });
  });

  it('costs one septet for every character of the basic table', () => {
    expect(GSM_BASIC).toHaveLength(127);
    expect(countSmsParts(GSM_BASIC)).toMatchObject({
      encoding: 'GSM-7',
      characters: 127,
      units: 127,
      ucs2Characters: [],
    });
  });

  it.each([...GSM_EXTENSION])('costs two septets for the extension character %j', (char) => {
    expect(countSmsParts(`a${char}b`)).toMatchObject({ encoding: 'GSM-7', characters: 3, units: 4, parts: 1 });
  });

  it('fits 80 euro signs (160 septets) in one part and needs two for 81', () => {
    expect(countSmsParts('€'.repeat(80))).toMatchObject({ characters: 80, units: 160, parts: 1, partSizes: [160] });
    expect(countSmsParts('€'.repeat(81))).toMatchObject({
      characters: 81,
      units: 162,
      parts: 2,
      perPart: 153,
      partSizes: [152, 10],
    });
  });

  it('moves an escape pair that would straddle a part boundary into the next part', () => {
    const straddling = countSmsParts(`${'a'.repeat(152)}€${'a'.repeat(10)}`);
    expect(straddling).toMatchObject({ units: 164, parts: 2, partSizes: [152, 12], remainingInLastPart: 141 });
  });

  it('keeps an escape pair that ends exactly on a part boundary in that part', () => {
    expect(countSmsParts(`${'a'.repeat(151)}€${'a'.repeat(10)}`)).toMatchObject({ units: 163, partSizes: [153, 10] });
  });

  it('needs an extra part when moved escape pairs push the total over', () => {
    // 153 euro signs are 306 septets, which would fill two parts exactly, but
    // each part can only hold 76 whole pairs (152 septets).
    expect(countSmsParts('€'.repeat(153))).toMatchObject({ units: 306, parts: 3, partSizes: [152, 152, 2] });
  });

  it('counts CR and LF as one septet each', () => {
    expect(countSmsParts('Hi\r\nthere')).toMatchObject({ encoding: 'GSM-7', units: 9 });
  });

  it('reports an empty body as zero parts, since it is never sent', () => {
    expect(countSmsParts('')).toEqual({
      encoding: 'GSM-7',
      characters: 0,
      units: 0,
      parts: 0,
      perPart: 160,
      partSizes: [],
      remainingInLastPart: 160,
      ucs2Characters: [],
    });
  });
});

describe('countSmsParts in UCS-2', () => {
  it.each(['ā', '“', '’', 'á', 'ç', '\u001b'])(
    'switches the whole message to UCS-2 for one %j and names it',
    (char) => {
      expect(countSmsParts(`Hello${char} world`)).toMatchObject({
        encoding: 'UCS-2',
        units: 12,
        ucs2Characters: [char],
      });
    },
  );

  it('names each forcing character once, in order of first appearance, and not the GSM ones', () => {
    expect(countSmsParts('Café “Māori” — Café “Māori”').ucs2Characters).toEqual(['“', 'ā', '”', '—']);
  });

  it('fits 70 characters in one part and splits 71 into 67 + 4', () => {
    expect(countSmsParts(`ā${'a'.repeat(69)}`)).toEqual({
      encoding: 'UCS-2',
      characters: 70,
      units: 70,
      parts: 1,
      perPart: 70,
      partSizes: [70],
      remainingInLastPart: 0,
      ucs2Characters: ['ā'],
    });
    expect(countSmsParts(`ā${'a'.repeat(70)}`)).toMatchObject({
      units: 71,
      parts: 2,
      perPart: 67,
      partSizes: [67, 4],
      remainingInLastPart: 63,
    });
  });

  it('counts an emoji as one character but two units, and names it whole', () => {
    expect(countSmsParts(`Hi ${EMOJI}`)).toMatchObject({
      encoding: 'UCS-2',
      characters: 4,
      units: 5,
      parts: 1,
      ucs2Characters: [EMOJI],
    });
  });

  it('fits 35 emoji (70 units) in one part', () => {
    expect(countSmsParts(EMOJI.repeat(35))).toMatchObject({ characters: 35, units: 70, parts: 1, partSizes: [70] });
  });

  it('moves a surrogate pair that would straddle a part boundary into the next part', () => {
    expect(countSmsParts(`${'a'.repeat(66)}${EMOJI}${'a'.repeat(10)}`)).toMatchObject({
      units: 78,
      parts: 2,
      partSizes: [66, 12],
      remainingInLastPart: 55,
    });
    expect(countSmsParts(EMOJI.repeat(36))).toMatchObject({ characters: 36, units: 72, parts: 2, partSizes: [66, 6] });
  });

  it('keeps a surrogate pair that ends exactly on a part boundary in that part', () => {
    expect(countSmsParts(`${'a'.repeat(65)}${EMOJI}${'a'.repeat(10)}`)).toMatchObject({
      units: 77,
      partSizes: [67, 10],
    });
  });

  it('counts a lone surrogate as one unit that forces UCS-2', () => {
    expect(countSmsParts('ab\ud83d')).toMatchObject({
      encoding: 'UCS-2',
      characters: 3,
      units: 3,
      ucs2Characters: ['\ud83d'],
    });
  });
});

describe('countSmsParts on a real campaign', () => {
  const body = (apostrophe: string) =>
    `Hi Sarah, Coastal Threads${apostrophe} winter sale is on: 30% off knitwear until Sun 15 June. ` +
    'Shop now: https://go.coastalthreads.com.au/l/k7Qx2mP9\nReply STOP to opt out';

  it('sends a promotion with a short link and opt-out line as one GSM-7 part', () => {
    expect(countSmsParts(body("'"))).toEqual({
      encoding: 'GSM-7',
      characters: 157,
      units: 157,
      parts: 1,
      perPart: 160,
      partSizes: [157],
      remainingInLastPart: 3,
      ucs2Characters: [],
    });
  });

  it('bills the same promotion as three parts when a word processor curled its apostrophe', () => {
    expect(countSmsParts(body('’'))).toMatchObject({
      encoding: 'UCS-2',
      characters: 157,
      units: 157,
      parts: 3,
      partSizes: [67, 67, 23],
      ucs2Characters: ['’'],
    });
  });
});
