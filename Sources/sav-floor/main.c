/* The SPSS ingest benchmark's floor: ReadStat's own parse of a .sav (or .zsav) file with no-op
 * callbacks (the value handler only notes the case number), as phare's reader drives it. Prints
 * one line: bytes records seconds maxrss_kb (records = cases). */
#include <readstat.h>
#include <floor_report.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>

static long cases = 0;

static int on_value(int obs_index, readstat_variable_t *variable, readstat_value_t value, void *context) {
  (void)variable;
  (void)value;
  (void)context;
  if (obs_index >= cases) cases = obs_index + 1;
  return READSTAT_HANDLER_OK;
}

static int on_variable(int index, readstat_variable_t *variable, const char *labels, void *context) {
  (void)index;
  (void)variable;
  (void)labels;
  (void)context;
  return READSTAT_HANDLER_OK;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: sav-floor FILE\n");
    return 64;
  }
  struct stat info;
  if (stat(argv[1], &info) != 0) {
    perror(argv[1]);
    return 1;
  }
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  readstat_parser_t *parser = readstat_parser_init();
  readstat_set_variable_handler(parser, on_variable);
  readstat_set_value_handler(parser, on_value);
  readstat_error_t error = readstat_parse_sav(parser, argv[1], NULL);
  readstat_parser_free(parser);
  clock_gettime(CLOCK_MONOTONIC, &end);
  if (error != READSTAT_OK) {
    fprintf(stderr, "sav-floor: %s: %s\n", argv[1], readstat_error_message(error));
    return 1;
  }
  double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
  printf("bytes=%lld records=%ld seconds=%.6f maxrss_kb=%ld\n", (long long)info.st_size, cases, seconds, floor_peak_rss_kb());
  return 0;
}
