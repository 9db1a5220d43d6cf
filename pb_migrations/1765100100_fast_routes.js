/// <reference path="../pb_data/types.d.ts" />
// Issue #17: the passes answer and insights on a long history (docs/DECISIONS.md, "Speed of
// the routes").
// - `passes.qr` (a pass's QR modules, drawn once per code) is no longer hidden: they follow
//   from `code`, which everyone who may read a pass already gets, and unhiding them per
//   request took a hook on every passes answer.
// - idx_checkins_scanned_at also holds what insights count (verdict, direction, event, holder,
//   visitor), so a period's admissions are read from the index alone, not from table rows
//   spread over the whole history. It replaces the index of the same name: still one index
//   to keep up per stored scan.
const NARROW = "CREATE INDEX idx_checkins_scanned_at ON checkins (scanned_at)";
const COVERING = "CREATE INDEX idx_checkins_scanned_at ON checkins (scanned_at, verdict, direction, event, holder, visitor)";

function replaceIndex(app, from, to) {
  const checkins = app.findCollectionByNameOrId("checkins");
  checkins.indexes = checkins.indexes.map((index) => (index.replace(/`/g, "") === from ? to : index));
  app.save(checkins);
}

migrate(
  (app) => {
    const passes = app.findCollectionByNameOrId("passes");
    passes.fields.getByName("qr").hidden = false;
    app.save(passes);
    replaceIndex(app, NARROW, COVERING);
  },
  (app) => {
    const passes = app.findCollectionByNameOrId("passes");
    passes.fields.getByName("qr").hidden = true;
    app.save(passes);
    replaceIndex(app, COVERING, NARROW);
  },
);
