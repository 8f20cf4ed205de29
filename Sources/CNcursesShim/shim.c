#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include "cncurses_shim.h"
int ee_setup_terminal(void) { return 0; }
