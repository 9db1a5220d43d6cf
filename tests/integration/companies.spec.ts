// Hosts run the member companies: create, edit, fixed or flexible seat, a logo that is
// really an image, and who belongs to which company. Nobody else writes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');

let counter = 0;
function companyForm(logo?: { bytes: Buffer; name: string; type: string }) {
  const form = new FormData();
  form.append('name', `Firma ${++counter} ${Date.now()}`);
  form.append('seat', 'flex');
  if (logo) form.append('logo', new Blob([new Uint8Array(logo.bytes)], { type: logo.type }), logo.name);
  return form;
}

async function refusal(request: Promise<unknown>) {
  try {
    await request;
  } catch (error) {
    if (error instanceof ClientResponseError) {
      const data = (error.response?.data ?? {}) as Record<string, { code: string }>;
      return { status: error.status, logo: data.logo?.code };
    }
    throw error;
  }
  throw new Error('expected the server to refuse, but it accepted');
}

describe('companies', () => {
  it('a host creates a company with a logo, edits it and moves it to a fixed seat', async () => {
    const { pb } = await server.person('host');
    const made = await pb.collection('companies').create(companyForm({ bytes: PNG, name: 'logo.png', type: 'image/png' }));
    expect(made.logo).toMatch(/\.png$/);
    const edited = await pb.collection('companies').update(made.id, { seat: 'fixed', about: 'Redovisning' });
    expect(edited).toMatchObject({ seat: 'fixed', about: 'Redovisning', logo: made.logo });
    const file = await fetch(pb.files.getURL(edited, edited.logo));
    expect(file.headers.get('content-type')).toBe('image/png');
  });

  it.each([
    ['an SVG calling itself a PNG', { bytes: SVG, name: 'logo.png', type: 'image/png' }],
    ['HTML calling itself a JPEG', { bytes: HTML, name: 'logo.jpg', type: 'image/jpeg' }],
    ['image bytes named .svg', { bytes: PNG, name: 'logo.svg', type: 'image/svg+xml' }],
    ['image bytes named .html', { bytes: PNG, name: 'logo.html', type: 'text/html' }],
    ['a logo over 1 MB', { bytes: Buffer.concat([PNG, Buffer.alloc(1024 * 1024 + 1)]), name: 'big.png', type: 'image/png' }],
  ])('%s is refused and nothing is stored', async (_what, logo) => {
    const { pb } = await server.person('host');
    const before = (await server.admin.collection('companies').getList(1, 1)).totalItems;
    const refused = await refusal(pb.collection('companies').create(companyForm(logo)));
    expect(refused.status).toBe(400);
    expect(refused.logo).toMatch(/^validation_(invalid_mime_type|file_size_limit)$/);
    expect((await server.admin.collection('companies').getList(1, 1)).totalItems).toBe(before);

    const company = await pb.collection('companies').create(companyForm());
    expect((await refusal(pb.collection('companies').update(company.id, companyForm(logo)))).status).toBe(400);
    expect((await server.admin.collection('companies').getOne(company.id)).logo).toBe('');
  });

  it('members and guests cannot create or edit companies', async () => {
    const company = await server.admin.collection('companies').create({ name: `Värdens ${Date.now()}`, seat: 'flex' });
    for (const role of ['guest', 'member'] as const) {
      const { pb } = await server.person(role);
      expect((await refusal(pb.collection('companies').create(companyForm()))).status).toBe(400);
      expect((await refusal(pb.collection('companies').update(company.id, { seat: 'fixed' }))).status).toBe(404);
    }
    expect((await server.admin.collection('companies').getOne(company.id)).seat).toBe('flex');
  });

  it('a host assigns a person to a company and finds people by name or email', async () => {
    const { pb: host } = await server.person('host');
    const { user } = await server.person('guest', 'Gunnel Företagare');
    const company = await host.collection('companies').create({ name: `Gunnels AB ${Date.now()}`, seat: 'flex' });
    await host.collection('users').update(user.id, { company: company.id });
    expect((await server.admin.collection('users').getOne(user.id)).company).toBe(company.id);

    const byName = await host.collection('users').getFullList({ filter: host.filter('name ~ {:q} || email ~ {:q}', { q: 'Gunnel' }) });
    expect(byName.map((u) => u.id)).toEqual([user.id]);
    const byEmail = await host.collection('users').getFullList({ filter: host.filter('name ~ {:q} || email ~ {:q}', { q: user.email }) });
    expect(byEmail.map((u) => u.email)).toEqual([user.email]);
  });
});
