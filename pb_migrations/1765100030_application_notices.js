/// <reference path="../pb_data/types.d.ts" />
// Mails to applicants (pb_hooks/applications.pb.js): an applicant has no account, so a notice
// may name an address and the application instead of a person. The notices worker sends
// them like any other notice (never inside a request), with retries.
// Nobody reads an addressed notice through the API but hosts: the rules ask for a signed-in
// person before comparing `user`, since a guest's empty id would otherwise match an empty `user`.
migrate(
  (app) => {
    const notices = app.findCollectionByNameOrId("notices");
    const applications = app.findCollectionByNameOrId("applications");
    notices.fields.getByName("user").required = false;
    notices.fields.add(new EmailField({ name: "email" }));
    notices.fields.add(new RelationField({ name: "application", collectionId: applications.id, maxSelect: 1, cascadeDelete: true }));
    const READ = "(@request.auth.id != '' && user = @request.auth.id) || @request.auth.role = 'host'";
    notices.listRule = READ;
    notices.viewRule = READ;
    app.save(notices);
  },
  (app) => {
    const notices = app.findCollectionByNameOrId("notices");
    app.db().newQuery("DELETE FROM notices WHERE user = '' OR user IS NULL").execute();
    notices.fields.removeByName("email");
    notices.fields.removeByName("application");
    notices.fields.getByName("user").required = true;
    const READ = "user = @request.auth.id || @request.auth.role = 'host'";
    notices.listRule = READ;
    notices.viewRule = READ;
    app.save(notices);
  },
);
