/// Running mean and standard deviation (divisor n), by Welford's update.
struct RunningMoments {
    private(set) var count = 0
    private(set) var mean = 0.0
    private var squares = 0.0

    /// Adds one observation.
    mutating func add(_ x: Double) {
        count += 1
        let d = x - mean
        mean += d / Double(count)
        squares += d * (x - mean)
    }

    /// Standard deviation with divisor n (0 for fewer than 2 values).
    var std: Double { count < 2 ? 0 : (squares / Double(count)).squareRoot() }
}
