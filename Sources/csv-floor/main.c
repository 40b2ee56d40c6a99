/* The ingest benchmark's floor: libcsv over a file with no-op callbacks, configured exactly as
 * phare configures it (strict, every line break reported, NUL-terminated fields, no space
 * trimming), reading the same 1 MiB blocks. Prints one line: bytes records seconds maxrss_kb. */
#include <csv.h>
#include <floor_report.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static size_t records = 0;
static int in_record = 0;

static void on_field(void *field, size_t length, void *data) {
  (void)field;
  (void)length;
  (void)data;
  in_record = 1;
}

/* Line breaks outside records are reported too (CSV_REPALL_NL); count only ends of records. */
static void on_record(int terminator, void *data) {
  (void)terminator;
  (void)data;
  records += in_record;
  in_record = 0;
}

static int no_space(unsigned char c) {
  (void)c;
  return 0;
}

static int fail(const char *path, const char *reason) {
  fprintf(stderr, "csv-floor: %s: %s\n", path, reason);
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 2 || argc > 3 || (argc == 3 && strlen(argv[2]) != 1)) {
    fprintf(stderr, "usage: csv-floor FILE [SEPARATOR]\n");
    return 64;
  }
  const char *path = argv[1];
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  int fd = open(path, O_RDONLY);
  if (fd < 0) return fail(path, strerror(errno));
  struct csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_REPALL_NL | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0)
    return fail(path, "csv_init failed");
  csv_set_delim(&parser, argc == 3 ? (unsigned char)argv[2][0] : ',');
  csv_set_space_func(&parser, no_space);
  csv_set_blk_size(&parser, 1 << 16);
  size_t size = 1 << 20, total = 0;
  unsigned char *block = malloc(size);
  if (!block) return fail(path, "out of memory");
  ssize_t count;
  while ((count = read(fd, block, size)) > 0) {
    total += (size_t)count;
    if (csv_parse(&parser, block, (size_t)count, on_field, on_record, NULL) != (size_t)count)
      return fail(path, csv_strerror(csv_error(&parser)));
  }
  if (count < 0) return fail(path, strerror(errno));
  if (csv_fini(&parser, on_field, on_record, NULL) != 0) return fail(path, csv_strerror(csv_error(&parser)));
  clock_gettime(CLOCK_MONOTONIC, &end);
  csv_free(&parser);
  free(block);
  close(fd);
  double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
  printf("bytes=%zu records=%zu seconds=%.6f maxrss_kb=%ld\n", total, records, seconds, floor_peak_rss_kb());
  return 0;
}
