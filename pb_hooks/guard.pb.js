/// <reference path="../pb_data/types.d.ts" />
// Refuses a data folder that belongs to another app or to a newer Coffice (a schema
// this code does not know), before any migration could touch it.
onBootstrap((e) => {
  e.next();
  const { cliFlag } = require(`${__hooks}/lib/cli.js`);
  const { dataFolderProblem } = require(`${__hooks}/lib/data-guard.js`);
  const problem = dataFolderProblem(e.app, cliFlag("migrationsDir", `${__hooks}/../pb_migrations`));
  if (problem) throw new Error(problem);
});
