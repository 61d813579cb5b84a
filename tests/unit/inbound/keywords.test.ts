import { describe, expect, it } from 'vitest';
import { classifyKeyword } from '@/lib/inbound/keywords';

describe('classifyKeyword', () => {
  it.each([
    ['STOP', 'OPT_OUT'],
    ['stop', 'OPT_OUT'],
    ['Stop!', 'OPT_OUT'],
    ['  stop.  ', 'OPT_OUT'],
    ['"STOP"', 'OPT_OUT'],
    ['STOPALL', 'OPT_OUT'],
    ['Unsubscribe', 'OPT_OUT'],
    ['cancel', 'OPT_OUT'],
    ['END', 'OPT_OUT'],
    ['quit', 'OPT_OUT'],
    ['revoke', 'OPT_OUT'],
    ['optout', 'OPT_OUT'],
    ['ＳＴＯＰ', 'OPT_OUT'],
    ['START', 'OPT_IN'],
    ['yes', 'OPT_IN'],
    ['Unstop', 'OPT_IN'],
    ['subscribe', 'OPT_IN'],
    ['resume!', 'OPT_IN'],
    ['help', 'HELP'],
    ['INFO?', 'HELP'],
  ])('reads the keyword %j as %s', (body, keyword) => {
    expect(classifyKeyword(body)).toBe(keyword);
  });

  it.each([
    'STOP please',
    'Stop it',
    'please stop',
    'Please just stop',
    'pls stop',
    'STOP STOP',
    'Stop texting me',
    'STOP SENDING ME THESE',
    'stop. thanks',
    'Stop - Dave',
    'STOP\n\nSent from my iPhone',
    'Stop\n-- Sam',
    'Cancel\nSent from my Galaxy',
    'Opt out',
    'opt-out please',
    'Unsubscribe me',
    'unsubscribe me please',
    'please unsubscribe',
    'Remove me from your list',
    'Can you remove me from the mailing list?',
    'Wrong number, remove me',
    'Take me off your list',
    'Please stop messaging me',
    "Don't text me again",
    'Do not contact me',
    'No more texts please',
    'I want to unsubscribe',
    "I'd like to opt out",
    'I would like to opt out of these messages',
    'ST\u200bOP',
    '\u200bSTOP\u200d',
    'S\u00adTOP',
    'SТОP',
    'Ѕtop',
    'stopall thanks',
  ])('honours %j as an opt-out', (body) => {
    expect(classifyKeyword(body)).toBe('OPT_OUT');
  });

  it.each([
    "don't stop",
    "Don't stop the sale!",
    "I can't stop smiling",
    'Never stop sending deals',
    'Cancel my order',
    'cancel my booking for friday please',
    'End of season sale?',
    'Quit joking, is it really 50% off?',
    'stopping by the store later',
    'nonstop',
    'Stopped by yesterday, great service',
    'yes please',
    'YES I want the blue jacket',
    'help me find a size M',
    'Which store has it?',
    "Please don't unsubscribe me",
    "I don't want to unsubscribe, just change my number",
    'How do I get the discount?',
    '',
    'Thanks!',
    '👍',
  ])('keeps %j as an ordinary reply', (body) => {
    expect(classifyKeyword(body)).toBe('NONE');
  });
});
