#include "process_control.h"

#include <sys/prctl.h>

int mr_forbid_inspection(void) {
    return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}
