import FFNumerics

/// Local receptive fields without weight sharing (Hinton 2022 §3.2, the
/// variant that improved unsupervised FF to 1.16% test error; the paper does
/// not give its geometry, so this one is ffanalog's).
///
/// Every hidden layer is a topographic map of `side × side` sites with
/// `channels` units at each site (unit index `(y · side + x) · channels + c`);
/// the image is a map of its own width and height with one channel. Site
/// `x` of an `n`-site row lies over position `(x + ½) · m / n − ½` of the
/// `m`-site row below. A unit connects to every channel of the sites below
/// that are less than `size / 2` away from that point along each axis,
/// clipped at the border. Along an axis that is `size` sites, or `size − 1`
/// where the point lies exactly on a site and `size` is even, or exactly
/// halfway between two sites and `size` is odd (so `size` 1 halfway between
/// sites would leave a unit without inputs, which ``validate(hiddenSizes:imageWidth:imageHeight:)``
/// refuses). The weights outside the window are zero and stay zero (their
/// gradient is masked). The products stay dense: this changes what the
/// layers can learn, not their cost.
///
/// On a simulated device the weights outside the windows are device pairs
/// programmed to 0, with the device's programming and read noise, as when a
/// sparse matrix is mapped onto a dense crossbar tile; only the digital
/// trainer's own copy of them stays exactly 0.
public struct LocalReceptiveFields: Sendable, Equatable, Codable {
    /// The windows' sides, in sites of the layer below: one for every layer,
    /// or one per layer.
    public var sizes: [Int]

    /// Creates the setting.
    /// - Parameter sizes: The windows' sides in sites of the layer below
    ///   (each ≥ 1): one value for every layer, or one per layer.
    public init(sizes: [Int]) {
        self.sizes = sizes
    }

    /// The window's side of a layer.
    /// - Parameter layer: The hidden layer (0-based); ``validate(layers:)`` has accepted the sizes.
    /// - Returns: Its window's side, in sites of the layer below.
    public func size(ofLayer layer: Int) -> Int {
        precondition(!sizes.isEmpty && (sizes.count == 1 || layer < sizes.count),
                     "receptive field sizes \(sizes) give none for layer \(layer + 1); validate(layers:) refuses them")
        return sizes.count == 1 ? sizes[0] : sizes[layer]
    }

    /// Whether two settings give every layer the same window: one size for
    /// every layer equals the same size written once per layer, so `[5]`
    /// equals `[5, 5, 5, 5]` (a state file saved under one spelling resumes
    /// under the other).
    public static func == (a: Self, b: Self) -> Bool {
        switch (a.sizes.count, b.sizes.count) {
        case (1, _): return !b.sizes.isEmpty && b.sizes.allSatisfy { $0 == a.sizes[0] }
        case (_, 1): return !a.sizes.isEmpty && a.sizes.allSatisfy { $0 == b.sizes[0] }
        default: return a.sizes == b.sizes
        }
    }

    /// Checks the sizes against the network's number of layers.
    /// - Parameter layers: Hidden layers of the network.
    /// - Throws: ``TrainingError/invalidConfiguration(_:)`` saying what does not fit.
    public func validate(layers: Int) throws(TrainingError) {
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 >= 1 }) else {
            throw .invalidConfiguration("--receptive-field sizes must be at least 1 site wide, got \(sizes)")
        }
        guard sizes.count == 1 || sizes.count == layers else {
            throw .invalidConfiguration("--receptive-field gives \(sizes.count) sizes for \(layers) hidden layers; give one R for every layer or exactly \(layers) (R1,R2,...)")
        }
    }

    /// Checks the sizes against the network's layers and the image, including
    /// that every unit's window holds at least one site.
    /// - Parameters:
    ///   - hiddenSizes: Units per hidden layer.
    ///   - imageWidth: Image width in pixels.
    ///   - imageHeight: Image height in pixels.
    /// - Throws: ``TrainingError/invalidConfiguration(_:)`` saying what does not fit and how to fix it.
    public func validate(hiddenSizes: [Int], imageWidth: Int, imageHeight: Int) throws(TrainingError) {
        try validate(layers: hiddenSizes.count)
        let maps = Self.maps(hiddenSizes: hiddenSizes, imageWidth: imageWidth, imageHeight: imageHeight)
        for l in 1..<maps.count {
            let (lower, upper, size) = (maps[l - 1], maps[l], size(ofLayer: l - 1))
            let covered = (0..<upper.width).allSatisfy { Self.window($0, upper: upper.width, lower: lower.width, size: size) != nil }
                && (0..<upper.height).allSatisfy { Self.window($0, upper: upper.height, lower: lower.height, size: size) != nil }
            guard covered else {
                throw .invalidConfiguration("--receptive-field \(size) leaves units of hidden layer \(l) without inputs: the point below a site of its \(upper.width)×\(upper.height) map can lie halfway between two of the \(lower.width)×\(lower.height) sites below; use a size of at least 2 there")
            }
        }
    }

    /// One layer's arrangement: `width × height` sites of `channels` units.
    public struct Map: Sendable, Equatable {
        /// Sites per row.
        public var width: Int
        /// Rows of sites.
        public var height: Int
        /// Units per site.
        public var channels: Int

        /// Units in the map.
        public var units: Int { width * height * channels }

        /// Creates a map.
        /// - Parameters:
        ///   - width: Sites per row.
        ///   - height: Rows of sites.
        ///   - channels: Units per site.
        public init(width: Int, height: Int, channels: Int) {
            self.width = width
            self.height = height
            self.channels = channels
        }
    }

    /// The map of a hidden layer of `units` units above a map of `below`:
    /// the widest square of `side × side` sites with `side` at most the
    /// smaller side of `below` and `units` a multiple of `side²`.
    /// - Parameters:
    ///   - units: Units of the layer.
    ///   - below: The map of the layer below.
    /// - Returns: The layer's map (1 × 1 sites of `units` channels at worst).
    public static func map(units: Int, above below: Map) -> Map {
        var side = max(1, min(below.width, below.height))
        while side > 1 && units % (side * side) != 0 { side -= 1 }
        return Map(width: side, height: side, channels: units / (side * side))
    }

    /// The maps of the image and of every hidden layer.
    /// - Parameters:
    ///   - hiddenSizes: Units per hidden layer.
    ///   - imageWidth: Image width in pixels.
    ///   - imageHeight: Image height in pixels.
    /// - Returns: `hiddenSizes.count + 1` maps, the image's first.
    public static func maps(hiddenSizes: [Int], imageWidth: Int, imageHeight: Int) -> [Map] {
        var result = [Map(width: imageWidth, height: imageHeight, channels: 1)]
        for units in hiddenSizes { result.append(map(units: units, above: result[result.count - 1])) }
        return result
    }

    /// The connectivity of a layer with map `upper` above a layer with map
    /// `lower`: 1 where a unit connects to an input, 0 elsewhere.
    /// - Parameters:
    ///   - lower: The map of its input.
    ///   - upper: The layer's map.
    ///   - size: The window's side, in sites of `lower`.
    /// - Returns: `upper.units × lower.units`, laid out as the layer's weights.
    public static func mask(from lower: Map, to upper: Map, size: Int) -> Matrix {
        var mask = Matrix(rows: upper.units, columns: lower.units)
        mask.withUnsafeMutableBufferPointer { m in
            for y in 0..<upper.height {
                guard let rows = window(y, upper: upper.height, lower: lower.height, size: size) else { continue }
                for x in 0..<upper.width {
                    guard let columns = window(x, upper: upper.width, lower: lower.width, size: size) else { continue }
                    for c in 0..<upper.channels {
                        let unit = (y * upper.width + x) * upper.channels + c
                        let base = unit * lower.units
                        for ly in rows {
                            for lx in columns {
                                let first = (ly * lower.width + lx) * lower.channels
                                for k in first..<(first + lower.channels) { m[base + k] = 1 }
                            }
                        }
                    }
                }
            }
        }
        return mask
    }

    /// The sites of a lower axis of `m` sites less than `size / 2` away from
    /// the point below site `u` of an upper axis of `n` sites.
    /// - Returns: The sites, or `nil` when there are none.
    static func window(_ u: Int, upper n: Int, lower m: Int, size: Int) -> ClosedRange<Int>? {
        let reach = Double(size) / 2
        let centre = (Double(u) + 0.5) * Double(m) / Double(n) - 0.5
        let lo = max(0, Int((centre - reach + 1e-9).rounded(.up)))
        let hi = min(m - 1, Int((centre + reach - 1e-9).rounded(.down)))
        return lo <= hi ? lo...hi : nil
    }

    /// Every layer's connectivity, in the layout of its weights.
    /// - Parameters:
    ///   - hiddenSizes: Units per hidden layer.
    ///   - imageWidth: Image width in pixels.
    ///   - imageHeight: Image height in pixels.
    /// - Returns: One mask per hidden layer.
    public func masks(hiddenSizes: [Int], imageWidth: Int, imageHeight: Int) -> [Matrix] {
        let maps = Self.maps(hiddenSizes: hiddenSizes, imageWidth: imageWidth, imageHeight: imageHeight)
        return (1..<maps.count).map { Self.mask(from: maps[$0 - 1], to: maps[$0], size: size(ofLayer: $0 - 1)) }
    }

    /// Zeroes the weights outside the windows and, for fan-in-scaled
    /// initialisations, rescales each unit's remaining weights and its bias
    /// as if its fan-in were its window's size (by √(inputs / connections);
    /// only ``WeightInitialization/pytorchDefault`` draws a non-zero bias).
    /// - Parameters:
    ///   - parameters: Freshly initialised parameters.
    ///   - mask: The layer's ``mask(from:to:size:)``.
    ///   - initialization: How `parameters` were drawn.
    public static func restrict(_ parameters: inout LayerParameters, to mask: Matrix, initialization: WeightInitialization) {
        precondition(mask.rows == parameters.outputSize && mask.columns == parameters.inputSize,
                     "mask of \(mask.rows)×\(mask.columns) for weights of \(parameters.outputSize)×\(parameters.inputSize)")
        let (inputs, outputs) = (parameters.inputSize, parameters.outputSize)
        let rescales = initialization != .normalFanOut
        mask.withUnsafeBufferPointer { m in
            parameters.weights.withUnsafeMutableBufferPointer { w in
                parameters.bias.withUnsafeMutableBufferPointer { b in
                    for r in 0..<outputs {
                        let row = r * inputs
                        var connections = 0
                        for k in row..<(row + inputs) where m[k] != 0 { connections += 1 }
                        let factor = rescales && connections > 0 ? (Float(inputs) / Float(connections)).squareRoot() : 1
                        for k in row..<(row + inputs) { w[k] = m[k] != 0 ? w[k] * factor : 0 }
                        b[r] *= factor
                    }
                }
            }
        }
    }
}
