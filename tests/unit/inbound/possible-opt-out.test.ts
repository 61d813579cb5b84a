import { describe, expect, it } from 'vitest';
import { isPossibleOptOut } from '@/lib/inbound/possible-opt-out';

describe('isPossibleOptOut', () => {
  it.each([
    'How do I stop these?',
    'when will these messages stop',
    'how do i unsubscribe',
    'Can I be removed?',
    'I already unsubscribed last week',
    'Cancel my subscription',
    'cancel these',
    'End these texts',
    'quit it',
    'Not interested',
    'not interested thanks',
    'Leave me alone',
    'Who is this?',
    'how did you get my number',
    'Wrong number',
    'This is spam',
    'SCAM',
    "I'm reporting you",
    'blocking this number',
    'Too many texts mate',
    'Enough already',
    'how do I make this st\u200bop',
    'Who is this?\nSent from my iPhone',
  ])('flags %j for staff to review', (body) => {
    expect(isPossibleOptOut(body)).toBe(true);
  });

  it.each([
    'STOP',
    'Stop texting me',
    'Unsubscribe me',
    "don't stop",
    "I can't stop smiling",
    'Never stop sending deals',
    "Please don't unsubscribe me",
    'Cancel my order',
    'cancel my booking for friday please',
    'End of season sale?',
    'stopping by the store later',
    'Stopped by yesterday, great service',
    'Do you have the blue jacket in size M?',
    'Which store?',
    'YES',
    'help',
    'Thanks!',
    '👍',
    '',
  ])('does not flag %j', (body) => {
    expect(isPossibleOptOut(body)).toBe(false);
  });
});
