import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a saved random-generator state cannot be restored.
public enum RandomStateError: Error, Equatable, CustomStringConvertible {
    /// The saved state has the wrong size for this generator type.
    case wrongSize(expected: Int, found: Int)

    /// One line: what is wrong and what to do.
    public var description: String {
        switch self {
        case let .wrongSize(expected, found):
            "saved random-generator state has \(found) bytes, this generator needs \(expected); "
                + "the state was written on another platform or by another ffanalog version, start the run afresh"
        }
    }
}

extension RandomGenerator {
    /// The generator's complete state (GSL's raw `mt19937` state), so that a
    /// run can stop and later continue with exactly the same draws.
    ///
    /// The bytes are the platform's in-memory layout: restore them on the same
    /// architecture.
    public var stateBytes: [UInt8] {
        let count = gsl_rng_size(rng)
        guard let state = gsl_rng_state(rng) else { return [] }
        return Array(UnsafeRawBufferPointer(start: state, count: count))
    }

    /// Continues from a state saved by ``stateBytes``.
    /// - Parameter bytes: The saved state.
    /// - Throws: ``RandomStateError/wrongSize(expected:found:)`` when the bytes do not fit.
    public func restoreState(_ bytes: [UInt8]) throws(RandomStateError) {
        let count = gsl_rng_size(rng)
        guard bytes.count == count, let state = gsl_rng_state(rng) else {
            throw .wrongSize(expected: count, found: bytes.count)
        }
        bytes.withUnsafeBytes { source in state.copyMemory(from: source.baseAddress!, byteCount: count) }
    }
}

extension GaussianStream {
    /// The stream's complete state (the four xoshiro256++ words), so that a
    /// run can stop and later continue with exactly the same draws.
    public var stateWords: [UInt64] { [state.s0, state.s1, state.s2, state.s3] }

    /// Continues from a state saved by ``stateWords``.
    /// - Parameter words: The saved words.
    /// - Throws: ``RandomStateError/wrongSize(expected:found:)`` unless there are four.
    public func restoreState(_ words: [UInt64]) throws(RandomStateError) {
        guard words.count == 4 else { throw .wrongSize(expected: 32, found: 8 * words.count) }
        state.s0 = words[0]
        state.s1 = words[1]
        state.s2 = words[2]
        state.s3 = words[3]
    }
}
