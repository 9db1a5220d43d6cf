// The registration panel as a person meets it: signed out it invites to sign in; signed in
// it offers to register, says what happened (saved offline, registered, waitlisted,
// refused) in their language, and offers to cancel a place.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale, type AppLocale } from '$lib/i18n';
import type { LocalRegistration } from '$lib/offline/db';
import type { EventRecord } from '$lib/pocketbase/types';
import RegistrationPanel from './RegistrationPanel.svelte';

const state = vi.hoisted(() => ({
  user: null as { id: string; name: string } | null,
  registration: undefined as LocalRegistration | undefined,
  passes: [] as { id: string; registration: string; revoked: boolean }[],
  register: vi.fn(async () => ({ ok: true })),
  cancel: vi.fn(async () => ({ ok: true })),
}));

vi.mock('$lib/state/auth.svelte', () => ({
  auth: {
    get user() {
      return state.user;
    },
    get signedIn() {
      return state.user !== null;
    },
  },
}));
vi.mock('$lib/state/schedule.svelte', () => ({
  schedule: {
    loaded: true,
    get passes() {
      return state.passes;
    },
    registrationFor: () => state.registration,
  },
}));
vi.mock('$lib/state/install.svelte', () => ({ install: { Offer: null } }));
// the words for each refusal are $lib/refusal-text's own tests; here: the panel shows them
vi.mock('$lib/refusal-text', () => ({ refusalText: (refusal: string) => `words for ${refusal}` }));
vi.mock('$lib/services/registrations.service', () => ({ registerForEvent: state.register, cancelRegistration: state.cancel }));

const stamp = (date: Date) => date.toISOString().replace('T', ' ');
const event = (fields: Partial<EventRecord> = {}): EventRecord => ({
  id: 'event000000001',
  collectionId: 'events',
  collectionName: 'events',
  created: stamp(new Date()),
  updated: stamp(new Date()),
  title: 'Breakfast meeting',
  summary: '',
  description: '',
  kind: 'breakfast',
  speaker: '',
  space: '',
  starts: stamp(new Date(Date.now() + 86_400_000)),
  ends: stamp(new Date(Date.now() + 90_000_000)),
  capacity: 20,
  status: 'published',
  reentry: false,
  taken: 3,
  ...fields,
});
const registration = (fields: Partial<LocalRegistration>) =>
  ({
    id: 'reg00000000001',
    event: 'event000000001',
    user: 'user00000000001',
    status: 'confirmed',
    position: 1,
    ...fields,
  }) as LocalRegistration;

function show(locale: AppLocale = 'en', fields: Partial<EventRecord> = {}) {
  setLocale(locale, { reload: false });
  render(RegistrationPanel, { event: event(fields) });
  return screen.getByTestId('registration');
}
const stateShown = () => screen.getByTestId('registration-state');

describe('RegistrationPanel', () => {
  beforeEach(() => {
    state.user = { id: 'user00000000001', name: 'Sara Holm' };
    state.registration = undefined;
    state.passes = [];
    state.register.mockClear();
    state.cancel.mockClear();
    sessionStorage.clear();
  });

  it('is a live region, so what changes is read out', () => {
    expect(show()).toHaveAttribute('aria-live', 'polite');
  });

  it('signed out, invites to sign in and come back to register', () => {
    state.user = null;
    show('sv');
    const link = screen.getByRole('link', { name: 'Anmäl mig' });
    expect(link.getAttribute('href')).toContain(encodeURIComponent('/events/event000000001'));
    expect(screen.getByText('Logga in för att anmäla dig')).toBeInTheDocument();
  });

  it('registers with one tap', async () => {
    show('en');
    await fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(state.register).toHaveBeenCalledWith('event000000001');
  });

  it('says a registration made offline is saved and will be sent', () => {
    state.registration = registration({ status: 'pending', pendingChange: 'create' });
    show('sv');
    expect(stateShown()).toHaveTextContent('Din anmälan är sparad och skickas när nätet finns.');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('says registered and offers to cancel, asking first', async () => {
    state.registration = registration({ status: 'confirmed' });
    show('en');
    expect(stateShown()).toHaveTextContent('You are registered.');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel my place' }));
    expect(confirm).toHaveBeenCalledWith('Cancel your place at “Breakfast meeting”? Your pass will stop working.');
    expect(state.cancel).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel my place' }));
    expect(state.cancel).toHaveBeenCalledWith(state.registration);
  });

  it('says clearly that the waitlist gave a place, with the pass, in both languages', () => {
    state.registration = registration({ status: 'confirmed', promoted: true });
    state.passes = [{ id: 'pass0000000001', registration: 'reg00000000001', revoked: false }];
    show('sv');
    expect(stateShown()).toHaveTextContent('Du har fått en plats! En plats blev ledig och den är din.');
    expect(screen.getByRole('link', { name: 'Visa passerkortet' })).toHaveAttribute('href', '/passes/pass0000000001');
    cleanup();
    show('en');
    expect(stateShown()).toHaveTextContent('You got a place! A place became free and it is yours.');
    expect(stateShown()).toHaveAttribute('data-state', 'confirmed');
  });

  it('a place that was never on the waitlist is only "registered"', () => {
    state.registration = registration({ status: 'confirmed' });
    show('sv');
    expect(stateShown()).toHaveTextContent('Du är anmäld.');
    expect(screen.queryByText(/Du har fått en plats/)).not.toBeInTheDocument();
  });

  it('says a cancellation made offline is saved', () => {
    state.registration = registration({ status: 'confirmed', pendingChange: 'cancel' });
    show('en');
    expect(stateShown()).toHaveTextContent('Your cancellation is saved and will be sent when there is a network.');
  });

  it('says waitlisted, in Swedish', () => {
    state.registration = registration({ status: 'waitlisted' });
    show('sv');
    expect(stateShown()).toHaveTextContent(/^Du står på väntelistan\./);
    expect(screen.getByRole('button', { name: 'Avboka' })).toBeInTheDocument();
  });

  it('announces a refusal as an alert, in the words made for it', async () => {
    state.registration = registration({ status: 'cancelled', refusal: 'event_full' as LocalRegistration['refusal'] });
    show('sv');
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Anmälan gick inte igenom: words for event_full'));
    // a refused person may try again
    expect(screen.getByRole('button', { name: 'Anmäl mig' })).toBeInTheDocument();
  });

  it('after the event, offers nothing (the page says it has taken place)', () => {
    state.registration = registration({ status: 'confirmed' });
    show('en', { starts: stamp(new Date(Date.now() - 90_000_000)), ends: stamp(new Date(Date.now() - 86_400_000)) });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByText('This event has already taken place.')).not.toBeInTheDocument();
  });

  it('shows nothing for a draft nobody registered for', () => {
    setLocale('en', { reload: false });
    render(RegistrationPanel, { event: event({ status: 'draft' }) });
    expect(screen.queryByTestId('registration')).not.toBeInTheDocument();
  });
});
