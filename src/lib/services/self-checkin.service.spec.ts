import { describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { selfCheckinReason, spacedDayCode } from './self-checkin.service';

const refusal = (status: number, data: object) =>
  new ClientResponseError({ url: '/api/coffice/self-checkin', status, response: { status, message: 'x', data } });

describe('selfCheckinReason', () => {
  it.each([
    [refusal(400, { day_code: { code: 'day_code_wrong', message: 'x' } }), 'day_code_wrong'],
    [refusal(400, { day_code: { code: 'day_code_missing', message: 'x' } }), 'day_code_missing'],
    [refusal(400, { door: { code: 'door_old_poster', message: 'x' } }), 'door_old_poster'],
    [refusal(400, { door: { code: 'door_not_poster', message: 'x' } }), 'door_not_poster'],
    [refusal(400, { door: { code: 'no_member_pass', message: 'x' } }), 'no_member_pass'],
    [refusal(400, { door: { code: 'door_missing', message: 'x' } }), 'invalid'],
    [refusal(429, {}), 'too_many'],
    [refusal(403, {}), 'forbidden'],
  ])('reads the server’s refusal %#', (error, reason) => {
    expect(selfCheckinReason(error)).toBe(reason);
  });
});

it('spacedDayCode splits six digits in two, and leaves anything else alone', () => {
  expect(spacedDayCode('482913')).toBe('482 913');
  expect(spacedDayCode('012345')).toBe('012 345');
  expect(spacedDayCode('')).toBe('');
});
