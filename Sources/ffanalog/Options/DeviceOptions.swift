import ArgumentParser
import Foundation
import FFAnalog

/// Which simulated device: a preset name or file, optionally with `--noise`.
struct DeviceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Device preset: a name in models/ (ideal, generic, pcm, rram, unknown-transfer, black-box) or a JSON file.",
        discussion: "Default: generic with --noise, otherwise generic as shipped."))
    var device: String?

    @Option(name: .long, help: "Set every relative noise of the generic preset at once (see models/README.md).")
    var noise: Float?

    @Option(name: .long, help: "Directory of device presets (default: $FFANALOG_MODELS, else models/ here or beside the executable's package).")
    var modelsDir: String?

    func validate() throws {
        if let noise, !(noise >= 0) || !noise.isFinite {
            throw ValidationError("--noise must be a finite number ≥ 0, got \(noise)")
        }
    }

    /// Loads and resolves the preset.
    func resolve() throws -> DevicePreset {
        let spec = device ?? "generic"
        let preset: DevicePreset
        if spec.hasSuffix(".json") || spec.contains("/") {
            preset = try DevicePreset.load(path: spec)
        } else {
            preset = try DevicePreset.named(spec, directory: modelsDir)
        }
        guard let noise else { return preset }
        guard preset.name == "generic" else {
            throw ValidationError("--noise applies to the generic preset only; drop --noise or use --device generic (got \(preset.name))")
        }
        return preset.withNoise(noise)
    }
}
