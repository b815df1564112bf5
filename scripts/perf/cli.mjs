// Command-line options and the repository root, shared by the perf scripts:
// `opt('--runs', 5)` is the value after `--runs` (or the default), `flag('--quiet')`
// whether it was given.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The script's arguments. */
export const argv = process.argv.slice(2);
/** The value given after `name`, or `dflt`. @param {string} name @param {string} [dflt] */
export const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
/** Whether `name` was given. @param {string} name */
export const flag = (name) => argv.includes(name);
