#define _GNU_SOURCE
#include "process_control.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

int mr_spawn_shell(const char *command, const char *directory, char *const environment[], int descriptors[3], pid_t *pid) {
    int pipes[6] = {-1, -1, -1, -1, -1, -1};
    for (int pair = 0; pair < 3; pair++) {
        if (pipe2(pipes + pair * 2, O_CLOEXEC) != 0) {
            int error = errno;
            for (int i = 0; i < 6; i++) if (pipes[i] >= 0) close(pipes[i]);
            return error;
        }
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipes[0], 0);
    posix_spawn_file_actions_adddup2(&actions, pipes[3], 1);
    posix_spawn_file_actions_adddup2(&actions, pipes[5], 2);
    posix_spawn_file_actions_addchdir_np(&actions, directory);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    sigset_t mask;
    sigemptyset(&mask);
    posix_spawnattr_setsigmask(&attributes, &mask);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    char *const arguments[] = {"/bin/sh", "-c", (char *)command, NULL};
    int result = posix_spawn(pid, "/bin/sh", &actions, &attributes, arguments, environment);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    close(pipes[0]);
    close(pipes[3]);
    close(pipes[5]);
    if (result != 0) {
        close(pipes[1]);
        close(pipes[2]);
        close(pipes[4]);
        return result;
    }
    descriptors[0] = pipes[1];
    descriptors[1] = pipes[2];
    descriptors[2] = pipes[4];
    for (int i = 0; i < 3; i++) fcntl(descriptors[i], F_SETFL, fcntl(descriptors[i], F_GETFL) | O_NONBLOCK);
    return 0;
}
