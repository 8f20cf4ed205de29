#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#define _GNU_SOURCE 1
#include <ncursesw/curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <pthread.h>
#include <time.h>
#include <termios.h>
#include <unistd.h>
#include "cncurses_shim.h"

int ee_setup_terminal(void) { return 0; }

static SCREEN *ee_screen = NULL;
static volatile sig_atomic_t ee_active = 0;      /* curses mode currently up */
static volatile sig_atomic_t ee_have_termios = 0;
static struct termios ee_saved_termios;
static volatile sig_atomic_t ee_saved_stderr = -1; /* dup of the original fd 2 while redirected */
static int ee_default_ok = 0;

static const char ee_paste_on[] = "\033[?2004h";
static const char ee_reset_seq[] = "\033[?2004l\033[0m\033[?25h\033[?1049l\r\n";

static void ee_write_all(int fd, const char *s, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, s, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    s += w;
    n -= (size_t)w;
  }
}

static void ee_redirect_stderr(const char *path) {
  if (path == NULL || ee_saved_stderr >= 0) return;
  int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return;
  int saved = dup(STDERR_FILENO);
  if (saved < 0) {
    close(fd);
    return;
  }
  (void)fcntl(saved, F_SETFD, FD_CLOEXEC);
  ee_saved_stderr = saved;
  dup2(fd, STDERR_FILENO);
  close(fd);
}

static void ee_restore_stderr(void) {
  int saved = ee_saved_stderr;
  if (saved < 0) return;
  ee_saved_stderr = -1;
  dup2(saved, STDERR_FILENO);
  close(saved);
}

static void ee_paste_mode(int on) {
  if (on) {
    ee_write_all(STDOUT_FILENO, ee_paste_on, sizeof ee_paste_on - 1);
  } else {
    static const char off[] = "\033[?2004l";
    ee_write_all(STDOUT_FILENO, off, sizeof off - 1);
  }
}

int ee_init(int want_color, const char *stderr_path) {
  if (ee_screen != NULL) return EE_INIT_ALREADY_ACTIVE;
  if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) return EE_INIT_NOT_A_TTY;
  setlocale(LC_ALL, "");
  if (tcgetattr(STDIN_FILENO, &ee_saved_termios) == 0) ee_have_termios = 1;
  ee_screen = newterm(NULL, stdout, stdin);
  if (ee_screen == NULL) return EE_INIT_NEWTERM_FAILED;
  set_term(ee_screen);
  raw();
  noecho();
  nonl();
  intrflush(stdscr, FALSE);
  keypad(stdscr, TRUE);
  /* The start of a bracketed paste as one key: ncurses then stops reading right after it, so the
     paste's body can be read in bulk (ee_read_bytes) without anything left in ncurses' queue. */
  define_key("\033[200~", EE_KEY_PASTE_START);
  meta(stdscr, TRUE);
  set_escdelay(25);
  leaveok(stdscr, FALSE);
  scrollok(stdscr, FALSE);
  ee_default_ok = 0;
  if (want_color && has_colors()) {
    start_color();
    ee_default_ok = (use_default_colors() == OK);
  }
  ee_active = 1;
  ee_redirect_stderr(stderr_path);
  wnoutrefresh(stdscr);
  doupdate();
  ee_paste_mode(1);
  return EE_INIT_OK;
}

void ee_suspend(void) {
  if (!ee_active) return;
  ee_paste_mode(0);
  endwin();
  ee_active = 0;
  ee_restore_stderr();
}

void ee_resume(const char *stderr_path) {
  if (ee_screen == NULL || ee_active) return;
  ee_redirect_stderr(stderr_path);
  reset_prog_mode();
  clearok(curscr, TRUE);
  wnoutrefresh(stdscr);
  doupdate();
  ee_active = 1;
  ee_paste_mode(1);
}

void ee_restore(void) {
  if (ee_screen == NULL) return;
  if (ee_active) {
    ee_paste_mode(0);
    endwin();
    ee_active = 0;
  }
  ee_restore_stderr();
  delscreen(ee_screen);
  ee_screen = NULL;
}

int ee_is_active(void) { return ee_active ? 1 : 0; }
int ee_width(void) { return ee_screen ? getmaxx(stdscr) : 0; }
int ee_height(void) { return ee_screen ? getmaxy(stdscr) : 0; }
int ee_has_colors(void) { return has_colors() ? 1 : 0; }
int ee_colors(void) { return COLORS; }
int ee_color_pairs(void) { return COLOR_PAIRS; }
int ee_default_colors_ok(void) { return ee_default_ok; }

int ee_init_pair(int pair, int fg, int bg) {
#if NCURSES_EXT_COLORS
  return init_extended_pair(pair, fg, bg) == OK ? 0 : -1;
#else
  if (pair > 32767) return -1;
  return init_pair((short)pair, (short)fg, (short)bg) == OK ? 0 : -1;
#endif
}

int ee_read(int timeout_ms, uint32_t *out) {
  wint_t ch = 0;
  wtimeout(stdscr, timeout_ms < 0 ? -1 : timeout_ms);
  int rc = wget_wch(stdscr, &ch);
  if (rc == KEY_CODE_YES) {
    *out = (uint32_t)ch;
    return EE_READ_KEY;
  }
  if (rc == OK) {
    *out = (uint32_t)ch;
    return EE_READ_CHAR;
  }
  return EE_READ_TIMEOUT;
}

long ee_read_bytes(unsigned char *buf, long cap, int timeout_ms) {
  struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
  for (;;) {
    int n = poll(&p, 1, timeout_ms);
    if (n < 0 && errno == EINTR) continue; /* a resize: ncurses reports it at the next read */
    if (n < 0) return -1;
    if (n == 0) return 0;
    ssize_t got = read(STDIN_FILENO, buf, (size_t)cap);
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (got <= 0) return -1;
    return (long)got;
  }
}

const char *ee_keyname(int code) { return keyname(code); }

int ee_put_cell(int y, int x, const wchar_t *wstr, int len, int style_flags, int pair) {
  wchar_t buf[CCHARW_MAX + 1];
  if (len > CCHARW_MAX) len = CCHARW_MAX;
  if (len < 1) {
    buf[0] = L' ';
    len = 1;
  } else {
    memcpy(buf, wstr, sizeof(wchar_t) * (size_t)len);
  }
  buf[len] = 0;
  attr_t attrs = A_NORMAL;
  if (style_flags & EE_STYLE_BOLD) attrs |= A_BOLD;
  if (style_flags & EE_STYLE_DIM) attrs |= A_DIM;
  if (style_flags & EE_STYLE_UNDERLINE) attrs |= A_UNDERLINE;
  if (style_flags & EE_STYLE_REVERSE) attrs |= A_REVERSE;
  cchar_t cc;
#if NCURSES_EXT_COLORS
  int ext = pair;
  if (setcchar(&cc, buf, attrs, (short)(pair > 32767 ? 0 : pair), &ext) != OK) return -1;
#else
  if (setcchar(&cc, buf, attrs, (short)pair, NULL) != OK) return -1;
#endif
  /* The bottom-right cell returns ERR (the cursor cannot advance) but is still written. */
  return mvwadd_wch(stdscr, y, x, &cc) == OK ? 0 : -1;
}

int ee_wcwidth(uint32_t cp) { return wcwidth((wchar_t)cp); }

void ee_clear_all(void) {
  werase(stdscr);
  clearok(stdscr, TRUE);
}

void ee_cursor(int visible, int y, int x) {
  if (visible) {
    curs_set(1);
    wmove(stdscr, y, x);
    leaveok(stdscr, FALSE);
  } else {
    curs_set(0);
    leaveok(stdscr, TRUE);
  }
}

void ee_flush(void) {
  wnoutrefresh(stdscr);
  doupdate();
}

/* ---- handing the terminal to a child, and job control ---- */

static volatile sig_atomic_t ee_continued = 0;

static void ee_cont_handler(int sig) {
  (void)sig;
  ee_continued = 1;
}

void ee_install_cont_handler(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = ee_cont_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGCONT, &sa, NULL);
}

int ee_take_continued(void) {
  int was = ee_continued ? 1 : 0;
  ee_continued = 0;
  return was;
}

/* Stops the whole job (as a shell's Ctrl-Z would), with SIGTSTP's default action, and returns once
   it is continued. In an orphaned process group (no job-control shell) the kernel discards the
   signal and this returns at once. */
static void ee_stop_job(void) {
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
  ee_continued = 0;
  kill(0, SIGTSTP);
  for (int i = 0; i < 200 && !ee_continued; i++) {
    struct timespec tick = {0, 1000000};
    nanosleep(&tick, NULL);
  }
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
  sigaction(SIGTSTP, &old, NULL);
}

void ee_suspend_self(const char *stderr_path) {
  int was_active = ee_active;
  ee_suspend();
  ee_stop_job();
  if (was_active) ee_resume(stderr_path);
  ee_continued = 0;
}

int ee_run_foreground(const char *path, char *const argv[], int *status_out) {
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
      ee_stop_job();
      if (foreground) tcsetpgrp(tty, pid);
      kill(-pid, SIGCONT);
      continue;
    }
    break;
  }
  if (foreground) tcsetpgrp(tty, ours);
  sigaction(SIGTTOU, &old_ttou, NULL);
  ee_continued = 0;
  if (status_out) *status_out = status;
  return rc;
}

/* ---- crash handling (async-signal-safe as far as practical) ---- */

void ee_emergency_restore(void) {
  if (ee_active) {
    ee_active = 0;
    ee_write_all(STDOUT_FILENO, ee_reset_seq, sizeof ee_reset_seq - 1);
    if (ee_have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &ee_saved_termios);
  }
  int saved = ee_saved_stderr;
  if (saved >= 0) {
    ee_saved_stderr = -1;
    dup2(saved, STDERR_FILENO);
    close(saved);
  }
}

static void ee_crash_handler(int sig) {
  ee_emergency_restore();
  signal(sig, SIG_DFL);
  raise(sig);
}

void ee_install_crash_handlers(void) {
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
    sa.sa_handler = ee_crash_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
    sigaction(sigs[i], &sa, NULL);
  }
}
