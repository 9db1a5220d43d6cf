/// <reference path="../pb_data/types.d.ts" />
// Accounts: passwordless sign-in with a one-time code by email, the "show me in who is
// here" opt-in, stricter passwords, and avatars that can never be SVG or public.
migrate(
  (app) => {
    const users = app.findCollectionByNameOrId("users");

    users.fields.add(new BoolField({ name: "show_presence" }));

    // Ten minutes is long enough to switch to the mail app at the door; PocketBase itself
    // allows five wrong tries per account within three minutes.
    users.otp.enabled = true;
    users.otp.duration = 600;
    users.otp.length = 6;

    // The length message comes from pb_hooks/lib/password-policy.js; this is the backstop.
    users.fields.getByName("password").min = 10;

    // Personal photos: image types only (no SVG), served only with a file token.
    const avatar = users.fields.getByName("avatar");
    avatar.mimeTypes = ["image/png", "image/jpeg", "image/webp"];
    avatar.protected = true;
    avatar.maxSize = 2 * 1024 * 1024;

    app.save(users);

    // Hosts find people by email; only the person themselves and hosts can view a user at all.
    app.db().newQuery("UPDATE users SET emailVisibility = TRUE").execute();

    const settings = app.settings();
    settings.meta.senderName = "Coffice";
    if (!settings.meta.senderAddress || settings.meta.senderAddress === "noreply@example.com") {
      settings.meta.senderAddress = "noreply@coffice.test";
    }
    app.save(settings);
  },
  (app) => {
    const users = app.findCollectionByNameOrId("users");
    users.fields.removeByName("show_presence");
    users.otp.enabled = false;
    users.fields.getByName("password").min = 8;
    app.save(users);
  },
);
