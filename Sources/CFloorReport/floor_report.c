#include "floor_report.h"

#include <stdio.h>

long floor_peak_rss_kb(void) {
  FILE *status = fopen("/proc/self/status", "r");
  char line[256];
  long kb = -1;
  while (status && fgets(line, sizeof line, status))
    if (sscanf(line, "VmHWM: %ld kB", &kb) == 1) break;
  if (status) fclose(status);
  return kb;
}
