// Record types of the PocketBase collections, written from pb_migrations/ (the schema's
// single source). tests/integration/schema.spec.ts fails when the two drift apart.
import type PocketBase from 'pocketbase';
import type { RecordService } from 'pocketbase';

export const Collections = {
  users: 'users',
  companies: 'companies',
  spaces: 'spaces',
  events: 'events',
  registrations: 'registrations',
  passes: 'passes',
  checkins: 'checkins',
  bookings: 'bookings',
  venue: 'venue',
  notices: 'notices',
  push_subscriptions: 'push_subscriptions',
  applications: 'applications',
  here_signals: 'here_signals',
} as const;

export type CollectionName = (typeof Collections)[keyof typeof Collections];

/** ISO-like UTC date string as PocketBase stores it: `2026-11-28 08:00:00.000Z`. */
export type IsoDate = string;

interface BaseRecord {
  id: string;
  collectionId: string;
  collectionName: string;
  created: IsoDate;
  updated: IsoDate;
}

export type Role = 'guest' | 'member' | 'host';
export type Locale = 'sv' | 'en';

export interface UserRecord extends BaseRecord {
  email: string;
  emailVisibility: boolean;
  verified: boolean;
  name: string;
  avatar: string;
  role: Role;
  company: string;
  locale: Locale | '';
  /** opted in to "who is here" */
  show_presence: boolean;
  /** which notices reach the person by mail; empty means all (DESIGN "Notices") */
  mail_notices?: MailNotices | '';
  /** in the member directory, with the headline */
  listed: boolean;
  headline: string;
}

export type MailNotices = 'all' | 'essential' | 'none';

export interface CompanyRecord extends BaseRecord {
  name: string;
  about: string;
  website: string;
  tags: string[] | null;
  seat: 'fixed' | 'flex';
  logo: string;
  offers: string;
  seeks: string;
  /** shown on the public /join; guests read only listed companies (and their own) */
  listed: boolean;
}

export type SpaceKind = 'meeting_room' | 'event_area' | 'open_area';

export interface SpaceRecord extends BaseRecord {
  name: string;
  kind: SpaceKind;
  capacity: number;
  bookable: boolean;
}

export const EVENT_KINDS = ['talk', 'course', 'breakfast', 'meetup', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export type EventStatus = 'draft' | 'published' | 'cancelled';

export interface EventRecord extends BaseRecord {
  title: string;
  summary: string;
  description: string;
  kind: EventKind;
  speaker: string;
  space: string;
  starts: IsoDate;
  ends: IsoDate;
  capacity: number;
  status: EventStatus;
  reentry: boolean;
  /** confirmed registrations, kept by the server */
  taken: number;
  /** the host's short message to the registered people, and when it was written */
  message?: string;
  message_at?: IsoDate | '';
}

export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface RegistrationRecord extends BaseRecord {
  event: string;
  user: string;
  status: RegistrationStatus;
  /** order of acceptance within the event, set by the server */
  position: number;
}

export interface PassRecord extends BaseRecord {
  holder: string;
  kind: 'member' | 'event';
  registration: string;
  code: string;
  revoked: boolean;
  /** the QR modules of `code` ('1' dark, '0' light, row by row), drawn once per code by the server; "" when revoked */
  qr: string;
}

/**
 * A pass as a device holds it: passes kept on a device before the server sent modules have
 * no `qr` (the pass screen then draws them itself).
 */
export type HeldPass = Omit<PassRecord, 'qr'> & { qr?: string };

export type Verdict = 'admitted' | 'already_in' | 'wrong_event' | 'outside_window' | 'revoked' | 'unknown' | 'invalid';

export interface CheckinRecord extends BaseRecord {
  pass: string;
  holder: string;
  event: string;
  direction: 'in' | 'out';
  source: 'door' | 'self' | 'manual';
  verdict: Verdict;
  scanned_at: IsoDate;
  device: string;
  conflict: boolean;
}

export interface BookingRecord extends BaseRecord {
  space: string;
  user: string;
  starts: IsoDate;
  ends: IsoDate;
  title: string;
}

/** The venue's settings: one record, id `venuesettings01` (everyone reads, hosts edit). */
export interface VenueRecord extends BaseRecord {
  name: string;
  address: string;
  /** an http(s) map link; empty: the app searches the address on OpenStreetMap */
  map_url: string;
  /** the trades the venue looks for, one per line (shown on /join) */
  sought_trades: string;
  fixed_places_free: number;
}

export type ApplicationSeat = 'fixed' | 'flex' | 'rooms';

/** Someone applying to join (DESIGN "The space and its community"): anyone creates, hosts decide. */
export interface ApplicationRecord extends BaseRecord {
  company: string;
  contact_name: string;
  email: string;
  phone: string;
  trade: string;
  seat: ApplicationSeat;
  message: string;
  locale: Locale | '';
  status: 'new' | 'accepted' | 'declined';
  decided_by: string;
  decided_at: IsoDate | '';
}

/** "Here today" changed: one record, saved by the server, followed by realtime; no data but its times. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the record is its base fields
export interface HereSignalRecord extends BaseRecord {}

export type NoticeKind =
  'confirmed' | 'waitlisted' | 'promoted' | 'changed' | 'cancelled' | 'reminder' | 'welcome' | 'application' | 'message';

/** The server's outbox: one per fact and channel (unique `key`); a person reads their own, hosts all. */
export interface NoticeRecord extends BaseRecord {
  /** the person told; empty for a mail to an applicant without an account (then `email`, `application`) */
  user: string;
  email: string;
  application: string;
  kind: NoticeKind;
  event: string;
  channel: 'mail' | 'push';
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  key: string;
  sent_at: IsoDate;
  error: string;
  /** what the message says beyond the records (old → new time or place, a waitlist position, a host's words) */
  data: Record<string, unknown> | null;
  /** when the worker may try it next */
  next_at: IsoDate;
}

/** A web push subscription of one installed app: its owner creates, reads and deletes it. */
export interface PushSubscriptionRecord extends BaseRecord {
  user: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: string;
}

/** Each collection's record type. */
export interface CollectionRecords {
  users: UserRecord;
  companies: CompanyRecord;
  spaces: SpaceRecord;
  events: EventRecord;
  registrations: RegistrationRecord;
  passes: PassRecord;
  checkins: CheckinRecord;
  bookings: BookingRecord;
  venue: VenueRecord;
  notices: NoticeRecord;
  push_subscriptions: PushSubscriptionRecord;
  applications: ApplicationRecord;
  here_signals: HereSignalRecord;
}

export interface TypedPocketBase extends PocketBase {
  collection<K extends keyof CollectionRecords>(idOrName: K): RecordService<CollectionRecords[K]>;
  collection(idOrName: string): RecordService;
}

type SlimBuild = typeof import('../../../scripts/lib/slim-pocketbase.mjs');

/** Admin services and batches the app's build leaves out of its client (scripts/lib/slim-pocketbase.mjs). */
export type UnusedService = SlimBuild['UNUSED_POCKETBASE_SERVICES'][number] | 'createBatch';

/** Auth methods the app's build cuts from RecordService (the same file). */
export type UnusedRecordMethod = SlimBuild['UNUSED_RECORD_METHODS'][number];

/** The app's own client: no admin services, no unused auth methods (tests and scripts keep them). */
export interface AppPocketBase extends Omit<TypedPocketBase, UnusedService | 'collection'> {
  collection<K extends keyof CollectionRecords>(idOrName: K): Omit<RecordService<CollectionRecords[K]>, UnusedRecordMethod>;
  collection(idOrName: string): Omit<RecordService, UnusedRecordMethod>;
}
