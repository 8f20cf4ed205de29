#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#define _GNU_SOURCE 1
#include <ncursesw/curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h> /* sig_atomic_t */
#include <sys/types.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
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

/* ---- the terminal's reset after a crash (async-signal-safe: the runtime's crash handler calls it) ---- */

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
