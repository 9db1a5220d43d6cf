// A refusal is carried by its code, never its English message.
import { describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { refusalCode } from './refusal-code';
import { classify } from './pocketbase-transport';

const answer = (status: number, data: object, message = 'Words the app never reads.') =>
  new ClientResponseError({ status, response: { status, message, data } });

describe('refusalCode', () => {
  it('reads the field code PocketBase carries', () => {
    expect(refusalCode(answer(400, { event: { code: 'event_ended', message: 'This event has already ended.' } }))).toBe('event_ended');
    expect(refusalCode(answer(400, { title: null, ends: { code: 'event_too_long' } }))).toBe('event_too_long');
  });

  it('has none when the answer carries no code', () => {
    expect(refusalCode(answer(400, {}))).toBeUndefined();
    expect(refusalCode(answer(400, { event: { code: '' } }))).toBeUndefined();
    expect(refusalCode(new Error('offline'))).toBeUndefined();
  });
});

describe('classify', () => {
  it('gives a refusal’s code as its reason, and the kind of refusal when there is no code', () => {
    expect(classify(answer(400, { event: { code: 'registration_exists', message: 'x' } }))).toEqual({
      outcome: 'refused',
      reason: 'registration_exists',
      message: 'Words the app never reads.',
    });
    expect(classify(answer(400, {}))).toMatchObject({ outcome: 'refused', reason: 'invalid' });
    expect(classify(answer(404, {}))).toMatchObject({ outcome: 'refused', reason: 'not_found' });
  });
});
