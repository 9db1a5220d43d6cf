// Requests from other loopback addresses (the whole 127.0.0.0/8 is this machine), so a test
// can be many clients at once: a room behind one address, or an attacker with twenty.
import http from 'node:http';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** A JSON POST to `url` + `path` sent from `address` (e.g. '127.0.0.7'). */
export function postFrom(address: string, url: string, path: string, body: unknown): Promise<Answer> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(path, url),
      {
        method: 'POST',
        localAddress: address,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          let parsed: Record<string, unknown>;
          try {
            parsed = text ? JSON.parse(text) : {};
          } catch {
            parsed = { text };
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
