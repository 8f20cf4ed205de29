#ifndef CNCURSES_SHIM_GETTERS_H
#define CNCURSES_SHIM_GETTERS_H
#include <stdint.h>
#include <wchar.h>

/// Small C helpers around ncursesw for the Swift `Terminal` target. Everything that touches a C
/// macro or a C global lives here so the Swift side stays concurrency-safe.

/// Style flag bits accepted by `ee_put_cell`.
enum {
  EE_STYLE_BOLD = 1,
  EE_STYLE_DIM = 2,
  EE_STYLE_UNDERLINE = 4,
  EE_STYLE_REVERSE = 8,
};

/// Result codes of `ee_init`.
enum {
  EE_INIT_OK = 0,
  EE_INIT_NOT_A_TTY = -1,
  EE_INIT_NEWTERM_FAILED = -2,
  EE_INIT_ALREADY_ACTIVE = -3,
};

/// Result kinds of `ee_read`.
enum {
  EE_READ_TIMEOUT = 0,
  EE_READ_CHAR = 1,
  EE_READ_KEY = 2,
};

/// The key code ncurses returns for ESC[200~, the start of a bracketed paste (`define_key`).
enum { EE_KEY_PASTE_START = 01100 };

int ee_setup_terminal(void);

/// setlocale(LC_ALL, ""), saves termios, newterm on the controlling stdin/stdout, raw, noecho, nonl,
/// keypad, set_escdelay(25), optional colours, bracketed paste on. `stderr_path` may be NULL.
int ee_init(int want_color, const char *stderr_path);
/// Leaves curses mode (endwin) but keeps the SCREEN for `ee_resume`. Disables bracketed paste and
/// restores stderr. No-op when not active.
void ee_suspend(void);
/// Re-enters curses mode after `ee_suspend`.
void ee_resume(const char *stderr_path);
/// Idempotent: disables bracketed paste, endwin, restores stderr, frees the SCREEN.
void ee_restore(void);
/// 1 while curses mode is active (between init/resume and suspend/restore).
int ee_is_active(void);

int ee_width(void);
int ee_height(void);
int ee_has_colors(void);
int ee_colors(void);
int ee_color_pairs(void);
/// init_extended_pair when available; returns 0 on success.
int ee_init_pair(int pair, int fg, int bg);
/// 1 when use_default_colors succeeded (so -1 means the terminal default colour).
int ee_default_colors_ok(void);

/// Reads one input: returns EE_READ_* and stores the character or KEY_* code in *out.
/// timeout_ms < 0 blocks.
int ee_read(int timeout_ms, uint32_t *out);
/// Reads up to `cap` bytes of terminal input straight from stdin (for a bracketed paste's body,
/// after ncurses has returned its start: its own queue is empty then). Waits up to `timeout_ms`
/// for the first byte. Returns the count, 0 on timeout, -1 at end of input or on error.
long ee_read_bytes(unsigned char *buf, long cap, int timeout_ms);
/// keyname() of a key code, or NULL.
const char *ee_keyname(int code);

/// Writes one cell: `wstr` holds `len` wide characters (first spacing, rest non-spacing).
int ee_put_cell(int y, int x, const wchar_t *wstr, int len, int style_flags, int pair);
/// wcwidth() of one code point under the current locale.
int ee_wcwidth(uint32_t cp);
void ee_clear_all(void);
void ee_cursor(int visible, int y, int x);
void ee_flush(void);

/// Async-signal-safe terminal reset: writes the reset sequences with write(2) and restores termios
/// and stderr. The runtime's crash handler calls it (see CRuntimeShim).
void ee_emergency_restore(void);

#endif
