/* The ncursesw API as Swift sees it. Only CursesTerminal imports this module.
 *
 * Swift cannot import ncurses' cast macros (A_BOLD ...), function-like macros (KEY_F(n)) or read
 * its global variables (stdscr, LINES, COLS, COLOR_PAIRS: "not concurrency-safe"), so they are
 * exposed here as constants and static inline accessors. No pkgConfig: SwiftPM would drop the
 * -D flags it gives, so the wide-character API is switched on by the defines below.
 *
 * Note: SwiftPM does not notice edits to this header; touch a Swift file or remove .build.
 */
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static inline WINDOW *cc_stdscr(void) { return stdscr; }
static inline WINDOW *cc_curscr(void) { return curscr; }
static inline int cc_lines(void) { return LINES; }
static inline int cc_cols(void) { return COLS; }
static inline int cc_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *cc_stdin(void) { return stdin; }
static inline FILE *cc_stdout(void) { return stdout; }

static const attr_t CC_A_NORMAL = A_NORMAL;
static const attr_t CC_A_BOLD = A_BOLD;
static const attr_t CC_A_DIM = A_DIM;
static const attr_t CC_A_REVERSE = A_REVERSE;
static const attr_t CC_A_UNDERLINE = A_UNDERLINE;

static inline int cc_key_f(int n) { return KEY_F(n); }

/* The codeset of the current LC_CTYPE ("UTF-8" under a UTF-8 locale). */
static inline const char *cc_codeset(void) { return nl_langinfo(CODESET); }

/* True when the current terminal's terminfo entry has string capability `name`. */
static inline int cc_has_string_capability(const char *name) {
    const char *value = tigetstr(name);
    return value != NULL && value != (const char *)-1;
}

/* Looks `name` up in terminfo without printing or exiting (unlike initscr), then forgets it.
 * 1: usable; 0: unknown to terminfo (or too generic); -1: no terminfo database;
 * -2: known but cannot address the cursor (e.g. dumb). */
static inline int cc_check_terminal(const char *name) {
    int error = 0;
    TERMINAL *previous = cur_term;
    if (setupterm(name, STDOUT_FILENO, &error) != OK) {
        return error == -1 ? -1 : 0;
    }
    int result = cc_has_string_capability("cup") ? 1 : -2;
    del_curterm(cur_term);
    set_curterm(previous);
    return result;
}

/* The kernel's idea of the window size (used before start), 0 on success. */
static inline int cc_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0 || ws.ws_row == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/* True when `sig` is currently ignored (e.g. SIGHUP under nohup): such signals stay ignored. */
static inline int cc_signal_is_ignored(int sig) {
    struct sigaction old;
    if (sigaction(sig, NULL, &old) != 0) return 0;
    return !(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_IGN;
}

#endif
