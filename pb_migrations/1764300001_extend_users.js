/// <reference path="../pb_data/types.d.ts" />
// Users: a role (guest by default, set by hooks), a company and a language.
// A person sees and edits only themselves; hosts see everyone and change roles.
migrate(
  (app) => {
    const users = app.findCollectionByNameOrId("users");
    const companies = app.findCollectionByNameOrId("companies");
    const SELF = "id = @request.auth.id";
    const HOST = "@request.auth.role = 'host'";

    users.fields.add(new SelectField({ name: "role", values: ["guest", "member", "host"], maxSelect: 1, required: true }));
    users.fields.add(new RelationField({ name: "company", collectionId: companies.id, maxSelect: 1, cascadeDelete: false }));
    users.fields.add(new SelectField({ name: "locale", values: ["sv", "en"], maxSelect: 1 }));

    const name = users.fields.getByName("name");
    name.max = 120;

    users.listRule = `${SELF} || ${HOST}`;
    users.viewRule = `${SELF} || ${HOST}`;
    // Anyone may sign up, but only as a guest without a company; hosts may create anyone.
    users.createRule = `((@request.body.role:isset = false || @request.body.role = 'guest') && @request.body.company:isset = false) || ${HOST}`;
    // Own profile, never own role or company (sending the unchanged value is allowed).
    users.updateRule =
      `(${SELF} && (@request.body.role:isset = false || @request.body.role = role) && ` +
      `(@request.body.company:isset = false || @request.body.company = company)) || ${HOST}`;
    users.deleteRule = null;

    users.passwordAuth.enabled = true;
    users.passwordAuth.identityFields = ["email"];
    users.authToken.duration = 30 * 24 * 3600; // a month: people sign in rarely at a venue

    app.save(users);
  },
  (app) => {
    const users = app.findCollectionByNameOrId("users");
    users.fields.removeByName("role");
    users.fields.removeByName("company");
    users.fields.removeByName("locale");
    users.listRule = "id = @request.auth.id";
    users.viewRule = "id = @request.auth.id";
    users.createRule = "";
    users.updateRule = "id = @request.auth.id";
    users.deleteRule = "id = @request.auth.id";
    app.save(users);
  },
);
