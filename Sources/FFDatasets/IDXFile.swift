/// Reader and writer for the IDX format of MNIST-style data sets, plain or
/// gzip-compressed.
///
/// An IDX file is a 4-byte magic number — two zero bytes, an element-type
/// code, and the number of dimensions — followed by one big-endian 32-bit size
/// per dimension and then the elements in row-major order. Only element type
/// `0x08` (unsigned byte) is supported, which is what MNIST and Fashion-MNIST
/// use. The reader checks every part of the header and insists that the data
/// is exactly as long as the header announces.
public enum IDXFile {
    /// The element-type code for unsigned bytes.
    public static let unsignedByteType: UInt8 = 0x08

    /// The largest number of dimensions accepted; real files use 1 or 3.
    public static let maximumRank = 16

    /// Reads an IDX file from disk, decompressing it first if it is gzip
    /// (detected by the magic bytes `0x1f 0x8b`, not by the file name).
    /// - Parameter path: The file to read.
    /// - Returns: The dimensions and elements.
    /// - Throws: ``DatasetError`` — `fileNotFound`, `readFailed`, `gzipCorrupt`,
    ///   `badMagic`, `unsupportedType`, `invalidHeader`, `truncated` or `trailingData`.
    public static func read(path: String) throws(DatasetError) -> IDXArray {
        try decode(FileBytes.read(path: path), path: path)
    }

    /// Decodes the contents of an IDX file held in memory, gzip or plain.
    /// - Parameters:
    ///   - contents: The file's bytes as stored on disk.
    ///   - path: Where the bytes came from, for error messages.
    /// - Returns: The dimensions and elements.
    /// - Throws: ``DatasetError`` as for ``read(path:)``.
    public static func decode(_ contents: [UInt8], path: String) throws(DatasetError) -> IDXArray {
        if Gzip.isGzip(contents) {
            return try parse(Gzip.decompress(contents, path: path), path: path)
        }
        return try parse(contents, path: path)
    }

    /// Parses uncompressed IDX bytes.
    /// - Parameters:
    ///   - bytes: The uncompressed IDX file.
    ///   - path: Where the bytes came from, for error messages.
    /// - Returns: The dimensions and elements.
    /// - Throws: ``DatasetError`` — `badMagic`, `unsupportedType`, `invalidHeader`,
    ///   `truncated` or `trailingData`.
    public static func parse(_ bytes: [UInt8], path: String) throws(DatasetError) -> IDXArray {
        guard bytes.count >= 4 else {
            if bytes.count >= 1 && bytes[0] != 0 || bytes.count >= 2 && bytes[1] != 0 {
                throw .badMagic(path: path, found: Array(bytes.prefix(4)))
            }
            throw .truncated(path: path, expected: 4, found: bytes.count)
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw .badMagic(path: path, found: Array(bytes.prefix(4)))
        }
        guard bytes[2] == unsignedByteType else {
            throw .unsupportedType(path: path, typeCode: bytes[2])
        }
        let rank = Int(bytes[3])
        guard rank >= 1 && rank <= maximumRank else {
            throw .invalidHeader(path: path, reason: "it declares \(rank) dimensions, expected 1 to \(maximumRank)")
        }
        let headerSize = 4 + 4 * rank
        guard bytes.count >= headerSize else {
            throw .truncated(path: path, expected: headerSize, found: bytes.count)
        }
        var dimensions = [Int]()
        dimensions.reserveCapacity(rank)
        var elementCount = 1
        for axis in 0..<rank {
            let offset = 4 + 4 * axis
            let size = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16
                | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            guard size > 0 else {
                throw .invalidHeader(path: path, reason: "dimension \(axis) has size 0")
            }
            let (product, overflow) = elementCount.multipliedReportingOverflow(by: size)
            guard !overflow, product <= Int(Int32.max) * 16 else {
                throw .invalidHeader(path: path, reason: "dimensions \(dimensions + [size]) are implausibly large")
            }
            elementCount = product
            dimensions.append(size)
        }
        let available = bytes.count - headerSize
        if available < elementCount {
            throw .truncated(path: path, expected: elementCount, found: available)
        }
        if available > elementCount {
            throw .trailingData(path: path, expected: elementCount, found: available)
        }
        return IDXArray(dimensions: dimensions, bytes: Array(bytes[headerSize...]))
    }

    /// Encodes an array as uncompressed IDX bytes (element type `0x08`).
    /// - Parameter array: The array to encode; at most ``maximumRank`` dimensions,
    ///   each below 2³².
    /// - Returns: The header followed by the elements.
    public static func encode(_ array: IDXArray) -> [UInt8] {
        precondition(array.dimensions.count <= maximumRank, "IDX supports at most \(maximumRank) dimensions")
        var result: [UInt8] = [0, 0, unsignedByteType, UInt8(array.dimensions.count)]
        result.reserveCapacity(4 + 4 * array.dimensions.count + array.bytes.count)
        for size in array.dimensions {
            precondition(size >= 0 && size <= Int(UInt32.max), "IDX dimension \(size) does not fit in 32 bits")
            result += [UInt8(truncatingIfNeeded: size >> 24), UInt8(truncatingIfNeeded: size >> 16),
                       UInt8(truncatingIfNeeded: size >> 8), UInt8(truncatingIfNeeded: size)]
        }
        result += array.bytes
        return result
    }
}
