/**
 * The `PATH` every projen task of a Node project evaluates before it runs, and a cheaper
 * equivalent, measured as a what-if in a copy of the stack.
 *
 * projen's NodeProject sets the task environment `PATH=$(npx -c "node --print process.env.PATH")`:
 * the task runtime runs that command (a whole npm CLI start) on every task, and again for every
 * task a task spawns, to put `node_modules/.bin` on the PATH.
 */
import { chmodSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";

/** The command projen's task runtime runs for the task environment's PATH, for npm projects. */
export const NPX_PATH_COMMAND = ["npx", "-c", "node --print process.env.PATH"] as const;

/**
 * A node script printing what `npx -c` puts on the PATH: the `node_modules/.bin` of the folder and
 * of each folder above it (as `npm run` does, for hoisted workspaces), then the PATH.
 */
export const NODE_PATH_SCRIPT =
  "const p=require('path');const bins=[];" +
  "for(let d=process.cwd();;d=p.dirname(d)){bins.push(p.join(d,'node_modules','.bin'));if(d===p.dirname(d))break}" +
  "console.log([...bins,process.env.PATH].join(p.delimiter))";

/** The task environment value of the cheaper PATH: one `node` start instead of an npm CLI start. */
export const NODE_PATH_ENV = `$(node -e "${NODE_PATH_SCRIPT}")`;

/** Whether a projen project's tasks still evaluate their PATH through `npx -c`. */
export function usesNpxPath(projectDir: string): boolean {
  const manifest = JSON.parse(readFileSync(join(projectDir, ".projen", "tasks.json"), "utf-8"));
  return String(manifest.env?.PATH ?? "").includes("npx -c");
}

/**
 * Makes a stack's tasks evaluate PATH with node instead of npx, through its `.projenrc.ts` (the
 * same `project.tasks.addEnvironment` call the project type would make). Run `npx projen` after.
 */
export function useNodePath(stackDir: string): void {
  const file = join(stackDir, ".projenrc.ts");
  const source = readFileSync(file, "utf-8");
  const synth = "project.synth();";
  if (!source.includes(synth)) {
    throw new Error(`${file} has no \`${synth}\``);
  }
  const override = `project.tasks.addEnvironment("PATH", ${JSON.stringify(NODE_PATH_ENV)});\n`;
  chmodSync(file, 0o644);
  writeFileSync(file, source.replace(synth, override + synth));
}
