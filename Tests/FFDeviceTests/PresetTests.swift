import Foundation
import Testing
import FFNumerics
@testable import FFDevice

@Suite("Device presets: shipped files, encoding, noise levels and strict validation")
struct PresetTests {
    static let shippedNames = ["black-box", "generic", "ideal", "pcm", "rram", "unknown-transfer"]

    @Test("every shipped preset loads, validates, and is named after its file")
    func shippedPresetsLoad() throws {
        #expect(DevicePreset.availableNames(in: Support.modelsDirectory) == Self.shippedNames)
        for name in Self.shippedNames {
            let p = try Support.shipped(name)
            #expect(p.name == name)
            #expect(!p.description.isEmpty)
            try p.validate()
        }
        var ideal = try Support.shipped("ideal")
        ideal.description = DevicePreset.ideal.description
        #expect(ideal == .ideal)
        #expect(try Support.shipped("pcm").weights.noiseModel == .pcm)
        #expect(try Support.shipped("unknown-transfer").hasHiddenParts)
        #expect(try Support.shipped("black-box").hasHiddenParts)
        #expect(!(try Support.shipped("rram").hasHiddenParts))
    }

    @Test("presets are found through $FFANALOG_MODELS-style search and by path")
    func discovery() throws {
        #expect(DevicePreset.modelsDirectoryCandidates(explicit: Support.modelsDirectory).first
                == (Support.modelsDirectory as NSString).standardizingPath)
        let byPath = try DevicePreset.named(Support.modelsDirectory + "/pcm.json")
        #expect(byPath == (try Support.shipped("pcm")))
        #expect(throws: DevicePresetError.self) { try DevicePreset.named("no-such-device", directory: Support.modelsDirectory) }
        do {
            _ = try DevicePreset.named("no-such-device", directory: Support.modelsDirectory)
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.description.contains("pcm"))
        }
    }

    @Test("the resolved encoding lists every key, round-trips, and survives snake_case strategies")
    func encoding() throws {
        let p = try Support.shipped("rram")
        let data = try p.jsonData()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == Set(DevicePreset.keys))
        let dac = try #require(object["dac"] as? [String: Any])
        #expect(Set(dac.keys) == ["range", "bits", "noise"])
        #expect(try DevicePreset.decode(data) == p)
        // The project's result files use convertToSnakeCase / convertFromSnakeCase.
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try d.decode(DevicePreset.self, from: e.encode(p)) == p)
        // An empty object is the ideal preset under another name.
        let empty = try DevicePreset.decode(Data(#"{"name": "ideal", "description": "Exact: unbounded ranges, no quantization, no noise, nothing hidden."}"#.utf8))
        #expect(empty == .ideal)
    }

    @Test("flattened() gives one dotted key per setting, in a fixed order")
    func flattened() throws {
        let p = try Support.shipped("pcm")
        let flat = p.flattened()
        let keys = flat.map(\.key)
        #expect(keys.count == 2 + 3 + 4 + 3 + 2 + 4 + 5 + 2 + 8 + 6 + 8)
        #expect(Set(keys).count == keys.count)
        #expect(keys.prefix(3) == ["name", "description", "dac.range"])
        let lookup = Dictionary(uniqueKeysWithValues: flat.map { ($0.key, $0.value) })
        #expect(lookup["read_noise.weight"] == "0.0175")
        #expect(lookup["weights.bits"] == "none")
        #expect(lookup["drift.model"] == "pcm")
        #expect(lookup["drift.t0"] == "20.0")
        #expect(lookup["black_box.kind"] == "none")
        #expect(lookup["energy.dram_pj_per_byte"] == "243.75")
    }

    @Test("withNoise(σ) sets programming noise, output noise and device gain spread, nothing else")
    func withNoise() throws {
        let generic = try Support.shipped("generic")
        let noisy = generic.withNoise(0.03)
        #expect(noisy.weights.programmingNoise == 0.03 && noisy.weights.noiseModel == .absolute)
        #expect(noisy.readNoise.output == 0.03)
        #expect(noisy.variation.deviceGainSigma == 0.03)
        var back = noisy
        back.weights.programmingNoise = 0
        back.readNoise.output = 0
        back.variation.deviceGainSigma = 0
        #expect(back == generic)
        try noisy.validate()
        #expect(throws: DevicePresetError.self) { try generic.withNoise(-0.1).validate() }
    }

    @Test("nominal keeps the statistics and removes the hidden transfer and black box")
    func nominal() throws {
        let p = try Support.shipped("unknown-transfer")
        #expect(p.nominal.transfer == DevicePreset.TransferSettings())
        #expect(p.nominal.dac == p.dac && p.nominal.weights == p.weights && p.nominal.adc == p.adc)
        let b = try Support.shipped("black-box")
        #expect(b.nominal.blackBox.kind == .none)
        let layer = AnalogLayer(inputSize: 3, outputSize: 4, activation: .relu, preset: p, seed: 1)
        #expect(layer.nominal.device == p.nominal)
        #expect(layer.nominal.inputRange == 5 && layer.nominal.outputBits == 8 && layer.nominal.weightRange == 0.25)
        #expect(layer.nominal.activation == .relu && layer.nominal.inputSize == 3 && layer.nominal.outputSize == 4)
        let roundTrip = try JSONDecoder().decode(NominalDeviceModel.self, from: JSONEncoder().encode(layer.nominal))
        #expect(roundTrip == layer.nominal)
    }

    /// A bad preset, the error kind it must give and the key path it must name.
    struct BadCase: Sendable, CustomStringConvertible {
        let json: String
        let kind: DevicePresetError.Kind
        let keyPath: String
        var description: String { keyPath.isEmpty ? "\(kind)" : keyPath }
    }

    static let badCases: [BadCase] = [
        BadCase(json: #"{"name": "x", "dacc": {}}"#, kind: .unknownKey, keyPath: "dacc"),
        BadCase(json: #"{"read_noise": {"ouput": 0.1}}"#, kind: .unknownKey, keyPath: "read_noise.ouput"),
        BadCase(json: #"{"transfer": {"saturation": 2, "gain": 1}}"#, kind: .unknownKey, keyPath: "transfer.gain"),
        BadCase(json: #"{"adc": {"range": 4}, "read_noise": {"output": -0.1}}"#, kind: .invalidValue, keyPath: "read_noise.output"),
        BadCase(json: #"{"weights": {"max_weight": 1, "programming_noise": -0.01}}"#, kind: .invalidValue, keyPath: "weights.programming_noise"),
        BadCase(json: #"{"dac": {"range": 1, "bits": 0}}"#, kind: .invalidValue, keyPath: "dac.bits"),
        BadCase(json: #"{"weights": {"max_weight": 1, "bits": 0}}"#, kind: .invalidValue, keyPath: "weights.bits"),
        BadCase(json: #"{"adc": {"range": 0}}"#, kind: .invalidValue, keyPath: "adc.range"),
        BadCase(json: #"{"dac": {"range": -2}}"#, kind: .invalidValue, keyPath: "dac.range"),
        BadCase(json: #"{"weights": {"max_weight": -0.5}}"#, kind: .invalidValue, keyPath: "weights.max_weight"),
        BadCase(json: #"{"weights": {"max_weight": 1}, "stuck": {"at_zero": 1.5}}"#, kind: .invalidValue, keyPath: "stuck.at_zero"),
        BadCase(json: #"{"weights": {"max_weight": 1}, "stuck": {"at_zero": 0.6, "at_max": 0.6}}"#, kind: .invalidValue, keyPath: "stuck"),
        BadCase(json: #"{"dac": {"range": 1, "noise": 1e999}}"#, kind: .invalidValue, keyPath: "dac.noise"),
        BadCase(json: #"{"black_box": {"kind": "mixer"}}"#, kind: .invalidValue, keyPath: "black_box.kind"),
        BadCase(json: #"{"drift": {"model": "linear"}}"#, kind: .invalidValue, keyPath: "drift.model"),
        BadCase(json: #"{"dac": {"range": 1, "bits": "eight"}}"#, kind: .wrongType, keyPath: "dac.bits"),
        BadCase(json: #"{"dac": {"range": 1, "bits": 7.5}}"#, kind: .wrongType, keyPath: "dac.bits"),
        BadCase(json: #"{"dac": {"bits": 8}}"#, kind: .invalidValue, keyPath: "dac.bits"),
        BadCase(json: #"{"weights": {"max_weight": 1}, "drift": {"model": "pcm", "nu_mean": 0.05}}"#, kind: .invalidValue, keyPath: "drift.nu_mean"),
        BadCase(json: #"{"transfer": {"slope_error": -1}}"#, kind: .invalidValue, keyPath: "transfer.slope_error"),
        BadCase(json: #"{"dac": 5}"#, kind: .wrongType, keyPath: "dac"),
        BadCase(json: #"{"name": "x", "#, kind: .malformedJSON, keyPath: ""),
        BadCase(json: #"{"energy": {"analog_mac_pj": -0.1}}"#, kind: .invalidValue, keyPath: "energy.analog_mac_pj"),
        BadCase(json: #"{"energy": {"dram_pj_per_byte": 1e999}}"#, kind: .invalidValue, keyPath: "energy.dram_pj_per_byte"),
        BadCase(json: #"{"energy": {"adc_pj_per_bit": 0.01}}"#, kind: .unknownKey, keyPath: "energy.adc_pj_per_bit"),
        BadCase(json: #"{"energy": {"sram_pj_per_byte": "1.25"}}"#, kind: .wrongType, keyPath: "energy.sram_pj_per_byte"),
    ]

    @Test("each bad preset gives the right error naming the key, the file and a fix, on one line",
          arguments: badCases)
    func badPresets(_ bad: BadCase) throws {
        let path = NSTemporaryDirectory() + "ffdevice-bad-\(UUID().uuidString).json"
        try Data(bad.json.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try DevicePreset.load(path: path)
            Issue.record("\(bad.json) loaded without error")
        } catch {
            #expect(error.kind == bad.kind, "\(error)")
            #expect(error.keyPath == bad.keyPath, "\(error)")
            #expect(error.file == path)
            let text = error.description
            #expect(text.hasPrefix(path + ":"))
            if !bad.keyPath.isEmpty { #expect(text.contains(" \(bad.keyPath):")) }
            #expect(!text.contains("\n"))
            #expect(text.contains("; "))
        }
    }

    @Test("every shipped preset states the sourced energy costs; an absent energy section takes them as defaults")
    func energySection() throws {
        for name in Self.shippedNames {
            let text = try String(contentsOfFile: Support.modelsDirectory + "/\(name).json", encoding: .utf8)
            #expect(text.contains(#""energy": {"#), "\(name) lists its energy section explicitly")
            #expect(try Support.shipped(name).energy == DevicePreset.EnergySettings(), "\(name)")
        }
        let old = try DevicePreset.decode(Data(#"{"name": "old", "dac": {"range": 5, "bits": 8}}"#.utf8))
        #expect(old.energy == DevicePreset.EnergySettings())
        #expect(old.energy.analogMACPJ == 0.151 && old.energy.dramPJPerByte == 243.75)
        let partial = try DevicePreset.decode(Data(#"{"energy": {"programming_pulse_pj": 20}}"#.utf8))
        #expect(partial.energy.programmingPulsePJ == 20 && partial.energy.digitalMACFP32PJ == 4.6)
        do {
            _ = try DevicePreset.decode(Data(#"{"energy": {"programming_pulse_pj": -2}}"#.utf8), file: "x.json")
            Issue.record("a negative energy loaded")
        } catch {
            #expect(error.description.hasPrefix("x.json: energy.programming_pulse_pj: energy -2.0 pJ is negative; "))
            #expect(error.description.contains("picojoules"))
        }
    }

    @Test("presets built in code are validated too: non-finite numbers and bad fractions")
    func validationInCode() {
        func keyPath(_ p: DevicePreset) -> String? {
            do { try p.validate(); return nil } catch { return error.keyPath }
        }
        #expect(keyPath(Support.preset { $0.dac = .init(range: 1, noise: .nan) }) == "dac.noise")
        #expect(keyPath(Support.preset { $0.adc.range = .infinity }) == "adc.range")
        #expect(keyPath(Support.preset { $0.drift.t0 = 0 }) == "drift.t0")
        #expect(keyPath(Support.preset { $0.weights.maxWeight = 1; $0.stuck.atMax = -0.1 }) == "stuck.at_max")
        #expect(keyPath(Support.preset { $0.readNoise.weight = -0.1 }) == "read_noise.weight")
        #expect(keyPath(DevicePreset.ideal.withNoise(0.05)) == nil)
        #expect(keyPath(Support.preset { $0.name = "" }) == "name")
        #expect(keyPath(DevicePreset.ideal) == nil)
        #expect(keyPath(Support.preset { $0.energy.sramPJPerByte = -1 }) == "energy.sram_pj_per_byte")
        #expect(keyPath(Support.preset { $0.energy.analogMACPJ = .infinity }) == "energy.analog_mac_pj")
        #expect(throws: DevicePresetError.self) { try DevicePreset.load(path: "/nonexistent/preset.json") }
    }
}
