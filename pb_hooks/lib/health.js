// What /api/health tells about a running venue (pb_hooks/health.pb.js).

/** The newest app migration applied (PocketBase's own end in .go): the schema version of the data folder. */
function schemaVersion(app) {
  const row = new DynamicModel({ file: "" });
  try {
    app.db().newQuery("SELECT file FROM _migrations WHERE file LIKE '%.js' ORDER BY file DESC LIMIT 1").one(row);
  } catch (_) {
    return "";
  }
  return row.file;
}

/** The newest backup in the backups storage (the data folder's, or S3): its name, time and size. */
function lastBackup(app) {
  let fsys = null;
  try {
    fsys = app.newBackupsFilesystem();
    const files = fsys.list("");
    let newest = null;
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      if (!newest || file.modTime.unix() > newest.modTime.unix()) newest = file;
    }
    if (!newest) return null;
    return { name: newest.key, at: new Date(newest.modTime.unixMilli()).toISOString(), bytes: newest.size };
  } catch (_) {
    return null;
  } finally {
    if (fsys) fsys.close();
  }
}

function healthOf(app, operator) {
  const data = {
    schema: schemaVersion(app),
    lastBackup: lastBackup(app),
    canBackup: !app.store().has("@activeBackup"),
    startedAt: app.store().get("coffice.startedAt") || "",
  };
  if (operator) data.dataDir = app.dataDir();
  return data;
}

module.exports = { healthOf, schemaVersion, lastBackup };
