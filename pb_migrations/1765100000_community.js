/// <reference path="../pb_data/types.d.ts" />
// The space and its community (DESIGN "The space and its community").
// - companies: what a member company offers and looks for, and `listed` (shown on the public
//   /join). Guests and visitors read only listed companies (and their own); members and hosts
//   read all — the directory is for the community, /join for the public. A company's own members
//   edit its about/offers/seeks/website/logo; its name, tags, seat and listing stay the host's.
// - users: `listed` (in the member directory) and a short `headline`; the person edits their own.
// - venue: the trades the venue looks for and its free fixed places, edited by hosts, on /join.
// - applications: anyone applies (through the create rule, rate limited and checked by
//   pb_hooks/applications.pb.js); hosts read and decide through their route.
// - bookings: an index for the day's desks of a space.
migrate(
  (app) => {
    const HOST = "@request.auth.role = 'host'";
    const MEMBER_OR_HOST = "(@request.auth.role = 'member' || @request.auth.role = 'host')";

    const companies = app.findCollectionByNameOrId("companies");
    companies.fields.add(new TextField({ name: "offers", max: 1000 }));
    companies.fields.add(new TextField({ name: "seeks", max: 1000 }));
    companies.fields.add(new BoolField({ name: "listed" }));
    const READ = `listed = true || ${MEMBER_OR_HOST} || id = @request.auth.company`;
    companies.listRule = READ;
    companies.viewRule = READ;
    const UNCHANGED = ["name", "tags", "seat", "listed"].map((f) => `@request.body.${f}:isset = false`).join(" && ");
    companies.updateRule = `${HOST} || (@request.auth.role = 'member' && @request.auth.company = id && ${UNCHANGED})`;
    app.save(companies);

    const users = app.findCollectionByNameOrId("users");
    users.fields.add(new BoolField({ name: "listed" }));
    users.fields.add(new TextField({ name: "headline", max: 80 }));
    app.save(users);

    const venue = app.findCollectionByNameOrId("venue");
    // one trade per line, e.g. "Marknadsföring", "PR", "Digitala tjänster"
    venue.fields.add(new TextField({ name: "sought_trades", max: 1000 }));
    venue.fields.add(new NumberField({ name: "fixed_places_free", min: 0, max: 1000, onlyInt: true }));
    app.save(venue);

    const applications = new Collection({
      type: "base",
      name: "applications",
      listRule: HOST,
      viewRule: HOST,
      // the server sets status and decided_by (pb_hooks/applications.pb.js)
      createRule: "@request.body.status:isset = false && @request.body.decided_by:isset = false",
      updateRule: null,
      deleteRule: HOST,
      fields: [
        { name: "company", type: "text", required: true, min: 1, max: 120 },
        { name: "contact_name", type: "text", required: true, min: 1, max: 120 },
        { name: "email", type: "email", required: true },
        { name: "phone", type: "text", max: 40 },
        { name: "trade", type: "text", max: 120 },
        { name: "seat", type: "select", values: ["fixed", "flex", "rooms"], maxSelect: 1, required: true },
        { name: "message", type: "text", max: 2000 },
        { name: "locale", type: "select", values: ["sv", "en"], maxSelect: 1 },
        { name: "status", type: "select", values: ["new", "accepted", "declined"], maxSelect: 1, required: true },
        { name: "decided_by", type: "relation", collectionId: users.id, maxSelect: 1, cascadeDelete: false },
        { name: "decided_at", type: "date" },
        { name: "created", type: "autodate", onCreate: true, onUpdate: false },
        { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
      ],
      indexes: ["CREATE INDEX idx_applications_status ON applications (status, created)"],
    });
    app.save(applications);

    const bookings = app.findCollectionByNameOrId("bookings");
    bookings.addIndex("idx_bookings_space_starts", false, "space, starts", "");
    app.save(bookings);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("applications"));
    const bookings = app.findCollectionByNameOrId("bookings");
    bookings.removeIndex("idx_bookings_space_starts");
    app.save(bookings);
    const venue = app.findCollectionByNameOrId("venue");
    venue.fields.removeByName("sought_trades");
    venue.fields.removeByName("fixed_places_free");
    app.save(venue);
    const users = app.findCollectionByNameOrId("users");
    users.fields.removeByName("listed");
    users.fields.removeByName("headline");
    app.save(users);
    const companies = app.findCollectionByNameOrId("companies");
    for (const f of ["offers", "seeks", "listed"]) companies.fields.removeByName(f);
    companies.listRule = "";
    companies.viewRule = "";
    companies.updateRule = "@request.auth.role = 'host'";
    app.save(companies);
  },
);
