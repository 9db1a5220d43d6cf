/// <reference path="../pb_data/types.d.ts" />
// Passes: the QR code a person shows at the door. Holder and hosts read;
// only the server creates, reissues and revokes (pb_hooks/passes.pb.js).
migrate(
  (app) => {
    const users = app.findCollectionByNameOrId("users");
    const registrations = app.findCollectionByNameOrId("registrations");
    const passes = new Collection({
      type: "base",
      name: "passes",
      listRule: "holder = @request.auth.id || @request.auth.role = 'host'",
      viewRule: "holder = @request.auth.id || @request.auth.role = 'host'",
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: "holder", type: "relation", collectionId: users.id, maxSelect: 1, required: true, cascadeDelete: false },
        { name: "kind", type: "select", values: ["member", "event"], maxSelect: 1, required: true },
        { name: "registration", type: "relation", collectionId: registrations.id, maxSelect: 1, cascadeDelete: false },
        // CF1: + 26 base32 characters (RFC 4648 alphabet, upper case, no padding)
        { name: "code", type: "text", required: true, pattern: "^CF1:[A-Z2-7]{26}$", min: 30, max: 30 },
        { name: "revoked", type: "bool" },
        { name: "created", type: "autodate", onCreate: true, onUpdate: false },
        { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
      ],
      indexes: [
        "CREATE UNIQUE INDEX idx_passes_code ON passes (code)",
        "CREATE INDEX idx_passes_holder ON passes (holder)",
        "CREATE INDEX idx_passes_registration ON passes (registration)",
        "CREATE INDEX idx_passes_updated ON passes (updated)",
      ],
    });
    app.save(passes);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("passes"));
  },
);
