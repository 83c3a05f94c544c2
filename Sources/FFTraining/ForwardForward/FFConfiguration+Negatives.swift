/// The negative-label sampler a configuration names.
extension FFConfiguration {
    /// The negative-label sampler of ``negatives`` at ``negativeLabelTemperature``.
    /// Call ``checkNegativeLabelTemperature()`` first: a temperature that is not
    /// positive stops the program.
    public func makeNegativeSampler() -> any NegativeLabelSampler {
        negatives.make(temperature: negativeLabelTemperature)
    }

    /// Refuses a ``negativeLabelTemperature`` that is not a positive number, or one
    /// given with negatives that are not drawn from a softmax.
    /// - Throws: ``TrainingError/invalidConfiguration(_:)`` saying what to change.
    public func checkNegativeLabelTemperature() throws(TrainingError) {
        guard let t = negativeLabelTemperature else { return }
        guard t > 0 && t.isFinite else {
            throw .invalidConfiguration("the temperature of proportional negatives must be a positive number; got \(t)")
        }
        guard negatives == .proportional else {
            throw .invalidConfiguration(
                "the temperature of negative labels applies only to proportional negatives (a softmax over goodness); these are \(negatives.rawValue)")
        }
    }
}
