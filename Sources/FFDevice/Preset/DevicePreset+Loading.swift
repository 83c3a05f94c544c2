import Foundation

extension DevicePreset {
    /// The environment variable that names the presets directory.
    public static let modelsEnvironmentVariable = "FFANALOG_MODELS"

    /// Loads and validates a preset file.
    /// - Parameter path: A JSON preset file.
    /// - Returns: The preset, every absent key at its default.
    /// - Throws: ``DevicePresetError`` naming the file and the offending key.
    public static func load(path: String) throws(DevicePresetError) -> DevicePreset {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DevicePresetError(.unreadableFile, file: path, keyPath: "", problem: "the file cannot be read",
                                    fix: "check the path (presets live in models/<name>.json)")
        }
        return try decode(data, file: path)
    }

    /// Decodes and validates a preset from JSON.
    /// - Parameters:
    ///   - data: The JSON text.
    ///   - file: Where it came from, for error messages.
    /// - Throws: ``DevicePresetError``.
    public static func decode(_ data: Data, file: String? = nil) throws(DevicePresetError) -> DevicePreset {
        do {
            return try JSONDecoder().decode(DevicePreset.self, from: data)
        } catch let error as DevicePresetError {
            var e = error
            e.file = file
            throw e
        } catch let error as DecodingError {
            throw presetError(error, file: file)
        } catch {
            throw DevicePresetError(.malformedJSON, file: file, keyPath: "", problem: "\(error)", fix: "fix the JSON syntax")
        }
    }

    /// Loads the preset called `name` (`models/<name>.json`).
    ///
    /// A `name` that ends in `.json` or contains a `/` is taken as a path.
    /// - Parameters:
    ///   - name: Preset name, e.g. `"pcm"`.
    ///   - directory: The presets directory; `nil` searches ``modelsDirectoryCandidates(explicit:)``.
    /// - Throws: ``DevicePresetError`` (``DevicePresetError/Kind/notFound`` when no directory has it).
    public static func named(_ name: String, directory: String? = nil) throws(DevicePresetError) -> DevicePreset {
        if name.hasSuffix(".json") || name.contains("/") { return try load(path: name) }
        let candidates = directory.map { [$0] } ?? modelsDirectoryCandidates()
        for dir in candidates {
            let path = (dir as NSString).appendingPathComponent("\(name).json")
            if FileManager.default.fileExists(atPath: path) { return try load(path: path) }
        }
        let known = candidates.flatMap { availableNames(in: $0) }
        let list = Array(Set(known)).sorted().joined(separator: ", ")
        throw DevicePresetError(
            .notFound, keyPath: "",
            problem: candidates.isEmpty
                ? "no preset named '\(name)': no presets directory found ($\(modelsEnvironmentVariable), ./models, or models/ beside a Package.swift above the current directory or the executable)"
                : "no preset named '\(name)' in \(candidates.joined(separator: ", "))",
            fix: known.isEmpty
                ? "pass a preset file (--device path/to/models/\(name).json) or set $\(modelsEnvironmentVariable) to the presets directory"
                : "use one of: \(list); or pass the models directory (or set $\(modelsEnvironmentVariable))")
    }

    /// The preset names (file names without `.json`) in a directory, sorted.
    /// - Parameter directory: A presets directory.
    public static func availableNames(in directory: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Where presets are looked for, in order: `explicit`, then
    /// `$FFANALOG_MODELS`, then `models/` in the current directory and in
    /// every enclosing package root (a directory with `Package.swift`) of the
    /// current directory and of the running executable. Only existing
    /// directories are listed.
    /// - Parameter explicit: A directory given on the command line, if any.
    public static func modelsDirectoryCandidates(explicit: String? = nil) -> [String] {
        var out = [String]()
        func add(_ path: String) {
            var isDirectory: ObjCBool = false
            let standard = (path as NSString).standardizingPath
            if FileManager.default.fileExists(atPath: standard, isDirectory: &isDirectory), isDirectory.boolValue,
               !out.contains(standard) {
                out.append(standard)
            }
        }
        if let explicit { add(explicit) }
        if let env = ProcessInfo.processInfo.environment[modelsEnvironmentVariable], !env.isEmpty { add(env) }
        let cwd = FileManager.default.currentDirectoryPath
        add((cwd as NSString).appendingPathComponent("models"))
        var starts = [cwd]
        if let exe = Bundle.main.executablePath { starts.append((exe as NSString).deletingLastPathComponent) }
        for start in starts {
            var dir = (start as NSString).standardizingPath
            while dir != "/" && !dir.isEmpty {
                if FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("Package.swift")) {
                    add((dir as NSString).appendingPathComponent("models"))
                }
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        return out
    }

    /// The first of ``modelsDirectoryCandidates(explicit:)``, if any.
    /// - Parameter explicit: A directory given on the command line, if any.
    public static func modelsDirectory(explicit: String? = nil) -> String? {
        modelsDirectoryCandidates(explicit: explicit).first
    }

    /// Translates a `DecodingError` into a one-line preset error.
    static func presetError(_ error: DecodingError, file: String?) -> DevicePresetError {
        func describe(_ type: Any.Type) -> (String, String) {
            switch type {
            case is Float.Type, is Double.Type, is Float?.Type, is Double?.Type: return ("a number", "write a number such as 0.05")
            case is Int.Type, is Int?.Type: return ("an integer", "write a whole number such as 8")
            case is String.Type: return ("a string", "write a quoted string")
            default: return ("an object", "write a JSON object { ... }")
            }
        }
        switch error {
        case .typeMismatch(let type, let context):
            let (what, fix) = describe(type)
            return DevicePresetError(.wrongType, file: file, keyPath: keyPath(context.codingPath),
                                     problem: "expected \(what)", fix: fix)
        case .valueNotFound(let type, let context):
            let (what, _) = describe(type)
            return DevicePresetError(.wrongType, file: file, keyPath: keyPath(context.codingPath),
                                     problem: "null is not allowed here (expected \(what))",
                                     fix: "give a value, or remove the key to use the default")
        case .keyNotFound(let key, let context):
            return DevicePresetError(.invalidValue, file: file, keyPath: keyPath(context.codingPath + [key]),
                                     problem: "missing key", fix: "add it")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError.map { "\($0)" } ?? context.debugDescription)
                    .replacingOccurrences(of: "\n", with: " ")
                return DevicePresetError(.malformedJSON, file: file, keyPath: "",
                                         problem: "not valid JSON (\(detail))", fix: "fix the JSON syntax")
            }
            return DevicePresetError(.invalidValue, file: file, keyPath: keyPath(context.codingPath),
                                     problem: "not a finite number in range (\(context.debugDescription))",
                                     fix: "give a finite value")
        @unknown default:
            return DevicePresetError(.malformedJSON, file: file, keyPath: "", problem: "\(error)", fix: "fix the file")
        }
    }
}
