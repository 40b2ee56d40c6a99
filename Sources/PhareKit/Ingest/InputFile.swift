import Glibc

/// An export opened for block reads, with the checks that turn OS errors into one clear line.
struct InputFile: ByteSource {
  let path: String
  let size: Int
  private let descriptor: Int32

  init(path: String) throws {
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT { throw IngestError.fileNotFound(file: path) }
      throw IngestError.unreadable(file: path, reason: String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT == S_IFREG else { throw IngestError.notARegularFile(file: path) }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw IngestError.unreadable(file: path, reason: String(cString: strerror(errno)))
    }
    self.path = path
    self.size = Int(info.st_size)
    self.descriptor = descriptor
  }

  func close() {
    _ = Glibc.close(descriptor)
  }

  /// Goes back to the first byte.
  func rewind() throws { try seek(to: 0) }

  /// Moves to byte `offset`, where the next `read` starts.
  func seek(to offset: Int) throws {
    guard lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset) else {
      throw IngestError.unreadable(file: path, reason: String(cString: strerror(errno)))
    }
  }

  /// Fills `buffer` as far as the file allows; returns the byte count, 0 at the end.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    var filled = 0
    while filled < buffer.count {
      let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
      if count < 0 {
        if errno == EINTR { continue }
        throw IngestError.unreadable(file: path, reason: String(cString: strerror(errno)))
      }
      if count == 0 { break }
      filled += count
    }
    return filled
  }
}
