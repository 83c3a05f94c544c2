#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads into a byte array, with errors as ``DatasetError``.
enum FileBytes {
    /// Reads the whole file at `path`.
    /// - Parameter path: The file to read.
    /// - Returns: Its bytes.
    /// - Throws: ``DatasetError/fileNotFound(path:)`` or ``DatasetError/readFailed(path:reason:)``.
    static func read(path: String) throws(DatasetError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .fileNotFound(path: path) }
            throw .readFailed(path: path, reason: errorString(code))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .readFailed(path: path, reason: errorString(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .readFailed(path: path, reason: "it is a directory")
        }
        // Read up to the size fstat reported plus one byte, which detects a
        // file that grew meanwhile; then keep reading in chunks until EOF.
        var chunks = [[UInt8]]()
        var chunkSize = max(Int(info.st_size), 0) + 1
        while true {
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, initialized in
                var offset = 0
                while offset < buffer.count {
                    let n = systemRead(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        break
                    }
                    if n == 0 { break }
                    offset += n
                }
                initialized = offset
            }
            if failure != 0 { throw .readFailed(path: path, reason: errorString(failure)) }
            let complete = chunk.count < chunkSize
            chunks.append(chunk)
            if complete { break }
            chunkSize = max(chunkSize, 1 << 20)
        }
        return chunks.count == 1 ? chunks[0] : Array(chunks.joined())
    }

    /// The C library's message for an `errno` value.
    static func errorString(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
