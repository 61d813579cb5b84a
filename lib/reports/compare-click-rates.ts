// Which of a campaign's messages got more of its delivered recipients to click, and
// how sure that is: a two-proportion z-test, pure so it is tested on its own.

export interface MessageSample {
  /** How the report names the message: "Message A". */
  label: string;
  /** People who clicked (humans only). */
  clicked: number;
  /** Messages delivered: the people who could have clicked. */
  delivered: number;
}

export interface CompareClickRatesOptions {
  samples: readonly MessageSample[];
  /** Fewer delivered messages than this on either side is not enough to tell. */
  minimumDelivered?: number;
}

export type ClickRateVerdict =
  | { kind: 'not-enough-data'; statement: string }
  | { kind: 'no-difference'; statement: string; confidence: number }
  | { kind: 'better'; statement: string; winner: string; loser: string; confidence: number };

export const MINIMUM_DELIVERED = 100;

/** The standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Compares the two messages with the most deliveries (an A/B campaign has two; a
 * third is compared by whoever reads the table). Two-sided test on the pooled
 * proportion; the confidence said is 1 − p, rounded down to 90, 95 or 99 %, and
 * below 90 % the statement is that no difference shows yet.
 */
export function compareClickRates({
  samples,
  minimumDelivered = MINIMUM_DELIVERED,
}: CompareClickRatesOptions): ClickRateVerdict {
  const [a, b] = [...samples].sort((x, y) => y.delivered - x.delivered).slice(0, 2);
  if (!a || !b || a.delivered < minimumDelivered || b.delivered < minimumDelivered) {
    return {
      kind: 'not-enough-data',
      statement: `Not enough data yet: each message needs at least ${minimumDelivered} delivered to compare click rates.`,
    };
  }
  const [first, second] = samples.indexOf(a) < samples.indexOf(b) ? [a, b] : [b, a];
  const p1 = first.clicked / first.delivered;
  const p2 = second.clicked / second.delivered;
  const pooled = (first.clicked + second.clicked) / (first.delivered + second.delivered);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / first.delivered + 1 / second.delivered));
  const z = se > 0 ? (p1 - p2) / se : 0;
  const confidence = 1 - 2 * (1 - normalCdf(Math.abs(z)));
  const level = confidence >= 0.99 ? 0.99 : confidence >= 0.95 ? 0.95 : confidence >= 0.9 ? 0.9 : null;
  if (level === null || p1 === p2) {
    return {
      kind: 'no-difference',
      confidence,
      statement: `No clear difference in click rate yet between ${first.label} and ${second.label} (less than 90 % confident).`,
    };
  }
  const [winner, loser] = p1 > p2 ? [first, second] : [second, first];
  return {
    kind: 'better',
    winner: winner.label,
    loser: loser.label,
    confidence,
    statement: `${winner.label}'s click rate is higher, ${Math.round(level * 100)} % confident.`,
  };
}
