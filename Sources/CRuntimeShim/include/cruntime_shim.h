#ifndef CRUNTIME_SHIM_H
#define CRUNTIME_SHIM_H

/// Small C helpers for the `EditorRuntime` target: signal handlers, job control and handing the
/// terminal to a child process. Nothing here draws; the terminal itself is `Terminal`'s.

/// Runs `path` with `argv` (NULL-terminated) in a process group of its own that is made the
/// terminal's foreground group (SIGTTOU ignored while switching; signals at their defaults in the
/// child), waits for it (a stopped child stops this job too, and is continued with it), then takes
/// the terminal back. Call with curses mode left. Returns 0 and the wait status in *status_out, or
/// -1 with errno.
int er_run_foreground(const char *path, char *const argv[], int *status_out);
/// Ctrl-Z: stops the whole job with SIGTSTP's default action and returns once it is continued
/// (`fg`). Returns at once where there is no job control. Call with curses mode left.
void er_stop_job(void);
/// Notes SIGCONT (someone stopped and continued us) for `er_take_continued`.
void er_install_cont_handler(void);
/// 1 when SIGCONT arrived since the last call (the screen must be repainted).
int er_take_continued(void);

/// Installs SIGSEGV/SIGILL/SIGTRAP/SIGBUS/SIGABRT/SIGFPE handlers (on an alternate stack) that call
/// `restore` (which must be async-signal-safe: the terminal's emergency reset), then re-raise with
/// the default action.
void er_install_crash_handlers(void (*restore)(void));

#endif
