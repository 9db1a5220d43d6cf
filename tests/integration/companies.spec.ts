// Hosts run the member companies: create, edit, fixed or flexible seat, a logo that is
// really an image, and who belongs to which company. Nobody else writes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientResponseError } from 'pocketbase';
import { startTestServer, type TestServer } from '../helpers/server';
import { fixtureImage, jpegClaiming, png, webpClaiming, uploadRefusal } from '../helpers/images';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
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

const refusal = (request: Promise<unknown>) => uploadRefusal(request, 'logo');

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

// A file of a few KB whose header claims 100 million pixels: PocketBase holds every pixel in
// memory when it makes the logo's thumb (~500 MB for 10000 × 10000), so it is refused on upload.
describe('image bombs as logos', () => {
  it.each([
    ['a 10000 × 10000 PNG', { bytes: png(10000, 10000), name: 'bomb.png', type: 'image/png' }],
    ['a PNG one row over 25 megapixels', { bytes: png(5000, 5001), name: 'bomb.png', type: 'image/png' }],
    ['a JPEG claiming 10000 × 10000', { bytes: jpegClaiming(10000, 10000), name: 'bomb.jpg', type: 'image/jpeg' }],
    [
      'a JPEG claiming 8000 × 8000 behind 200 KB of metadata',
      { bytes: jpegClaiming(8000, 8000, { paddingBeforeFrame: 200_000 }), name: 'bomb.jpeg', type: 'image/jpeg' },
    ],
    ['a lossy WebP claiming 16383 × 16383', { bytes: webpClaiming('lossy', 16383, 16383), name: 'bomb.webp', type: 'image/webp' }],
    ['a lossless WebP claiming 10000 × 10000', { bytes: webpClaiming('lossless', 10000, 10000), name: 'bomb.webp', type: 'image/webp' }],
    ['an extended WebP claiming 10000 × 10000', { bytes: webpClaiming('extended', 10000, 10000), name: 'bomb.webp', type: 'image/webp' }],
  ])('%s is refused with a reason, and nothing is stored', async (_what, logo) => {
    expect(logo.bytes.length).toBeLessThan(300 * 1024);
    const { pb } = await server.person('host');
    const before = (await server.admin.collection('companies').getList(1, 1)).totalItems;
    const refused = await refusal(pb.collection('companies').create(companyForm(logo)));
    expect(refused).toMatchObject({ status: 400, logo: 'image_too_many_pixels' });
    expect(refused.message).toMatch(/at most 25 megapixels/);
    expect((await server.admin.collection('companies').getList(1, 1)).totalItems).toBe(before);

    const company = await pb.collection('companies').create(companyForm());
    expect(await refusal(pb.collection('companies').update(company.id, companyForm(logo)))).toMatchObject({
      status: 400,
      logo: 'image_too_many_pixels',
    });
    expect((await server.admin.collection('companies').getOne(company.id)).logo).toBe('');
  });

  it('a file that starts like a PNG but states no size is refused as unreadable', async () => {
    const { pb } = await server.person('host');
    const cut = png(64, 64).subarray(0, 20);
    expect(await refusal(pb.collection('companies').create(companyForm({ bytes: cut, name: 'cut.png', type: 'image/png' })))).toMatchObject(
      {
        status: 400,
        logo: 'image_unreadable',
      },
    );
  });

  it('a batch request cannot carry one in (batches are for operators only)', async () => {
    const { pb } = await server.person('host');
    const batch = pb.createBatch();
    batch.collection('companies').create({
      name: `Batchbolaget ${Date.now()}`,
      seat: 'flex',
      logo: new File([new Uint8Array(png(10000, 10000))], 'bomb.png', { type: 'image/png' }),
    });
    const refused = await batch.send().then(
      () => null,
      (error: ClientResponseError) => error,
    );
    expect(refused?.status).toBe(403);
    expect(await server.admin.collection('companies').getFullList({ filter: 'name ~ "Batchbolaget"' })).toEqual([]);
  });

  it.each([
    ['a 512 × 512 PNG', { bytes: png(512, 512), name: 'logo.png', type: 'image/png' }],
    ['a 5000 × 5000 PNG (25 megapixels exactly)', { bytes: png(5000, 5000), name: 'logo.png', type: 'image/png' }],
    ['a JPEG', { bytes: fixtureImage('logo-640x480.jpg'), name: 'logo.jpg', type: 'image/jpeg' }],
    ['a lossy WebP', { bytes: fixtureImage('logo-320x200.webp'), name: 'logo.webp', type: 'image/webp' }],
    ['a lossless WebP', { bytes: fixtureImage('logo-300x150-lossless.webp'), name: 'logo.webp', type: 'image/webp' }],
    ['a WebP with transparency', { bytes: fixtureImage('logo-256x128-alpha.webp'), name: 'logo.webp', type: 'image/webp' }],
  ])('%s is still a fine logo', async (_what, logo) => {
    const { pb } = await server.person('host');
    const made = await pb.collection('companies').create(companyForm(logo));
    expect(made.logo).toMatch(/\.(png|jpe?g|webp)$/);
  });

  it('thumbs are made only in the declared sizes (and PocketBase’s 100 × 100)', async () => {
    const { pb } = await server.person('host');
    const made = await pb.collection('companies').create(companyForm({ bytes: png(512, 512), name: 'logo.png', type: 'image/png' }));
    const bytesOf = async (thumb: string) => Buffer.from(await (await fetch(pb.files.getURL(made, made.logo, { thumb }))).arrayBuffer());
    const original = await bytesOf('');
    for (const thumb of ['96x96', '256x256', '100x100']) expect((await bytesOf(thumb)).equals(original), thumb).toBe(false);
    for (const thumb of ['4000x4000', '511x0', '0x9000']) expect((await bytesOf(thumb)).equals(original), thumb).toBe(true);
  });
});
