// prctl(2) calls, which Swift cannot make itself (prctl is variadic).
#ifndef PROCESS_CONTROL_H
#define PROCESS_CONTROL_H

/// Makes this process non-dumpable: no core dumps, and its /proc files (environ, mem) and ptrace
/// are closed to other processes of the same user, such as the tasks it starts. Returns 0, or -1
/// with errno set.
int mr_forbid_inspection(void);

#endif
