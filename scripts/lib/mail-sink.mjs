// A real SMTP server on this machine that hands every mail it receives to a callback:
// the tests read one-time codes and reset links from it, and `npm run dev` prints them.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/** @typedef {{ to: string[], subject: string, text: string, html: string }} Mail */

/**
 * @param {{ port: number, host?: string, onMail: (mail: Mail) => void }} options
 * @returns {Promise<{ stop: () => Promise<void> }>}
 */
export async function startSmtpSink({ port, host = '127.0.0.1', onMail }) {
  const smtp = new SMTPServer({
    authOptional: true,
    // PocketBase would try STARTTLS against a self-signed certificate: plain SMTP only
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          onMail({
            to: session.envelope.rcptTo.map((r) => r.address.trim().toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html || '',
          });
          callback();
        })
        .catch((/** @type {Error} */ error) => callback(error));
    },
  });
  await new Promise((resolve) => smtp.listen(port, host, () => resolve(undefined)));
  return { stop: () => new Promise((resolve) => smtp.close(() => resolve(undefined))) };
}
