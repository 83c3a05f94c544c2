#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FFNumerics
import FFRandom
import FFTraining

extension AnalogLayer {
    /// Programs every device for the given weights and bias (a full write:
    /// every device counts as one programming event, each gets a fresh
    /// programming-noise draw). Resets the read time to 0.
    /// - Parameter parameters: The intended weights and bias.
    public func program(_ parameters: LayerParameters) {
        precondition(parameters.inputSize == inputSize && parameters.outputSize == outputSize,
                     "program: shape \(parameters.outputSize)×\(parameters.inputSize) differs from the layer's \(outputSize)×\(inputSize)")
        setIntended(parameters.weights, bias: parameters.bias, adding: false)
        counters.programmingEvents += writeDevices(previous: nil)
        readTime = 0
        oneOverFEpoch &+= 1
        refreshEffectiveWeights(newBaseline: true)
    }

    /// Adds `delta` to the intended weights and bias and rewrites every
    /// device whose target conductance changed (after clipping and
    /// quantization); each rewrite is one programming event with a fresh
    /// noise draw, the other devices keep their conductance. Resets the read
    /// time to 0 (in-situ training reads right after writing).
    /// - Parameter delta: The intended change of weights and bias.
    public func update(by delta: LayerParameters) {
        precondition(delta.inputSize == inputSize && delta.outputSize == outputSize, "update: shape differs from the layer's")
        let previous = intended
        setIntended(delta.weights, bias: delta.bias, adding: true)
        counters.programmingEvents += writeDevices(previous: previous)
        readTime = 0
        oneOverFEpoch &+= 1
        refreshEffectiveWeights(newBaseline: true)
    }

    /// Writes (or adds) weights and bias into the `outputSize × (inputSize + 1)` intended matrix.
    func setIntended(_ weights: Matrix, bias: [Float], adding: Bool) {
        let n = inputSize, n1 = inputSize + 1
        weights.withUnsafeBufferPointer { w in
            intended.withUnsafeMutableBufferPointer { t in
                for i in 0..<outputSize {
                    for j in 0..<n {
                        t[i * n1 + j] = adding ? t[i * n1 + j] + w[i * n + j] : w[i * n + j]
                    }
                    t[i * n1 + n] = adding ? t[i * n1 + n] + bias[i] : bias[i]
                }
            }
        }
    }

    /// Writes the devices whose target changed from `previous` (all of them when `nil`):
    /// a free device gets its target plus programming noise, its drift exponent
    /// and its 1/f amplitude Q_s; a stuck device keeps its value.
    /// - Returns: The number of device writes.
    func writeDevices(previous: Matrix?) -> Int {
        let count = outputSize * (inputSize + 1)
        let programming = self.programming, drift = self.drift
        let noisy = programming.isNoisy, stream = programmingStream
        let stuckPlus = stuck.plus, stuckMinus = stuck.minus, hasStuck = !stuckPlus.isEmpty
        let hasNu = nuPlus.count == count, hasQs = qsPlus.count == count
        var events = 0
        // Local arrays (moved out of the object) keep exclusivity checks out of the loop.
        var gp = programmedPlus, gm = programmedMinus, np = nuPlus, nm = nuMinus, qp = qsPlus, qm = qsMinus
        programmedPlus = []; programmedMinus = []; nuPlus = []; nuMinus = []; qsPlus = []; qsMinus = []
        defer {
            programmedPlus = gp; programmedMinus = gm; nuPlus = np; nuMinus = nm; qsPlus = qp; qsMinus = qm
        }
        // One device: its stuck value, or the target plus programming noise; its ν and Q_s.
        @inline(__always) func write(_ target: Float, _ state: UInt8, _ xi: Float, _ d: Int,
                                     _ g: inout [Float], _ nu: inout [Float], _ qs: inout [Float]) {
            if state != 0, let v = StuckDevices.value(state) {
                g[d] = v
                if hasNu { nu[d] = 0 }
                if hasQs { qs[d] = 0 }
                return
            }
            let value = programming.write(target: target, xi: noisy ? stream.next() : 0)
            g[d] = value
            if hasNu { nu[d] = drift.nu(target: target, xi: xi) }
            if hasQs { qs[d] = ReadNoise.tabulatedQs(value) }
        }
        intended.withUnsafeBufferPointer { w in
            for d in 0..<count {
                let (tp, tm) = programming.targets(w[d])
                var writePlus = true, writeMinus = true
                if let previous {
                    let (op, om) = programming.targets(previous.storage[d])
                    writePlus = op != tp
                    writeMinus = om != tm
                }
                if writePlus {
                    events += 1
                    write(tp, hasStuck ? stuckPlus[d] : 0, hasNu ? drift.xiPlus[d] : 0, d, &gp, &np, &qp)
                }
                if writeMinus {
                    events += 1
                    write(tm, hasStuck ? stuckMinus[d] : 0, hasNu ? drift.xiMinus[d] : 0, d, &gm, &nm, &qm)
                }
            }
        }
        return events
    }

    /// Recomputes the effective weights from the programmed conductances:
    /// drift and 1/f noise at the current read time, device gains, column
    /// gains, and the global drift compensation; then the output shifts.
    /// - Parameter newBaseline: Take the current reference read as the
    ///   compensation baseline (right after a write).
    func refreshEffectiveWeights(newBaseline: Bool) {
        let m = outputSize, n1 = inputSize + 1, count = m * n1
        let logRatio = drift.logTimeRatio(readTime: readTime)
        let oneOverF = readNoise.oneOverFFactor(time: readTime + drift.t0)
        let noise = oneOverF > 0 ? GaussianStream(seed: SplitMix64.mix(oneOverFSeed &+ oneOverFEpoch)) : nil
        let scale = programming.scale
        let keep = tracksSensitivity
        // Local references: no exclusivity checks on class properties in the loop.
        var keptPlus = keep ? sensitivityPlus : [], keptMinus = keep ? sensitivityMinus : []
        sensitivityPlus = []
        sensitivityMinus = []
        if keep && keptPlus.count != count {
            keptPlus = [Float](repeating: 0, count: count)
            keptMinus = [Float](repeating: 0, count: count)
        }
        let gp = programmedPlus, gm = programmedMinus, nuP = nuPlus, nuM = nuMinus, qsP = qsPlus, qsM = qsMinus
        let hasNu = nuP.count == count
        let v = variation, stuckPlus = stuck.plus, stuckMinus = stuck.minus
        let hasStuck = !stuckPlus.isEmpty, hasGain = !v.gainPlus.isEmpty
        // The 1/f draws of this read time: one normal per device, positive devices first.
        var xi = [Float]()
        if let noise {
            xi = [Float](repeating: 0, count: 2 * count)
            xi.withUnsafeMutableBufferPointer { noise.fill($0, sigma: oneOverF) }
        }
        // The read factor of one device: drift, 1/f (multiplicative, clipped at 0), gain.
        @inline(__always) func factor(_ nu: Float, _ qs: Float, _ xi: Float, _ gain: Float) -> Float {
            var f: Float = 1
            if logRatio > 0 && nu > 0 { f = expf(-nu * logRatio) }
            if oneOverF > 0 { f *= Swift.max(1 + qs * xi, 0) }
            return f * gain
        }
        var readout = 0.0
        effective.withUnsafeMutableBufferPointer { e in
            for i in 0..<m {
                let columnGain = v.columnGain.isEmpty ? 1 : v.columnGain[i]
                var rowSum: Float = 0
                for j in 0..<n1 {
                    let d = i * n1 + j
                    let freePlus = !hasStuck || stuckPlus[d] == 0
                    let freeMinus = !hasStuck || stuckMinus[d] == 0
                    let gainPlus: Float = hasGain ? v.gainPlus[d] : 1
                    let gainMinus: Float = hasGain ? v.gainMinus[d] : 1
                    // Stuck devices neither drift nor fluctuate; they keep their gain.
                    let fp = freePlus
                        ? factor(hasNu ? nuP[d] : 0, oneOverF > 0 ? qsP[d] : 0, oneOverF > 0 ? xi[d] : 0, gainPlus)
                        : gainPlus
                    let fm = freeMinus
                        ? factor(hasNu ? nuM[d] : 0, oneOverF > 0 ? qsM[d] : 0, oneOverF > 0 ? xi[count + d] : 0, gainMinus)
                        : gainMinus
                    let w = (gp[d] * fp - gm[d] * fm) * scale * columnGain
                    e[d] = w
                    rowSum += w
                    if keep {
                        keptPlus[d] = freePlus ? fp : 0
                        keptMinus[d] = freeMinus ? fm : 0
                    }
                }
                readout += Double(abs(rowSum))
            }
        }
        sensitivityPlus = keptPlus
        sensitivityMinus = keptMinus
        // Global drift compensation (aihwkit GlobalDriftCompensation): probe = all ones.
        if newBaseline { baselineReadout = readout }
        compensationFactor = 1
        if driftCompensation == .global, readout > 0, baselineReadout > 0, !newBaseline {
            compensationFactor = Float(baselineReadout / readout)
            if compensationFactor != 1 { effective.scale(by: compensationFactor) }
        }
        let n = inputSize
        effective.withUnsafeBufferPointer { e in
            for i in 0..<m {
                outputShift[i] = e[i * n1 + n] + (v.columnOffset.isEmpty ? 0 : v.columnOffset[i])
            }
        }
        if readNoise.weight > 0 && readNoise.weightModel == .pcmRead {
            absoluteEffective = effective
            absoluteEffective.withUnsafeMutableBufferPointer { b in
                for i in b.indices { b[i] = abs(b[i]) }
            }
        }
    }
}
