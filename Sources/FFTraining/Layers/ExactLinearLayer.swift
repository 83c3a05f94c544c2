/// An executor whose forward pass is exactly `f(x · Wᵀ + b)` of the
/// parameters the trainer wrote, in Float arithmetic: exact digital math.
///
/// Only on such a layer may a trainer use the algebra of its own parameter
/// record to skip work, for instance sharing the first layer's image product
/// between label overlays (``SharedFirstLayer``). Simulated devices do not
/// conform: their forward pass is a measurement, not a formula.
public protocol ExactLinearLayer: LayerExecutor {}

extension DigitalLayer: ExactLinearLayer {}
