// A real SMTP server on this machine that hands every mail it receives to a callback:
// the tests read one-time codes and reset links from it, and `npm run dev` prints them.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/** @typedef {{ to: string[], subject: string, text: string, html: string, headers: Record<string, string>, attachments: { filename: string, content: string }[] }} Mail */

/**
 * @param {{ port: number, host?: string, onMail: (mail: Mail) => void, refusing?: () => boolean }} options
 *   `refusing`: while it answers true, every mail is refused with a temporary 451
 * @returns {Promise<{ stop: () => Promise<void> }>}
 */
export async function startSmtpSink({ port, host = '127.0.0.1', onMail, refusing = () => false }) {
  const smtp = new SMTPServer({
    authOptional: true,
    // PocketBase would try STARTTLS against a self-signed certificate: plain SMTP only
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (refusing()) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          onMail({
            to: session.envelope.rcptTo.map((r) => r.address.trim().toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html || '',
            headers: Object.fromEntries(parsed.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()])),
            attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', content: a.content.toString('utf8') })),
          });
          callback();
        })
        .catch((/** @type {Error} */ error) => callback(error));
    },
  });
  await new Promise((resolve) => smtp.listen(port, host, () => resolve(undefined)));
  return { stop: () => new Promise((resolve) => smtp.close(() => resolve(undefined))) };
}
