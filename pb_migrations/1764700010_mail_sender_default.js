/// <reference path="../pb_data/types.d.ts" />
// Mail goes out as "Coffice <noreply@coffice.test>" (README: COFFICE_MAIL_FROM) unless an
// operator chose otherwise. A fresh PocketBase sends as "Support <support@example.com>";
// 1764400000_accounts looked for noreply@example.com instead and so left that in place.
const POCKETBASE_DEFAULTS = ["", "support@example.com", "noreply@example.com"];

migrate(
  (app) => {
    const settings = app.settings();
    if (POCKETBASE_DEFAULTS.indexOf(settings.meta.senderAddress || "") >= 0) {
      settings.meta.senderAddress = "noreply@coffice.test";
    }
    if (!settings.meta.senderName || settings.meta.senderName === "Support") {
      settings.meta.senderName = "Coffice";
    }
    app.save(settings);
  },
  () => {
    // nothing to undo: the address before was PocketBase's placeholder, not anyone's choice
  },
);
