import { accessSync, constants, mkdtempSync, statfsSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/** A RAM-backed tmpfs on Linux (GitHub's runners and this team's machine have one). */
const TMPFS = "/dev/shm";

/** Room for the stacks of the end-to-end files that run at once (about 410 MB each) and their registries. */
const TMPFS_MIN_FREE_BYTES = 4 * 1024 ** 3;

/**
 * The folder the end-to-end tests make their temporary folders in. A scaffolded stack is about 46,000 files: on a disk
 * (ext4 mounted with `discard` here) writing and deleting them costs more than the install itself (`rm -rf` of one
 * stack's node_modules took 108 s on a loaded 2-core machine, 0.8 s on /dev/shm), so a tmpfs is used when it has room.
 * An explicit `TMPDIR` wins; where /dev/shm is missing, read-only or small (Docker's 64 MB), the system temp folder.
 */
export function scratchRoot(): string {
  if (process.env.TMPDIR) {
    return tmpdir();
  }
  try {
    accessSync(TMPFS, constants.W_OK);
    const { bavail, bsize } = statfsSync(TMPFS);
    return bavail * bsize >= TMPFS_MIN_FREE_BYTES ? TMPFS : tmpdir();
  } catch {
    return tmpdir();
  }
}

/** A new temporary folder under {@link scratchRoot}; the caller deletes it. */
export function makeScratchFolder(prefix: string): string {
  return mkdtempSync(join(scratchRoot(), prefix));
}
