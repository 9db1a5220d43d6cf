import { describe, expect, it } from 'vitest';
import { personLabel } from './person-label';

describe('how hosts see a person', () => {
  it.each([
    [
      { name: 'Maja Lindqvist', email: 'maja@example.se' },
      { kind: 'named', name: 'Maja Lindqvist', email: 'maja@example.se' },
    ],
    [
      { name: 'Per Walk', email: 'walk-in-abc123def456@walk-in.invalid' },
      { kind: 'walk_in', name: 'Per Walk', email: '' },
    ],
    [
      { name: '', email: 'walk-in-abc123def456@walk-in.invalid' },
      { kind: 'walk_in', name: '', email: '' },
    ],
    [
      { name: '  ', email: 'ny@example.se' },
      { kind: 'unfinished', name: '', email: 'ny@example.se' },
    ],
    [undefined, { kind: 'unfinished', name: '', email: '' }],
  ])('%j', (person, label) => {
    expect(personLabel(person)).toEqual(label);
  });
});
