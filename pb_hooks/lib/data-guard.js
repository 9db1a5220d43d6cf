// Is this data folder one we may migrate and serve? Returns a sentence when not.
function appliedAppMigrations(app) {
  try {
    const rows = arrayOf(new DynamicModel({ file: "" }));
    app.db().newQuery("SELECT file FROM _migrations").all(rows);
    return rows.map((r) => r.file).filter((f) => /\.js$/.test(f));
  } catch (_) {
    return [];
  }
}

function knownMigrations(migrationsDir) {
  try {
    return $os
      .readDir(migrationsDir)
      .map((entry) => entry.name())
      .filter((f) => /\.js$/.test(f));
  } catch (_) {
    return [];
  }
}

function foreignCollections(app) {
  const rows = arrayOf(new DynamicModel({ name: "" }));
  app.db().newQuery("SELECT name FROM _collections WHERE system = FALSE AND name != 'users'").all(rows);
  return rows.map((r) => r.name);
}

function dataFolderProblem(app, migrationsDir) {
  const known = knownMigrations(migrationsDir);
  const applied = appliedAppMigrations(app);
  const unknown = applied.filter((f) => known.indexOf(f) === -1);
  if (unknown.length > 0) {
    return (
      "This data folder has a newer or different schema (" +
      unknown.slice(0, 3).join(", ") +
      "). Refusing to start so nothing is overwritten: use the Coffice version that made it, or another data folder."
    );
  }
  if (applied.length === 0) {
    const foreign = foreignCollections(app);
    if (foreign.length > 0) {
      return (
        "This data folder belongs to another app (collections: " +
        foreign.slice(0, 5).join(", ") +
        "). Refusing to start so nothing is overwritten: choose an empty or a Coffice data folder."
      );
    }
  }
  return "";
}

module.exports = { dataFolderProblem };
