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
  ])('reads %j as %s', (body, keyword) => {
    expect(classifyKeyword(body)).toBe(keyword);
  });

  it.each([
    "don't stop",
    'stop it',
    'please stop',
    'stopping',
    'STOP STOP',
    'nonstop',
    'yes please',
    'help me',
    '',
    'Thanks!',
  ])('does not treat %j as a keyword', (body) => {
    expect(classifyKeyword(body)).toBe('NONE');
  });
});
