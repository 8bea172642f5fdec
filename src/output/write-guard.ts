/**
 * A last check before anything becomes visible on disk (a file moved into place, a record added
 * to the log). The entry point installs one when appeal runs as a child of another appeal (the
 * batch relaunch): if that parent has gone, the command has ended for the person who ran it, and
 * nothing may appear after that. The check may end the process; by default it allows everything.
 */
let guard: () => void = () => undefined;

export function setWriteGuard(check: () => void): void {
  guard = check;
}

export function checkWriteAllowed(): void {
  guard();
}
