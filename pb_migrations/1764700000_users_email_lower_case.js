/// <reference path="../pb_data/types.d.ts" />
// One account per address, whatever its letters: addresses are kept in small letters
// (pb_hooks/users.pb.js) and the unique index compares without case, which also makes
// PocketBase's own look-ups (password sign-in, codes, resets) ignore case.
//
// Accounts made before, whose addresses differ only in case ("case twins"), are settled
// here: the one kept is the one whose owner proved the address by a code (verified), else
// the one with the higher role, else the one with more registrations, else the older. The
// other keeps everything it had under a marked address hosts still see,
// `twin-<id>@case-twin.invalid` (docs/DECISIONS.md, Accounts).
migrate(
  (app) => {
    const rows = arrayOf(new DynamicModel({ id: "", email: "", verified: false, role: "", created: "", registrations: 0 }));
    app
      .db()
      .newQuery(
        "SELECT u.id, u.email, u.verified, u.role, u.created, " +
          "(SELECT COUNT(*) FROM registrations r WHERE r.user = u.id) AS registrations " +
          "FROM users u WHERE u.email != ''",
      )
      .all(rows);

    const byAddress = {};
    rows.forEach((row) => {
      const address = row.email.trim().toLowerCase();
      (byAddress[address] = byAddress[address] || []).push(row);
    });

    const RANK = { host: 3, member: 2, guest: 1 };
    const keptFirst = (a, b) =>
      Number(b.verified) - Number(a.verified) ||
      (RANK[b.role] || 0) - (RANK[a.role] || 0) ||
      b.registrations - a.registrations ||
      (a.created < b.created ? -1 : a.created > b.created ? 1 : 0);

    const setEmail = (row, email) => {
      if (row.email === email) return;
      app
        .db()
        .newQuery("UPDATE users SET email = {:email}, updated = strftime('%Y-%m-%d %H:%M:%fZ', 'now') WHERE id = {:id}")
        .bind({ email: email, id: row.id })
        .execute();
    };
    const kept = [];
    Object.keys(byAddress).forEach((address) => {
      const twins = byAddress[address].sort(keptFirst);
      twins.slice(1).forEach((row) => setEmail(row, "twin-" + row.id + "@case-twin.invalid"));
      kept.push({ row: twins[0], email: address });
    });
    // only once every twin has moved aside can the kept ones take the small letters
    kept.forEach((k) => setEmail(k.row, k.email));

    const users = app.findCollectionByNameOrId("users");
    users.indexes = users.indexes.map((index) =>
      /UNIQUE INDEX/i.test(index) ? index.replace(/\(\s*`?email`?\s*\)/, "(`email` COLLATE NOCASE)") : index,
    );
    app.save(users);
  },
  (app) => {
    // the addresses stay in small letters and the twins keep their marked addresses
    const users = app.findCollectionByNameOrId("users");
    users.indexes = users.indexes.map((index) => index.replace(/\(`email` COLLATE NOCASE\)/, "(`email`)"));
    app.save(users);
  },
);
