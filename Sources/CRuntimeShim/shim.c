#define _GNU_SOURCE 1
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "cruntime_shim.h"

/* ---- job control ---- */

static volatile sig_atomic_t er_continued = 0;

static void er_cont_handler(int sig) {
  (void)sig;
  er_continued = 1;
}

void er_install_cont_handler(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = er_cont_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGCONT, &sa, NULL);
}

int er_take_continued(void) {
  int was = er_continued ? 1 : 0;
  er_continued = 0;
  return was;
}

void er_stop_job(void) {
  struct sigaction dfl, old;
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(SIGTSTP, &dfl, &old);
  sigset_t unblock, previous;
  sigemptyset(&unblock);
  sigaddset(&unblock, SIGTSTP);
  sigaddset(&unblock, SIGCONT);
  pthread_sigmask(SIG_UNBLOCK, &unblock, &previous);
  /* The job's other processes (a `sh -c` around us) stop too. The signal may be taken by another
     thread a moment later, so this thread waits (with the default action still in place) until
     the SIGCONT that ends the stop has been seen. A second signal sent to ourselves would stop
     the job again after `fg` whenever the first had already stopped it. In an orphaned group the
     kernel discards the signal: give up after a short while. */
  er_continued = 0;
  kill(0, SIGTSTP);
  for (int i = 0; i < 200 && !er_continued; i++) {
    struct timespec tick = {0, 1000000};
    nanosleep(&tick, NULL);
  }
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
  sigaction(SIGTSTP, &old, NULL);
  er_continued = 0;
}

int er_run_foreground(const char *path, char *const argv[], int *status_out) {
  const int tty = STDIN_FILENO;
  pid_t ours = getpgrp();
  int foreground = isatty(tty) && tcgetpgrp(tty) == ours;
  /* A process that is not the terminal's foreground group gets SIGTTOU from tcsetpgrp. */
  struct sigaction ign, old_ttou;
  memset(&ign, 0, sizeof ign);
  ign.sa_handler = SIG_IGN;
  sigemptyset(&ign.sa_mask);
  sigaction(SIGTTOU, &ign, &old_ttou);
  pid_t pid = fork();
  if (pid < 0) {
    int e = errno;
    sigaction(SIGTTOU, &old_ttou, NULL);
    errno = e;
    return -1;
  }
  if (pid == 0) {
    /* The child: its own process group, the terminal's foreground, default signals, nothing
       blocked (ignored signals would stay ignored across exec). */
    setpgid(0, 0);
    if (foreground) tcsetpgrp(tty, getpid());
    const int sigs[] = {SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGPIPE, SIGTERM, SIGHUP,
                        SIGCONT, SIGWINCH, SIGALRM, SIGUSR1, SIGUSR2};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) signal(sigs[i], SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execv(path, argv);
    _exit(127);
  }
  setpgid(pid, pid);
  if (foreground) tcsetpgrp(tty, pid);
  int status = 0;
  int rc = 0;
  for (;;) {
    pid_t r = waitpid(pid, &status, WUNTRACED);
    if (r < 0) {
      if (errno == EINTR) continue;
      rc = -1;
      break;
    }
    if (WIFSTOPPED(status)) {
      /* The editor suspended itself (Ctrl-Z in it): the job stops with it, and `fg` continues both. */
      if (foreground) tcsetpgrp(tty, ours);
      er_stop_job();
      if (foreground) tcsetpgrp(tty, pid);
      kill(-pid, SIGCONT);
      continue;
    }
    break;
  }
  if (foreground) tcsetpgrp(tty, ours);
  sigaction(SIGTTOU, &old_ttou, NULL);
  er_continued = 0;
  if (status_out) *status_out = status;
  return rc;
}

/* ---- crash handling (async-signal-safe as far as practical) ---- */

static void (*volatile er_crash_restore)(void) = NULL;

static void er_crash_handler(int sig) {
  void (*restore)(void) = er_crash_restore;
  if (restore != NULL) restore();
  signal(sig, SIG_DFL);
  raise(sig);
}

void er_install_crash_handlers(void (*restore)(void)) {
  er_crash_restore = restore;
  static int installed = 0;
  if (installed) return;
  installed = 1;
  static char *alt_stack = NULL;
  size_t size = 64 * 1024;
  alt_stack = malloc(size);
  if (alt_stack != NULL) {
    stack_t ss;
    memset(&ss, 0, sizeof ss);
    ss.ss_sp = alt_stack;
    ss.ss_size = size;
    sigaltstack(&ss, NULL);
  }
  const int sigs[] = {SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGABRT, SIGFPE};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = er_crash_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
    sigaction(sigs[i], &sa, NULL);
  }
}
