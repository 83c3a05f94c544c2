import FFDevice
import FFNumerics
import FFRandom
import FFTraining

/// Shared steps of the backprop methods.
enum BackpropSteps {
    /// Trains `network`, timing it and counting the device's operations and the digital work of backprop.
    static func train(_ network: BPNetwork, _ context: MethodContext, progress: ProgressHandler) throws
        -> (history: [EpochRecord], seconds: Double, counts: DeviceOperationCounts) {
        // The device's initial programming counts as training, as it does for FF in situ.
        let start = WallClock.seconds()
        let history = try BPTrainer(network: network, seed: context.seed).fit(train: context.train, test: nil, progress: progress)
        var counts = DigitalWork.withActivationTraffic(DeviceSpec.counts(network.executors))
        counts += digitalWork(network, examples: context.train.count, epochs: context.bp.epochs,
                              forwardIsAnalog: network.executors.first is AnalogLayer)
        return (history, WallClock.seconds() - start, counts)
    }

    /// Digital work of training on `examples` examples for `epochs` epochs
    /// (``DigitalWork/backpropTraining(_:samples:steps:forwardIsAnalog:)``).
    static func digitalWork(_ network: BPNetwork, examples: Int, epochs: Int, forwardIsAnalog: Bool) -> DeviceOperationCounts {
        DigitalWork.backpropTraining(
            network, samples: examples * epochs,
            steps: DigitalWork.steps(examples: examples, batchSize: network.configuration.batchSize, epochs: epochs),
            forwardIsAnalog: forwardIsAnalog)
    }

    /// Evaluates on the network's executors, with counts per test example:
    /// the device's operations, or for a digital network its MACs, activations and weight reads.
    static func evaluate(_ network: BPNetwork, _ context: MethodContext) -> (accuracy: Double, perSample: DeviceOperationCounts) {
        DeviceSpec.resetCounts(network.executors)
        let accuracy = context.test.accuracy(of: network.predict(context.test.images))
        var counts = DigitalWork.withActivationTraffic(DeviceSpec.counts(network.executors))
        if !(network.executors.first is AnalogLayer) {
            counts += DigitalWork.digitalInference(network.parameters, examples: context.test.count,
                                                   batchSize: context.bp.batchSize)
        }
        return (accuracy, counts.perSample(context.test.count))
    }

    /// A backprop network whose layers run on the context's device.
    static func onDevice(_ context: MethodContext, parameters: [LayerParameters]? = nil) -> BPNetwork {
        let network = BPNetwork(configuration: context.bp, inputSize: context.train.images.columns,
                                random: RandomGenerator(seed: context.seed)) { index, inputs, outputs, activation in
            context.device.makeLayer(index: index, inputSize: inputs, outputSize: outputs, activation: activation)
        }
        if let parameters {
            // Deployment is one full write of the trained parameters; the
            // initial write of random weights does not happen on real hardware.
            DeviceSpec.resetCounts(network.executors)
            network.deploy(parameters)
        }
        return network
    }

    static func digital(_ context: MethodContext) -> BPNetwork {
        BPNetwork(configuration: context.bp, inputSize: context.train.images.columns, random: RandomGenerator(seed: context.seed))
    }

    static func outcome(_ trained: (history: [EpochRecord], seconds: Double, counts: DeviceOperationCounts),
                        _ evaluation: (accuracy: Double, perSample: DeviceOperationCounts),
                        deployed network: BPNetwork, _ context: MethodContext, canRecalibrate: Bool) -> MethodOutcome {
        MethodOutcome(testAccuracy: evaluation.accuracy, testAccuracyReadout: nil, trainingCounts: trained.counts,
                      inferenceCountsPerSample: evaluation.perSample, trainSeconds: trained.seconds, history: trained.history,
                      deployed: DeployedBP(network: network, seed: context.seed, canRecalibrate: canRecalibrate))
    }
}

/// Backprop on exact digital math, evaluated digitally (the ceiling).
public struct BackpropIdeal: TrainingMethod {
    public init() {}
    public var name: MethodName { .bpIdeal }
    public func run(_ context: MethodContext, progress: ProgressHandler) throws -> MethodOutcome {
        let network = BackpropSteps.digital(context)
        let trained = try BackpropSteps.train(network, context, progress: progress)
        return BackpropSteps.outcome(trained, BackpropSteps.evaluate(network, context),
                                     deployed: network, context, canRecalibrate: false)
    }
}

/// Backprop on the nominal (exact digital) model, then programmed onto the
/// device once and evaluated there.
public struct BackpropOffline: TrainingMethod {
    public init() {}
    public var name: MethodName { .bpOffline }
    public func run(_ context: MethodContext, progress: ProgressHandler) throws -> MethodOutcome {
        let network = BackpropSteps.digital(context)
        var trained = try BackpropSteps.train(network, context, progress: progress)
        let deployed = BackpropSteps.onDevice(context, parameters: network.parameters)
        trained.counts = trained.counts + DeviceSpec.counts(deployed.executors)
        return BackpropSteps.outcome(trained, BackpropSteps.evaluate(deployed, context),
                                     deployed: deployed, context, canRecalibrate: false)
    }
}

/// Hardware-aware backprop: trained through a simulated device drawn from the
/// nominal preset (its noise statistics, none of the hidden deviations, with
/// programming noise redrawn at every update), then deployed on the real device.
public struct BackpropHardwareAware: TrainingMethod {
    public init() {}
    public var name: MethodName { .bpHWA }
    public func run(_ context: MethodContext, progress: ProgressHandler) throws -> MethodOutcome {
        var nominal = context
        nominal.device = DeviceSpec(preset: context.device.preset.nominal, instanceSeed: SplitMix64.mix(context.seed ^ 0x4A11))
        let network = BackpropSteps.onDevice(nominal)
        var trained = try BackpropSteps.train(network, nominal, progress: progress)
        // Training ran on a simulation on a digital computer, not on the device.
        trained.counts = BackpropSteps.digitalWork(network, examples: context.train.count, epochs: context.bp.epochs,
                                                   forwardIsAnalog: false)
        let deployed = BackpropSteps.onDevice(context, parameters: network.parameters)
        trained.counts = trained.counts + DeviceSpec.counts(deployed.executors)
        return BackpropSteps.outcome(trained, BackpropSteps.evaluate(deployed, context),
                                     deployed: deployed, context, canRecalibrate: false)
    }
}

/// Physics-aware (hardware-in-the-loop) training, Wright et al. 2022: the
/// forward pass runs on the device, the backward pass through the nominal
/// model at the measured activations.
public struct BackpropPhysicsAware: TrainingMethod {
    public init() {}
    public var name: MethodName { .bpPAT }
    public func run(_ context: MethodContext, progress: ProgressHandler) throws -> MethodOutcome {
        let network = BackpropSteps.onDevice(context)
        let trained = try BackpropSteps.train(network, context, progress: progress)
        return BackpropSteps.outcome(trained, BackpropSteps.evaluate(network, context),
                                     deployed: network, context, canRecalibrate: true)
    }
}

/// Backprop with the exact hidden instance model: forward on the device,
/// backward through the oracle. What "backprop needs the exact model" buys.
public struct BackpropOracle: TrainingMethod {
    public init() {}
    public var name: MethodName { .bpOracle }
    public func run(_ context: MethodContext, progress: ProgressHandler) throws -> MethodOutcome {
        let network = BackpropSteps.onDevice(context)
        network.models = network.executors.map { ($0 as! AnalogLayer).makeOracleModel() }
        let trained = try BackpropSteps.train(network, context, progress: progress)
        // Its oracle describes the instance as trained; after drift it no longer
        // holds, so it does not recalibrate.
        return BackpropSteps.outcome(trained, BackpropSteps.evaluate(network, context),
                                     deployed: network, context, canRecalibrate: false)
    }
}
