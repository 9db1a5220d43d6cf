// What the command-line scripts (npm start, backup, restore) share: how they give up, and the
// time stamp in the names of the files they make.

/** Prints the message for a person and ends the command. @param {string} message @returns {never} */
export function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/**
 * A UTC time stamp for file names that sort by time: `20261201-061502`, with `-123`
 * milliseconds when two files may be made within one second.
 * @param {{ millis?: boolean }} [options]
 */
export function fileStamp({ millis = false } = {}) {
  const compact = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-');
  return compact.slice(0, millis ? 19 : 15);
}
