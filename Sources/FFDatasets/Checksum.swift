import Crypto
import Foundation

/// SHA-256 digests as lowercase hexadecimal strings, the form used by
/// `sha256sum` and by ``KnownChecksums``.
public enum Checksum {
    /// The SHA-256 digest of `bytes`.
    /// - Parameter bytes: The data to hash.
    /// - Returns: 64 lowercase hexadecimal digits.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The SHA-256 digest of `data`.
    /// - Parameter data: The data to hash.
    /// - Returns: 64 lowercase hexadecimal digits.
    public static func sha256Hex(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The SHA-256 digest of a file's contents.
    /// - Parameter path: The file to hash.
    /// - Returns: 64 lowercase hexadecimal digits.
    /// - Throws: ``DatasetError/fileNotFound(path:)`` or ``DatasetError/readFailed(path:reason:)``.
    public static func sha256Hex(ofFileAt path: String) throws(DatasetError) -> String {
        sha256Hex(try FileBytes.read(path: path))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(2 * SHA256.Digest.byteCount)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
