/// The contents of one IDX file of unsigned bytes: its dimensions and its
/// elements in row-major order.
public struct IDXArray: Sendable, Equatable {
    /// The size of each dimension, outermost first (e.g. `[60000, 28, 28]`).
    public let dimensions: [Int]
    /// The elements, row-major; `bytes.count` is the product of `dimensions`.
    public let bytes: [UInt8]

    /// Creates an array from dimensions and matching elements.
    /// - Parameters:
    ///   - dimensions: The size of each dimension, outermost first; at least one.
    ///   - bytes: Row-major elements; their count must be the product of `dimensions`.
    public init(dimensions: [Int], bytes: [UInt8]) {
        precondition(!dimensions.isEmpty, "IDXArray needs at least one dimension")
        precondition(dimensions.allSatisfy { $0 >= 0 }, "IDXArray dimensions must be non-negative")
        precondition(dimensions.reduce(1, *) == bytes.count,
                     "IDXArray has \(bytes.count) bytes, dimensions \(dimensions) need \(dimensions.reduce(1, *))")
        self.dimensions = dimensions
        self.bytes = bytes
    }

    /// The number of items: the size of the outermost dimension.
    public var count: Int { dimensions[0] }

    /// The number of bytes per item: the product of the inner dimensions.
    public var itemSize: Int { dimensions.dropFirst().reduce(1, *) }
}
