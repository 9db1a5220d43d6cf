// Personal photos (users.avatar): the app shows none yet, but anyone with an account can
// upload one through the API. Like logos they must be PNG, JPEG or WebP by content and by
// name, and not so many pixels that making the 100 × 100 thumb exhausts the server's memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestServer, type TestServer } from '../helpers/server';
import { fixtureImage, jpegClaiming, png, webpClaiming, uploadRefusal } from '../helpers/images';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

function photo(bytes: Buffer, name: string, type: string): FormData {
  const form = new FormData();
  form.append('avatar', new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

const refusal = (request: Promise<unknown>) => uploadRefusal(request, 'avatar');

describe('personal photos', () => {
  it.each([
    ['a 10000 × 10000 PNG', photo(png(10000, 10000), 'me.png', 'image/png')],
    ['a JPEG claiming 10000 × 10000', photo(jpegClaiming(10000, 10000), 'me.jpg', 'image/jpeg')],
    ['a WebP claiming 16383 × 16383', photo(webpClaiming('lossy', 16383, 16383), 'me.webp', 'image/webp')],
  ])('%s is refused from a guest’s own profile, and the old photo stays', async (_what, bomb) => {
    const { pb, user } = await server.person('guest');
    const kept = await pb.collection('users').update(user.id, photo(fixtureImage('logo-640x480.jpg'), 'me.jpg', 'image/jpeg'));
    expect(kept.avatar).toMatch(/\.jpg$/);

    const refused = await refusal(pb.collection('users').update(user.id, bomb));
    expect(refused).toMatchObject({ status: 400, avatar: 'image_too_many_pixels' });
    expect(refused.message).toMatch(/^The photo is \d+ × \d+ pixels: at most 25 megapixels/);
    expect((await server.admin.collection('users').getOne(user.id)).avatar).toBe(kept.avatar);
  });

  it('a bomb is refused at sign-up too, and no account is made', async () => {
    const email = `bomb-${Date.now()}@coffice.test`;
    const form = photo(png(10000, 10000), 'me.png', 'image/png');
    for (const [key, value] of Object.entries({ email, password: PASSWORD, passwordConfirm: PASSWORD, name: 'Bo Bomb' })) {
      form.append(key, value);
    }
    expect(await refusal(server.client().collection('users').create(form))).toMatchObject({
      status: 400,
      avatar: 'image_too_many_pixels',
    });
    expect(await server.admin.collection('users').getFullList({ filter: server.admin.filter('email = {:email}', { email }) })).toEqual([]);
  });

  it.each([
    ['image bytes named .svg', photo(png(64, 64), 'me.svg', 'image/svg+xml')],
    ['image bytes named .html', photo(png(64, 64), 'me.html', 'text/html')],
  ])('%s is refused, since files are served by their name', async (_what, disguised) => {
    const { pb, user } = await server.person('guest');
    expect(await refusal(pb.collection('users').update(user.id, disguised))).toMatchObject({
      status: 400,
      avatar: 'validation_invalid_mime_type',
    });
    expect((await server.admin.collection('users').getOne(user.id)).avatar).toBe('');
  });

  it('an ordinary photo is kept, and shown only with a file token', async () => {
    const { pb, user } = await server.person('guest');
    const saved = await pb.collection('users').update(user.id, photo(fixtureImage('logo-320x200.webp'), 'me.webp', 'image/webp'));
    expect(saved.avatar).toMatch(/\.webp$/);
    expect((await fetch(pb.files.getURL(saved, saved.avatar))).status).toBe(404);
    const token = await pb.files.getToken();
    const shown = await fetch(pb.files.getURL(saved, saved.avatar, { token }));
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('image/webp');
  });
});
