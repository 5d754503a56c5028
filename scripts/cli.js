// @ts-check
// The command-line conventions every script follows: `--help` prints usage (exit 0); an unknown flag
// is an error that names it and the nearest known flag; a bad value is shown exactly as typed; and an
// expected failure (a CliError) prints one line "program: message" with no stack trace (exit 2).
// Messages never start with the program's name: runCli adds it, once.
"use strict";

class CliError extends Error {
  /**
   * @param {string} message what went wrong and how to fix it, without the program's name
   * @param {{ exitCode?: number, showUsageHint?: boolean }} [options]
   */
  constructor(message, options = {}) {
    super(message);
    this.name = "CliError";
    this.exitCode = options.exitCode ?? 2;
    this.showUsageHint = options.showUsageHint ?? false;
  }
}

/**
 * @typedef {object} FlagSpec
 * @property {string} help one line for --help
 * @property {string} [value] placeholder of the flag's value, e.g. "DIR"; a flag without one is a switch
 * @property {(text: string, flag: string) => unknown} [parse] turns the typed text into the value; throws a CliError for a bad one
 */

/**
 * @typedef {object} CommandSpec
 * @property {string} program the script's name in messages, e.g. "run-notebooks"
 * @property {string[]} usage one or more usage lines, e.g. "npm run lesson -- [LESSON...] [options]"
 * @property {string} summary what the command does
 * @property {Record<string, FlagSpec>} [flags] keyed by the flag as typed, e.g. "--out"
 * @property {{ name: string, help: string, min?: number, max?: number }} [positionals] absent: none are accepted
 * @property {boolean} [passUnknown] unknown flags are kept as positionals (for a command that hands them to another program)
 * @property {string[]} [notes] extra lines after the options
 */

/**
 * @typedef {object} ParsedArgs
 * @property {Record<string, unknown>} flags the given flags, keyed as in the spec ("--out"); a switch is `true`
 * @property {string[]} positionals
 * @property {boolean} help true when --help or -h was given
 */

const HELP_FLAGS = ["--help", "-h"];

/**
 * Levenshtein distance, for "did you mean".
 * @param {string} a
 * @param {string} b
 */
function editDistance(a, b) {
  /** @type {number[]} */
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The known name closest to `typed`, or null when none is close (a prefix of exactly one name, or at
 * most about a third of the letters different).
 * @param {string} typed
 * @param {string[]} known
 * @returns {string | null}
 */
function nearest(typed, known) {
  const bare = typed.replace(/^-+/, "").replace(/=.*$/, "");
  const prefixed = known.filter((k) => bare.length >= 2 && k.replace(/^-+/, "").startsWith(bare));
  if (prefixed.length === 1) return prefixed[0];
  let best = null;
  let bestDistance = Infinity;
  for (const name of known) {
    const distance = editDistance(bare.toLowerCase(), name.replace(/^-+/, "").toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(bare.length / 3)) ? best : null;
}

/**
 * "--out DIR" or "--full".
 * @param {string} flag
 * @param {FlagSpec} spec
 */
function flagWithValue(flag, spec) {
  return spec.value ? `${flag} ${spec.value}` : flag;
}

/**
 * Parses argv (process.argv.slice(2)) against the spec. Throws a CliError naming the argument for
 * an unknown flag, a missing or bad value, a flag given twice, or a wrong number of positionals.
 * @param {CommandSpec} spec
 * @param {string[]} argv
 * @returns {ParsedArgs}
 */
function parseArgs(spec, argv) {
  if (!Array.isArray(argv) || argv.some((a) => typeof a !== "string")) {
    throw new TypeError(
      `parseArgs: argv must be an array of strings (process.argv.slice(2)), got ${JSON.stringify(argv)}.`,
    );
  }
  const flagSpecs = spec.flags ?? {};
  const known = [...Object.keys(flagSpecs), "--help"];
  /** @type {ParsedArgs} */
  const parsed = { flags: {}, positionals: [], help: false };
  const usageError = (/** @type {string} */ message) => new CliError(message, { showUsageHint: true });
  // --help answers even when other arguments are wrong (that is often why one asks).
  const terminator = argv.indexOf("--");
  if ((terminator < 0 ? argv : argv.slice(0, terminator)).some((a) => HELP_FLAGS.includes(a)))
    return { ...parsed, help: true };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || !arg.startsWith("-") || arg === "-") {
      parsed.positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    const equals = arg.indexOf("=");
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    const flagSpec = Object.prototype.hasOwnProperty.call(flagSpecs, flag) ? flagSpecs[flag] : undefined;
    if (!flagSpec) {
      if (spec.passUnknown) {
        parsed.positionals.push(arg);
        continue;
      }
      const guess = nearest(arg, known);
      const knownList = Object.entries(flagSpecs)
        .map(([f, s]) => flagWithValue(f, s))
        .concat("--help")
        .join(", ");
      throw usageError(
        `unknown option ${JSON.stringify(arg)}${guess ? `; did you mean ${guess}?` : "."} Known options: ${knownList}.`,
      );
    }
    if (Object.prototype.hasOwnProperty.call(parsed.flags, flag)) {
      throw usageError(`${flag} is given twice; give it once.`);
    }
    if (!flagSpec.value) {
      if (equals > 0)
        throw usageError(`${flag} takes no value, got ${JSON.stringify(arg.slice(equals + 1))}. Write just ${flag}.`);
      parsed.flags[flag] = true;
      continue;
    }
    let text;
    if (equals > 0) {
      text = arg.slice(equals + 1);
    } else {
      text = argv[i + 1];
      if (text === undefined || text.startsWith("--")) {
        throw usageError(
          `${flag} needs a value (${flagSpec.value}), got ${text === undefined ? "nothing" : JSON.stringify(text)}. Write ${flag} ${flagSpec.value}.`,
        );
      }
      i++;
    }
    if (text === "")
      throw usageError(`${flag} needs a value (${flagSpec.value}), got "". Write ${flag} ${flagSpec.value}.`);
    parsed.flags[flag] = flagSpec.parse ? flagSpec.parse(text, flag) : text;
  }
  const positionals = spec.positionals;
  const count = parsed.positionals.length;
  if (!positionals && count > 0 && !spec.passUnknown) {
    throw usageError(`takes no arguments, got ${parsed.positionals.map((p) => JSON.stringify(p)).join(" ")}.`);
  }
  if (positionals && positionals.min !== undefined && count < positionals.min) {
    throw usageError(
      `needs at least ${positionals.min} ${positionals.name} argument${positionals.min === 1 ? "" : "s"}, got ${count}.`,
    );
  }
  if (positionals && positionals.max !== undefined && count > positionals.max) {
    throw usageError(
      `takes at most ${positionals.max} ${positionals.name} argument${positionals.max === 1 ? "" : "s"}, got ${count}: ${parsed.positionals.map((p) => JSON.stringify(p)).join(" ")}.`,
    );
  }
  return parsed;
}

/**
 * The --help text.
 * @param {CommandSpec} spec
 * @returns {string}
 */
function usageText(spec) {
  const lines = spec.usage.map((u, i) => `${i === 0 ? "usage: " : "       "}${u}`);
  lines.push("", spec.summary);
  const flags = Object.entries(spec.flags ?? {}).map(([flag, s]) => [flagWithValue(flag, s), s.help]);
  flags.push(["-h, --help", "show this help"]);
  const width =
    Math.max(...flags.map(([name]) => name.length), spec.positionals ? spec.positionals.name.length : 0) + 2;
  if (spec.positionals) lines.push("", `  ${spec.positionals.name.padEnd(width)}${spec.positionals.help}`);
  lines.push("", "options:", ...flags.map(([name, help]) => `  ${name.padEnd(width)}${help}`));
  if (spec.notes && spec.notes.length) lines.push("", ...spec.notes);
  return lines.join("\n") + "\n";
}

/**
 * Prints an error the way every script does: "program: message" (a CliError, no stack trace), or for
 * an unexpected error its message and, with CONVNET_DEBUG=1, its stack. Returns the exit code.
 * @param {string} program
 * @param {unknown} error
 * @returns {number}
 */
function reportError(program, error) {
  if (error instanceof CliError) {
    console.error(`${program}: ${error.message}${error.showUsageHint ? `\n(run it with --help for usage)` : ""}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${program}: ${message}`);
  if (process.env.CONVNET_DEBUG === "1" && error instanceof Error && error.stack) console.error(error.stack);
  else console.error("(CONVNET_DEBUG=1 shows where this came from)");
  return 1;
}

/**
 * Runs a script's main: parses process.argv, answers --help, and turns errors into messages and exit
 * codes. `main` may return an exit code (or a promise of one).
 * @param {CommandSpec} spec
 * @param {(args: ParsedArgs) => number | void | Promise<number | void>} main
 * @param {string[]} [argv]
 */
async function runCli(spec, main, argv = process.argv.slice(2)) {
  try {
    const args = parseArgs(spec, argv);
    if (args.help) {
      process.stdout.write(usageText(spec));
      return;
    }
    const code = await main(args);
    if (typeof code === "number") process.exitCode = code;
  } catch (error) {
    process.exitCode = reportError(spec.program, error);
  }
}

/**
 * For a script that runs at the top level (no main function): parses process.argv, prints the usage
 * and exits 0 for --help, prints the error and exits 2 for a bad argument; else returns the arguments.
 * @param {CommandSpec} spec
 * @param {string[]} [argv]
 * @returns {ParsedArgs}
 */
function parseCommandLine(spec, argv = process.argv.slice(2)) {
  let args;
  try {
    args = parseArgs(spec, argv);
  } catch (error) {
    process.exit(reportError(spec.program, error));
  }
  if (args.help) {
    process.stdout.write(usageText(spec));
    process.exit(0);
  }
  return args;
}

/** Value parsers for FlagSpec.parse; each shows the value as typed when it is refused. */
const values = {
  /**
   * A whole number greater than 0, written in digits ("900"; not "1e3", "15m" or "-1").
   * @param {string} unit e.g. "seconds"
   */
  positiveWhole(unit) {
    return (/** @type {string} */ text, /** @type {string} */ flag) => {
      if (!/^[0-9]+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
        throw new CliError(
          `${flag} must be a whole number of ${unit} greater than 0, written in digits, got ${JSON.stringify(text)}. Example: ${flag} 900.`,
          { showUsageHint: true },
        );
      }
      return Number(text);
    };
  },
  /** A path, made absolute from the current folder. */
  path(/** @type {string} */ text) {
    return require("path").resolve(text);
  },
};

module.exports = { CliError, parseArgs, parseCommandLine, usageText, runCli, reportError, nearest, values };
