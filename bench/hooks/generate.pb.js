/// <reference path="../../pb_data/types.d.ts" />
// Benchmarks only (copied beside the app's hooks by bench/backup.mjs, never served by the app):
// fills an empty venue with years of history by plain SQL inserts, far faster than the API
// (10,000 people's password hashes alone would take minutes). Operators only.
routerAdd(
  "POST",
  "/api/bench/generate",
  (e) => {
    // `part` > 0: check-ins only, among the people and events already made (a long history is
    // made in parts, each within the server's write timeout); ids stay unique per part
    const body = new DynamicModel({ people: 0, events: 0, checkins: 0, years: 5, part: 0 });
    e.bindBody(body);
    const ALPHA = "abcdefghijklmnopqrstuvwxyz0123456789";
    const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let seq = 0;
    const id = () => {
      seq++;
      let text = "g" + body.part.toString(36) + seq.toString(36);
      while (text.length < 15) text += ALPHA[Math.floor(Math.random() * 36)];
      return text;
    };
    const code = () => {
      let text = "CF1:";
      for (let i = 0; i < 26; i++) text += B32[Math.floor(Math.random() * 32)];
      return text;
    };
    const stamp = (ms) => new Date(ms).toISOString().replace("T", " ");
    const now = Date.now();
    const span = body.years * 365 * 86400000;
    const at = () => now - Math.floor(Math.random() * span);

    if (body.part > 0) {
      const ids = (table) => {
        const rows = arrayOf(new DynamicModel({ id: "" }));
        e.app
          .db()
          .newQuery("SELECT id FROM " + table)
          .all(rows);
        return rows.map((row) => row.id);
      };
      return insertAll(ids("users"), ids("events"), { people: 0, events: 0 });
    }
    // one real account, so every generated person shares a real password hash
    const users = e.app.findCollectionByNameOrId("users");
    const first = new Record(users);
    first.set("email", "first@five-years.test");
    first.set("name", "First Person");
    first.setPassword("five-years-of-a-venue");
    e.app.save(first);
    const hash = first.getString("password");

    return insertAll([first.id], [], { people: body.people, events: body.events });

    function insertAll(people, events, counts) {
      e.app.runInTransaction((tx) => {
        const db = tx.db();
        for (let i = 1; i < counts.people; i++) {
          const person = id();
          people.push(person);
          const when = stamp(at());
          db.newQuery(
            "INSERT INTO users (id, email, password, tokenKey, name, role, verified, emailVisibility, created, updated) " +
              "VALUES ({:id}, {:email}, {:hash}, {:token}, {:name}, {:role}, 1, 0, {:at}, {:at})",
          )
            .bind({
              id: person,
              email: "p" + i + "@five-years.test",
              hash: hash,
              token: id() + id() + id(),
              name: "Person " + i,
              role: i % 20 === 0 ? "member" : "guest",
              at: when,
            })
            .execute();
        }
        for (let i = 0; i < counts.events; i++) {
          const event = id();
          events.push(event);
          const starts = at();
          db.newQuery(
            "INSERT INTO events (id, title, summary, kind, starts, ends, capacity, status, created, updated) " +
              "VALUES ({:id}, {:title}, {:summary}, 'breakfast', {:starts}, {:ends}, 0, 'published', {:at}, {:at})",
          )
            .bind({
              id: event,
              title: "Frukostmöte " + i,
              summary: "Kaffe, nyheter och samtal om näringslivet i kommunen.",
              starts: stamp(starts),
              ends: stamp(starts + 5400000),
              at: stamp(starts - 30 * 86400000),
            })
            .execute();
          // about twenty registered people, each with a pass
          for (let k = 0; k < 20; k++) {
            const registration = id();
            const holder = people[(i * 37 + k) % people.length]; // twenty different people
            const made = stamp(starts - 86400000 * (1 + k));
            db.newQuery(
              "INSERT INTO registrations (id, event, user, status, created, updated) VALUES ({:id}, {:event}, {:user}, 'confirmed', {:at}, {:at})",
            )
              .bind({ id: registration, event: event, user: holder, at: made })
              .execute();
            db.newQuery(
              "INSERT INTO passes (id, code, kind, holder, registration, created, updated) VALUES ({:id}, {:code}, 'event', {:holder}, {:registration}, {:at}, {:at})",
            )
              .bind({ id: id(), code: code(), holder: holder, registration: registration, at: made })
              .execute();
          }
        }
        for (let i = 0; i < body.checkins; i++) {
          const when = stamp(at());
          const atEvent = i % 4 === 0;
          db.newQuery(
            "INSERT INTO checkins (id, holder, event, direction, source, verdict, scanned_at, device, created, updated) " +
              "VALUES ({:id}, {:holder}, {:event}, {:direction}, 'door', 'admitted', {:at}, 'door-1', {:at}, {:at})",
          )
            .bind({
              id: id(),
              holder: people[Math.floor(Math.random() * people.length)],
              event: atEvent ? events[Math.floor(Math.random() * events.length)] : "",
              direction: i % 2 ? "out" : "in",
              at: when,
            })
            .execute();
        }
      });
      return e.json(200, { people: people.length, events: events.length, checkins: body.checkins });
    }
  },
  $apis.requireSuperuserAuth(),
);
