#ifndef FLOOR_REPORT_H
#define FLOOR_REPORT_H

/* Peak RSS of this program's own address space (VmHWM), in kB, or -1. getrusage's ru_maxrss
 * would do when run from a shell, but Linux carries the spawning process's peak across exec, so
 * under phare-bench it would report phare-bench's footprint at spawn time. */
long floor_peak_rss_kb(void);

#endif
