/* The ingest benchmark's floor: libcsv over a file with no-op callbacks, configured exactly as
 * phare configures it (strict, every line break reported, NUL-terminated fields, no space
 * trimming), reading the same 1 MiB blocks. Prints one line: bytes records seconds maxrss_kb. */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
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

int main(int argc, char **argv) {
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: csv-floor FILE [SEPARATOR]\n");
    return 64;
  }
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  int fd = open(argv[1], O_RDONLY);
  if (fd < 0) {
    perror(argv[1]);
    return 1;
  }
  struct csv_parser parser;
  csv_init(&parser, CSV_STRICT | CSV_REPALL_NL | CSV_APPEND_NULL | CSV_STRICT_FINI);
  csv_set_delim(&parser, argc == 3 ? (unsigned char)argv[2][0] : ',');
  csv_set_space_func(&parser, no_space);
  csv_set_blk_size(&parser, 1 << 16);
  size_t size = 1 << 20, total = 0;
  unsigned char *block = malloc(size);
  ssize_t count;
  while ((count = read(fd, block, size)) > 0) {
    total += (size_t)count;
    if (csv_parse(&parser, block, (size_t)count, on_field, on_record, NULL) != (size_t)count) {
      fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&parser)));
      return 1;
    }
  }
  csv_fini(&parser, on_field, on_record, NULL);
  csv_free(&parser);
  free(block);
  close(fd);
  clock_gettime(CLOCK_MONOTONIC, &end);
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
  printf("bytes=%zu records=%zu seconds=%.6f maxrss_kb=%ld\n", total, records, seconds, usage.ru_maxrss);
  return 0;
}
