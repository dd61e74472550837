// Process calls Swift cannot make itself: prctl(2), which is variadic, and the GNU extensions
// pipe2(2) and posix_spawn_file_actions_addchdir_np(3), which Swift's Glibc module hides.
#ifndef PROCESS_CONTROL_H
#define PROCESS_CONTROL_H

#include <sys/types.h>

/// Makes this process non-dumpable: no core dumps, and its /proc files (environ, mem) and ptrace
/// are closed to other processes of the same user, such as the tasks it starts. Returns 0, or -1
/// with errno set.
int mr_forbid_inspection(void);

/// Starts `/bin/sh -c command` in `directory` with `environment`, SIGPIPE at its default and no
/// signal blocked, its standard input, output and error on new pipes whose other ends (close on
/// exec, non-blocking) go into `descriptors` in that order. Returns 0, or an errno value when the
/// pipes cannot be made or the shell cannot start; a directory it cannot enter shows as the
/// shell's exit status 127.
int mr_spawn_shell(const char *command, const char *directory, char *const environment[], int descriptors[3], pid_t *pid);

#endif
