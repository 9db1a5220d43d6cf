// A real SMTP server on a free local port that keeps every mail PocketBase sends, so the
// one-time-code and password-reset flows are tested end to end. It can also answer
// `GET /mails?to=<address>` over HTTP for Playwright tests running in other processes.
import http from 'node:http';
import { startSmtpSink } from '../../scripts/lib/mail-sink.mjs';
import { freePort } from '../../scripts/lib/pocketbase.mjs';
import type { TypedPocketBase } from '../../src/lib/pocketbase/types';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** header name in small letters → its value (as sent, unfolded) */
  headers: Record<string, string>;
  attachments: { filename: string; content: string }[];
}

export interface MailSink {
  port: number;
  /** set when started with `http: true` */
  httpUrl?: string;
  /** every mail to this address so far, oldest first */
  mailsTo(address: string): Mail[];
  /** the next mail to this address not yet returned by nextMailTo (waits for it to arrive) */
  nextMailTo(address: string): Promise<Mail>;
  /** refuse every mail with a temporary 451 while on */
  setRefusing(on: boolean): void;
  stop(): Promise<void>;
}

const normal = (address: string) => address.trim().toLowerCase();

export async function startMailSink(options: { http?: boolean } = {}): Promise<MailSink> {
  const mails: Mail[] = [];
  const taken = new Map<string, number>();
  let waiters: { address: string; resolve: (mail: Mail) => void }[] = [];
  let refusing = false;

  const mailsTo = (address: string) => mails.filter((m) => m.to.includes(normal(address)));
  const takeNext = (address: string): Mail | undefined => {
    const list = mailsTo(address);
    const index = taken.get(normal(address)) ?? 0;
    if (index >= list.length) return undefined;
    taken.set(normal(address), index + 1);
    return list[index];
  };

  const port = await freePort();
  const smtp = await startSmtpSink({
    port,
    refusing: () => refusing,
    onMail(mail) {
      mails.push(mail);
      const ready = waiters;
      waiters = [];
      for (const waiter of ready) {
        const next = takeNext(waiter.address);
        if (next) waiter.resolve(next);
        else waiters.push(waiter);
      }
    },
  });

  let web: http.Server | undefined;
  let httpUrl: string | undefined;
  if (options.http) {
    web = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(mailsTo(url.searchParams.get('to') ?? '')));
    });
    const webPort = await freePort();
    await new Promise<void>((resolve) => web!.listen(webPort, '127.0.0.1', resolve));
    httpUrl = `http://127.0.0.1:${webPort}`;
  }

  return {
    port,
    httpUrl,
    mailsTo,
    setRefusing(on) {
      refusing = on;
    },
    nextMailTo(address) {
      const mail = takeNext(address);
      if (mail) return Promise.resolve(mail);
      return new Promise((resolve) => waiters.push({ address, resolve }));
    },
    async stop() {
      await smtp.stop();
      if (web) await new Promise<void>((resolve) => web!.close(() => resolve()));
    },
  };
}

/** Points PocketBase's mail settings at the sink, and its links at the app's address. */
export async function sendMailTo(admin: TypedPocketBase, sink: MailSink, appURL: string) {
  await admin.settings.update({
    meta: { appURL, senderName: 'Coffice', senderAddress: 'noreply@coffice.test' },
    smtp: { enabled: true, host: '127.0.0.1', port: sink.port, tls: false, username: '', password: '' },
  });
}

/** The six-digit one-time code in a mail. */
export function codeIn(mail: Mail): string {
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`no one-time code in the mail "${mail.subject}"`);
  return code;
}

/** The password-reset token in a mail's link. */
export function resetTokenIn(mail: Mail): string {
  const token = /\/me\/reset\?token=([^\s"&<]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no reset link in the mail "${mail.subject}"`);
  return decodeURIComponent(token);
}
