import FFNumerics

/// Writes a label into an image, one-hot in the first pixels (Hinton 2022 §3.3).
///
/// A positive example carries its true label, a negative one a wrong label,
/// and the neutral label (used for the readout) puts ``neutralValue`` in
/// every label pixel.
public struct LabelOverlay: Sendable, Codable, Equatable {
    /// Number of classes, and so of label pixels.
    public var classes: Int
    /// Value of the label's pixel.
    public var onValue: Float
    /// Value of the other label pixels.
    public var offValue: Float
    /// Value of every label pixel for the neutral label.
    public var neutralValue: Float

    /// Creates an overlay.
    /// - Parameters:
    ///   - classes: Number of classes.
    ///   - onValue: Value of the label pixel (1 by default).
    ///   - offValue: Value of the other label pixels.
    ///   - neutralValue: Value of each pixel of the neutral label (1/classes by default).
    public init(classes: Int = 10, onValue: Float = 1, offValue: Float = 0, neutralValue: Float? = nil) {
        self.classes = classes
        self.onValue = onValue
        self.offValue = offValue
        self.neutralValue = neutralValue ?? 1 / Float(classes)
    }

    /// Overwrites the label pixels of every row with its label.
    /// - Parameters:
    ///   - images: `batch × pixels` images, changed in place.
    ///   - labels: One label per row.
    public func apply(to images: inout Matrix, labels: [Int32]) {
        precondition(labels.count == images.rows, "one label per row")
        let (c, k, on, off) = (images.columns, classes, onValue, offValue)
        images.withUnsafeMutableBufferPointer { b in
            for i in 0..<labels.count {
                let base = i * c
                for j in 0..<k { b[base + j] = off }
                b[base + Int(labels[i])] = on
            }
        }
    }

    /// Overwrites the label pixels of every row with one fixed label.
    public func apply(to images: inout Matrix, label: Int) {
        apply(to: &images, labels: [Int32](repeating: Int32(label), count: images.rows))
    }

    /// Overwrites the label pixels of every row with the neutral label.
    public func applyNeutral(to images: inout Matrix) {
        let (r, c, k, v) = (images.rows, images.columns, classes, neutralValue)
        images.withUnsafeMutableBufferPointer { b in
            for i in 0..<r {
                for j in 0..<k { b[i * c + j] = v }
            }
        }
    }
}
