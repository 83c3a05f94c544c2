#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import FFDevice

/// Type-checks small client programs against the built FFDevice module:
/// reading the hidden instance must fail with an access-control
/// diagnostic, while the public API type-checks.
@Suite("Access control: the hidden instance is unreachable from other modules")
struct AccessControlTests {
    /// What the type checker needs: swiftc, the built modules, the C module maps.
    struct Toolchain {
        let swiftc: String
        let modules: String
        let flags: [String]
    }

    /// The toolchain, or `nil` when swiftc or the built module cannot be found.
    static let toolchain: Toolchain? = {
        guard let swiftc = findExecutable("swiftc"), let modules = findModules() else { return nil }
        let sources = Support.packageRoot + "/Sources"
        var flags = ["-I", modules]
        for shim in ["COpenBLAS", "CGSL"] {
            let map = "\(sources)/\(shim)/module.modulemap"
            if FileManager.default.fileExists(atPath: map) { flags += ["-Xcc", "-fmodule-map-file=\(map)"] }
        }
        // Header search paths of the system libraries (OpenBLAS keeps cblas.h in a subdirectory).
        if let pkgConfig = findExecutable("pkg-config"),
           let cflags = run(pkgConfig, ["--cflags", "openblas", "gsl"])?.output {
            for flag in cflags.split(whereSeparator: { $0 == " " || $0 == "\n" }) where flag.hasPrefix("-I") {
                flags += ["-Xcc", String(flag)]
            }
        } else {
            // Without pkg-config: Debian's and Ubuntu's OpenBLAS header directories.
            for arch in ["x86_64-linux-gnu", "aarch64-linux-gnu"] {
                for variant in ["openblas-pthread", "openblas-openmp", "openblas64-pthread"] {
                    let dir = "/usr/include/\(arch)/\(variant)"
                    if FileManager.default.fileExists(atPath: dir + "/cblas.h") { flags += ["-Xcc", "-I\(dir)"] }
                }
            }
        }
        return Toolchain(swiftc: swiftc, modules: modules, flags: flags)
    }()

    /// An executable on `$PATH`.
    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The directory holding `FFDevice.swiftmodule`: next to the running test
    /// binary (SwiftPM's `Modules/`), or under the package's `.build`.
    static func findModules() -> String? {
        var starts = [String]()
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append((exe as NSString).deletingLastPathComponent)
        }
        if let exe = Bundle.main.executablePath { starts.append((exe as NSString).deletingLastPathComponent) }
        starts.append(Support.packageRoot + "/.build/debug")
        for start in starts {
            for dir in [start + "/Modules", start] where
                FileManager.default.fileExists(atPath: dir + "/FFDevice.swiftmodule") {
                return dir
            }
        }
        return nil
    }

    /// Runs a program; `nil` when it cannot be started.
    static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Type-checks `source`; returns the exit status and diagnostics.
    static func typecheck(_ source: String, _ toolchain: Toolchain) throws -> (status: Int32, output: String) {
        let file = NSTemporaryDirectory() + "ffdevice-access-\(UUID().uuidString).swift"
        try source.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try #require(run(toolchain.swiftc, ["-typecheck", file] + toolchain.flags), "swiftc did not start")
    }

    static let prelude = """
        import FFDevice
        import FFNumerics
        import FFTraining
        let layer = AnalogLayer(inputSize: 2, outputSize: 2, activation: .relu, preset: .ideal, seed: 1)
        let oracle = layer.makeOracleModel()

        """

    /// Each line reads part of the hidden instance.
    static let hiddenReads = [
        "_ = layer.effective",
        "_ = layer.stuck.plus",
        "_ = layer.programmedPlus",
        "_ = layer.variation.gainPlus",
        "_ = layer.nuPlus",
        "_ = layer.transfer",
        "_ = layer.blackBox",
        "_ = layer.preset",
        "_ = layer.intended",
        "_ = oracle.layer",
    ]

    @Test("reading any hidden property from another module fails with an access-control error",
          .enabled(if: toolchain != nil, "swiftc or the built FFDevice module could not be located"))
    func hiddenPropertiesAreInaccessible() throws {
        let toolchain = try #require(Self.toolchain)
        let source = Self.prelude + Self.hiddenReads.joined(separator: "\n") + "\n"
        let result = try Self.typecheck(source, toolchain)
        #expect(result.status != 0)
        let firstLine = Self.prelude.split(separator: "\n", omittingEmptySubsequences: false).count
        for (offset, read) in Self.hiddenReads.enumerated() {
            let line = firstLine + offset
            let diagnostics = result.output.split(separator: "\n").filter { $0.contains(".swift:\(line):") && $0.contains("error:") }
            #expect(diagnostics.contains { $0.contains("inaccessible") || $0.contains("protection level") },
                    "line \(line) `\(read)`: \(diagnostics)")
        }
    }

    @Test("a client using only the public API type-checks",
          .enabled(if: toolchain != nil, "swiftc or the built FFDevice module could not be located"))
    func publicAPITypechecks() throws {
        let toolchain = try #require(Self.toolchain)
        let source = Self.prelude + """
            layer.program(LayerParameters(inputSize: 2, outputSize: 2))
            layer.update(by: LayerParameters(inputSize: 2, outputSize: 2))
            var y = Matrix(rows: 0, columns: 0)
            var z = Matrix(rows: 0, columns: 0)
            layer.forward(Matrix(rows: 1, columns: 2), into: &y)
            layer.transmit(y, into: &z)
            let nominal: NominalDeviceModel = layer.nominal
            let counts: DeviceOperationCounts = layer.counters
            layer.resetCounters()
            layer.advanceTime(to: 3600)
            layer.driftCompensation = .global
            let model: any DifferentiableLayerModel = oracle
            let preset = DevicePreset.ideal.withNoise(0.1).nominal
            let flat: [(key: String, value: String)] = preset.flattened()
            print(nominal.inputRange as Any, counts.analogMVMs, model, flat.count, layer.readTime)

            """
        let result = try Self.typecheck(source, toolchain)
        #expect(result.status == 0, "\(result.output)")
    }
}

@Suite("Reflection shows only the public face of a layer")
struct ReflectionTests {
    @Test("Mirror and dump list no hidden property")
    func mirror() throws {
        let preset = try Support.shipped("unknown-transfer")
        let layer = AnalogLayer(inputSize: 3, outputSize: 2, activation: .relu, preset: preset, seed: 1)
        let labels = Set(Mirror(reflecting: layer).children.compactMap(\.label))
        #expect(labels == ["inputSize", "outputSize", "activation", "nominal", "counters", "readTime", "driftCompensation"])
        #expect(Mirror(reflecting: layer.makeOracleModel()).children.isEmpty)
        var text = ""
        dump(layer, to: &text)
        #expect(!text.contains("effective") && !text.contains("saturation: Optional([") && !text.contains("programmed"))
    }
}
