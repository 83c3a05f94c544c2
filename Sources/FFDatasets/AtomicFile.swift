import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that readers see either the old contents or the new ones,
/// never a mix or a partial file.
///
/// The data goes to a uniquely named temporary file in the target's directory,
/// is flushed to disk with `fsync`, and is then renamed over the target; the
/// directory is synced afterwards so the rename itself is durable. On any
/// failure the temporary file is removed. Used for downloads, results and
/// checkpoints.
public enum AtomicFile {
    /// Atomically replaces (or creates) the file at `path` with `data`.
    /// - Parameters:
    ///   - data: The new contents.
    ///   - path: The target file; missing parent directories are created.
    /// - Throws: ``DatasetError/writeFailed(path:reason:)``.
    public static func write(_ data: Data, to path: String) throws(DatasetError) {
        let failure: DatasetError? = data.withUnsafeBytes { buffer -> DatasetError? in
            do throws(DatasetError) {
                try write(bytes: buffer, to: path)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Atomically replaces (or creates) the file at `path` with `bytes`.
    /// - Parameters:
    ///   - bytes: The new contents.
    ///   - path: The target file; missing parent directories are created.
    /// - Throws: ``DatasetError/writeFailed(path:reason:)``.
    public static func write(_ bytes: [UInt8], to path: String) throws(DatasetError) {
        try write(Data(bytes), to: path)
    }

    /// The prefix of temporary file names, so leftovers of a killed process
    /// are recognisable: `.<name>.tmp-XXXXXX` next to the target.
    public static func temporaryPrefix(for path: String) -> String {
        "." + (path as NSString).lastPathComponent + ".tmp-"
    }

    private static func write(bytes: UnsafeRawBufferPointer, to path: String) throws(DatasetError) {
        let directory = (path as NSString).deletingLastPathComponent
        let parent = directory.isEmpty ? "." : directory
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: path, reason: "cannot create directory \(parent): \(error.localizedDescription)")
        }

        var template = Array(((parent as NSString).appendingPathComponent(temporaryPrefix(for: path)) + "XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw .writeFailed(path: path, reason: "cannot create a temporary file in \(parent): \(message(errno))")
        }
        let temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var committed = false
        defer {
            if !committed { unlink(temporaryPath) }
        }

        do {
            defer { close(fd) }
            // mkstemp creates 0600; data files should be readable like any other.
            _ = fchmod(fd, 0o644)
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw DatasetError.writeFailed(path: path, reason: "writing \(temporaryPath): \(message(errno))")
                }
                offset += written
            }
            guard fsync(fd) == 0 else {
                throw DatasetError.writeFailed(path: path, reason: "fsync of \(temporaryPath): \(message(errno))")
            }
        }
        guard rename(temporaryPath, path) == 0 else {
            throw .writeFailed(path: path, reason: "renaming \(temporaryPath) into place: \(message(errno))")
        }
        committed = true
        // Make the rename durable; a failure here does not undo the write.
        let directoryDescriptor = open(parent, O_RDONLY)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
