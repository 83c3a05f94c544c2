#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FFNumerics

/// A scratch file of `Float32` rows of one width, written by appending and
/// read back by row ranges or gathered rows into a caller's reusable buffer.
///
/// Reads and writes use `pread`/`pwrite`, not a memory map: touched pages of a
/// mapped file count towards resident memory, a reused buffer does not grow.
/// The file is in the host's byte order and is meant to live only as long as
/// one training or evaluation run; ``remove()`` deletes it.
public final class ActivationFile {
    /// Where the file is.
    public let path: String
    /// Floats per row.
    public let columns: Int
    /// Rows written so far.
    public private(set) var rows = 0
    private var descriptor: Int32

    /// Creates (or truncates) a file.
    /// - Parameters:
    ///   - path: Where to create it; the directory must exist.
    ///   - columns: Floats per row.
    /// - Throws: ``StreamingError/io(path:operation:reason:)``.
    public init(creating path: String, columns: Int) throws(StreamingError) {
        precondition(columns > 0, "ActivationFile needs at least one column")
        self.path = path
        self.columns = columns
        descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .io(path: path, operation: "create", reason: Self.message(errno)) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    private var rowBytes: Int { columns * MemoryLayout<Float>.size }

    /// Appends every row of `matrix`.
    /// - Parameter matrix: Rows of ``columns`` floats.
    /// - Throws: ``StreamingError/io(path:operation:reason:)``.
    public func append(_ matrix: Matrix) throws(StreamingError) {
        precondition(matrix.columns == columns, "ActivationFile \(path) holds rows of \(columns), got \(matrix.columns)")
        guard matrix.rows > 0 else { return }
        let offset = rows * rowBytes
        let failure: StreamingError? = matrix.withUnsafeBufferPointer { b in
            transfer(UnsafeMutableRawPointer(mutating: b.baseAddress!), count: matrix.count * 4, offset: offset, write: true)
        }
        if let failure { throw failure }
        rows += matrix.rows
    }

    /// Reads rows `range` into `matrix`, reshaping it and reusing its allocation.
    /// - Throws: ``StreamingError/io(path:operation:reason:)`` or ``StreamingError/corrupt(path:why:)``.
    public func read(rows range: Range<Int>, into matrix: inout Matrix) throws(StreamingError) {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "ActivationFile \(path): rows \(range) of \(rows)")
        matrix.reshape(rows: range.count, columns: columns)
        guard !range.isEmpty else { return }
        let (offset, count) = (range.lowerBound * rowBytes, range.count * rowBytes)
        let failure: StreamingError? = matrix.withUnsafeMutableBufferPointer { b in
            transfer(UnsafeMutableRawPointer(b.baseAddress!), count: count, offset: offset, write: false)
        }
        if let failure { throw failure }
    }

    /// Reads the rows at `indices`, in that order, into `matrix`; runs of
    /// consecutive indices are read with one call.
    /// - Throws: ``StreamingError/io(path:operation:reason:)`` or ``StreamingError/corrupt(path:why:)``.
    public func gather(rows indices: UnsafeBufferPointer<Int>, into matrix: inout Matrix) throws(StreamingError) {
        matrix.reshape(rows: indices.count, columns: columns)
        let rowBytes = self.rowBytes
        let failure: StreamingError? = matrix.withUnsafeMutableBufferPointer { b in
            let base = UnsafeMutableRawPointer(b.baseAddress!)
            var i = 0
            while i < indices.count {
                var j = i + 1
                while j < indices.count && indices[j] == indices[j - 1] + 1 { j += 1 }
                precondition(indices[i] >= 0 && indices[j - 1] < rows, "ActivationFile \(path): row out of range")
                if let failure = transfer(base + i * rowBytes, count: (j - i) * rowBytes,
                                          offset: indices[i] * rowBytes, write: false) {
                    return failure
                }
                i = j
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Closes and deletes the file.
    public func remove() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(path)
    }

    /// Reads or writes `count` bytes at `offset`, retrying short transfers.
    private func transfer(_ buffer: UnsafeMutableRawPointer, count: Int, offset: Int, write: Bool) -> StreamingError? {
        var done = 0
        while done < count {
            let n = write
                ? pwrite(descriptor, buffer + done, count - done, off_t(offset + done))
                : pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                return .io(path: path, operation: write ? "write" : "read", reason: Self.message(errno))
            }
            if n == 0 { return .corrupt(path: path, why: "file ends at byte \(offset + done), expected \(offset + count)") }
            done += n
        }
        return nil
    }

    private static func message(_ code: Int32) -> String { String(cString: strerror(code)) }
}
