import FFRandom

/// Devices stuck at conductance 0 or g_max, at positions drawn once per
/// instance (independently for every device of both polarities). A stuck
/// device ignores programming and does not drift.
struct StuckDevices: Sendable {
    /// A device's condition.
    enum State: UInt8 {
        case free = 0
        case atZero = 1
        case atMax = 2
    }

    /// State of each positive device (row-major over outputs × (inputs + 1)); empty when none can stick.
    let plus: [UInt8]
    /// State of each negative device; empty when none can stick.
    let minus: [UInt8]

    /// Draws the stuck positions.
    /// - Parameters:
    ///   - settings: The preset's stuck section.
    ///   - devices: Devices per polarity.
    ///   - random: Source of the draws.
    init(_ settings: DevicePreset.StuckSettings, devices: Int, random: RandomGenerator) {
        guard settings.atZero > 0 || settings.atMax > 0 else {
            plus = []
            minus = []
            return
        }
        let zero = Double(settings.atZero), either = Double(settings.atZero + settings.atMax)
        func draw() -> [UInt8] {
            (0..<devices).map { _ in
                let u = random.uniform()
                return u < zero ? State.atZero.rawValue : (u < either ? State.atMax.rawValue : State.free.rawValue)
            }
        }
        plus = draw()
        minus = draw()
    }

    /// Whether any device can be stuck.
    var isEmpty: Bool { plus.isEmpty }

    /// The conductance of a stuck device, or `nil` when it is free.
    @inline(__always) static func value(_ state: UInt8) -> Float? {
        switch state {
        case State.atZero.rawValue: return 0
        case State.atMax.rawValue: return 1
        default: return nil
        }
    }
}
