import CZlib
import Foundation

/// The container shared by ffanalog's binary files (checkpoints and
/// resumable training states): an 8-byte magic, a UInt32 format version, a
/// UInt64 header length, a JSON header, raw little-endian payload, and a
/// CRC-32 of everything before it. Truncation or any flipped byte is detected.
struct BinaryArchive {
    /// The bytes written so far.
    private(set) var bytes: [UInt8]

    /// Starts an archive with its magic, version and header.
    init(magic: [UInt8], version: UInt32, header: Data) {
        bytes = magic
        append(version)
        append(UInt64(header.count))
        bytes.append(contentsOf: header)
    }

    /// Appends an integer, little-endian.
    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends the raw bytes of an array of plain values, little-endian.
    mutating func append<T: BitwiseCopyable>(contentsOf values: [T]) {
        precondition(UInt32(1).littleEndian == 1, "ffanalog's binary files are written on little-endian hosts only")
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// The finished archive: everything plus its CRC-32.
    func finished() -> [UInt8] {
        var result = bytes
        withUnsafeBytes(of: Self.crc32(bytes[...]).littleEndian) { result.append(contentsOf: $0) }
        return result
    }

    /// A verified archive's parts.
    struct Contents {
        /// Format version.
        var version: UInt32
        /// The JSON header.
        var header: Data
        /// Where the payload starts and ends (before the CRC).
        var payload: Range<Int>
    }

    /// Why an archive could not be opened.
    enum OpenError: Error {
        case notThisKind
        case corrupt(String)
    }

    /// Checks magic, CRC and header length.
    static func open(_ bytes: [UInt8], magic: [UInt8]) throws(OpenError) -> Contents {
        let fixed = magic.count + 4 + 8
        guard bytes.count >= fixed + 4, Array(bytes[0..<magic.count]) == magic else { throw .notThisKind }
        let version: UInt32 = load(bytes, at: magic.count)
        let stored: UInt32 = load(bytes, at: bytes.count - 4)
        guard stored == crc32(bytes[0..<(bytes.count - 4)]) else { throw .corrupt("CRC-32 mismatch") }
        let headerLength = Int(truncatingIfNeeded: load(bytes, at: magic.count + 4) as UInt64)
        guard headerLength >= 0, fixed + headerLength <= bytes.count - 4 else {
            throw .corrupt("header length \(headerLength) exceeds the file")
        }
        return Contents(version: version, header: Data(bytes[fixed..<(fixed + headerLength)]),
                        payload: (fixed + headerLength)..<(bytes.count - 4))
    }

    /// Reads a little-endian integer at `offset`.
    static func load<T: FixedWidthInteger>(_ bytes: [UInt8], at offset: Int) -> T {
        var value = T.zero
        withUnsafeMutableBytes(of: &value) { raw in
            for i in 0..<MemoryLayout<T>.size { raw[i] = bytes[offset + i] }
        }
        return T(littleEndian: value)
    }

    /// Reads `count` plain values starting at `offset`.
    static func loadArray<T: BitwiseCopyable>(_ bytes: [UInt8], at offset: Int, count: Int, of type: T.Type) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count * MemoryLayout<T>.stride)]))
            }
            initialized = count
        }
    }

    /// CRC-32 (zlib's) of `bytes`.
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { b in
            UInt32(CZlib.crc32(0, b.baseAddress, uInt(b.count)))
        }
    }
}

extension BinaryArchive {
    /// A verified file's decoded header and its bytes.
    struct Opened<Header> {
        var header: Header
        var bytes: [UInt8]
        var payload: Range<Int>
    }

    /// Reads `path`, checks magic, CRC and version, and decodes the JSON header.
    /// - Parameters:
    ///   - path: The file.
    ///   - magic: The kind's magic bytes.
    ///   - version: The format version this build reads.
    ///   - header: The header's type.
    ///   - wrongKind: The error for a file of another kind.
    /// - Throws: ``CheckpointError`` naming the file and what is wrong.
    static func read<Header: Decodable>(_ path: String, magic: [UInt8], version: UInt32, header: Header.Type,
                                        wrongKind: CheckpointError) throws(CheckpointError) -> Opened<Header> {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        let bytes = [UInt8](data)
        let contents: Contents
        do {
            contents = try open(bytes, magic: magic)
        } catch {
            switch error {
            case .notThisKind: throw wrongKind
            case .corrupt(let why): throw .corrupt(path: path, why: why)
            }
        }
        guard contents.version == version else { throw .unsupportedVersion(path: path, version: contents.version) }
        do {
            let decoded = try JSONFile.decoder().decode(Header.self, from: contents.header)
            return Opened(header: decoded, bytes: bytes, payload: contents.payload)
        } catch {
            throw .corrupt(path: path, why: "unreadable header (\(error))")
        }
    }
}
