#ifndef CNCURSES_SHIM_GETTERS_H
#define CNCURSES_SHIM_GETTERS_H
#include <stdint.h>
int ee_setup_terminal(void);
#endif
