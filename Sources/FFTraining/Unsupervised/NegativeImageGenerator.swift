import FFNumerics
import FFRandom

/// Makes negative images for unsupervised Forward-Forward from real ones.
///
/// Unsupervised FF has no labels to corrupt; its negative data must differ
/// from real data in the long-range correlations that make an image a digit,
/// while sharing its short-range statistics (Hinton 2022 §3.2).
public protocol NegativeImageGenerator: Sendable {
    /// Writes one negative image per row of `images`.
    /// - Parameters:
    ///   - images: `batch × pixels` real images.
    ///   - partners: `batch × pixels` other real images, row i paired with row i of `images`.
    ///   - result: Receives `batch × pixels` negative images.
    ///   - random: Source of randomness.
    func makeNegatives(from images: Matrix, partners: Matrix, into result: inout Matrix, random: GaussianStream)
}
