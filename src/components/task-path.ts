/**
 * The `PATH` of the stack's tasks: `node_modules/.bin` of the project folder and of each folder
 * above it, then the caller's PATH.
 *
 * projen evaluates `$(npx -c "node --print process.env.PATH")` for npm projects before every
 * task and every task it spawns: a whole npm CLI start, about a second, a third of a synth.
 * A single `node` start computes the same folders in a tenth of that (docs/benchmarks.md).
 */

/** A node script printing what `npx -c` puts on the PATH (the bench times it against `npx -c`). */
export const NODE_BIN_PATH_SCRIPT =
  "const p=require('path');const bins=[];" +
  "for(let d=process.cwd();;d=p.dirname(d)){bins.push(p.join(d,'node_modules','.bin'));if(d===p.dirname(d))break}" +
  "console.log([...bins,process.env.PATH].join(p.delimiter))";

/** The task environment's `PATH`, as projen's task runtime evaluates it (in a shell). */
export const TASK_PATH = `$(node -e "${NODE_BIN_PATH_SCRIPT}")`;
