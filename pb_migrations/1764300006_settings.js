/// <reference path="../pb_data/types.d.ts" />
// App settings: rate limits that stop guessing without locking out a full room
// (40 guests behind one NAT address may all sign in within a minute), the batch API
// for the outbox, and daily backups kept for a week.
migrate(
  (app) => {
    const settings = app.settings();
    settings.meta.appName = "Coffice";
    settings.meta.hideControls = true;

    settings.rateLimits.enabled = true;
    settings.rateLimits.rules = [
      // Sign-in of any kind, per client address. Failed sign-ins are limited much harder
      // per account and per address in pb_hooks/auth.pb.js.
      { label: "*:auth", audience: "", duration: 20, maxRequests: 40 },
      { label: "*:requestOTP", audience: "", duration: 60, maxRequests: 20 },
      { label: "*:requestPasswordReset", audience: "", duration: 60, maxRequests: 10 },
      { label: "*:create", audience: "", duration: 5, maxRequests: 60 },
      { label: "/api/coffice/scan", audience: "", duration: 10, maxRequests: 300 },
      { label: "/api/batch", audience: "", duration: 1, maxRequests: 5 },
      { label: "/api/", audience: "", duration: 10, maxRequests: 600 },
    ];

    settings.batch.enabled = true;
    settings.batch.maxRequests = 200;
    settings.batch.timeout = 5;
    settings.batch.maxBodySize = 2 * 1024 * 1024;

    settings.backups.cron = "0 3 * * *";
    settings.backups.cronMaxKeep = 7;

    app.save(settings);
  },
  (app) => {
    const settings = app.settings();
    settings.rateLimits.enabled = false;
    settings.batch.enabled = false;
    settings.backups.cron = "";
    app.save(settings);
  },
);
