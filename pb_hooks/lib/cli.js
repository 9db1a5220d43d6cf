// Reads a `--name value` or `--name=value` flag from the PocketBase command line, so
// hooks see the same folders the server was started with.
function cliFlag(name, fallback) {
  const args = $os.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--" + name && i + 1 < args.length) return args[i + 1];
    if (arg.indexOf("--" + name + "=") === 0) return arg.slice(name.length + 3);
  }
  return fallback;
}

module.exports = { cliFlag };
