import Foundation

extension DevicePreset: Codable {
    /// The top-level keys, in listing order.
    static let keys = ["name", "description", "dac", "weights", "variation", "stuck", "read_noise", "drift", "adc",
                       "transfer", "black_box", "energy"]

    /// Decodes and validates a preset. Unknown keys at any level, wrong
    /// types and invalid values throw ``DevicePresetError``. Keys may be
    /// snake_case (as in `models/`) or camelCase (after a decoder's
    /// `convertFromSnakeCase`); absent sections and keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let r = try StrictReader(decoder, known: Self.keys)
        let d = DevicePreset()
        self.init(
            name: try r.value("name", default: d.name),
            description: try r.value("description", default: d.description),
            dac: try r.value("dac", default: d.dac),
            weights: try r.value("weights", default: d.weights),
            variation: try r.value("variation", default: d.variation),
            stuck: try r.value("stuck", default: d.stuck),
            readNoise: try r.value("read_noise", default: d.readNoise),
            drift: try r.value("drift", default: d.drift),
            adc: try r.value("adc", default: d.adc),
            transfer: try r.value("transfer", default: d.transfer),
            blackBox: try r.value("black_box", default: d.blackBox),
            energy: try r.value("energy", default: d.energy))
        try validate()
    }

    /// Encodes the fully resolved preset: every key of every section,
    /// defaults included, absent optionals as `null`, with snake_case keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.encode(name, forKey: AnyKey("name"))
        try c.encode(description, forKey: AnyKey("description"))
        try c.encode(dac, forKey: AnyKey("dac"))
        try c.encode(weights, forKey: AnyKey("weights"))
        try c.encode(variation, forKey: AnyKey("variation"))
        try c.encode(stuck, forKey: AnyKey("stuck"))
        try c.encode(readNoise, forKey: AnyKey("read_noise"))
        try c.encode(drift, forKey: AnyKey("drift"))
        try c.encode(adc, forKey: AnyKey("adc"))
        try c.encode(transfer, forKey: AnyKey("transfer"))
        try c.encode(blackBox, forKey: AnyKey("black_box"))
        try c.encode(energy, forKey: AnyKey("energy"))
    }

    /// The sections with their snake_case names, in listing order.
    var sections: [(name: String, fields: [(key: String, value: PresetValue)])] {
        [("dac", dac.fields), ("weights", weights.fields), ("variation", variation.fields), ("stuck", stuck.fields),
         ("read_noise", readNoise.fields), ("drift", drift.fields), ("adc", adc.fields),
         ("transfer", transfer.fields), ("black_box", blackBox.fields), ("energy", energy.fields)]
    }

    /// Every setting as a dotted snake_case key and its value as text
    /// (`none` for an absent optional), in a fixed order: `name`,
    /// `description`, then each section's keys. Meant for CSV columns.
    public func flattened() -> [(key: String, value: String)] {
        var out: [(key: String, value: String)] = [("name", name), ("description", description)]
        for (section, fields) in sections {
            for (key, value) in fields { out.append(("\(section).\(key)", value.text)) }
        }
        return out
    }

    /// The fully resolved preset as pretty-printed JSON with sorted
    /// snake_case keys, as the files in `models/` are written.
    public func jsonData() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self)
    }
}
