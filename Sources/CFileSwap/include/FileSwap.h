#ifndef PHARE_FILE_SWAP_H
#define PHARE_FILE_SWAP_H

/// Atomically exchanges two existing paths (Linux renameat2 with RENAME_EXCHANGE): a reader sees
/// one folder or the other, never neither. Returns 0, or -1 with errno set (EINVAL where the
/// file system cannot exchange).
int phare_exchange_paths(const char *first, const char *second);

#endif
