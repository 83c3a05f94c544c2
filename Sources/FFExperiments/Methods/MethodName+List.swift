extension MethodName {
    /// The methods `simulate`, `compare` and `sweep` run when `--methods` is
    /// not given: FF and the five backprop baselines. The FF variants run
    /// only when listed.
    public static let standard: [MethodName] = [.ff, .bpIdeal, .bpOffline, .bpHWA, .bpPAT, .bpOracle]

    /// Whether the method trains with the FF configuration (FF and its variants).
    public var isFF: Bool { self == .ff || self == .ffRecurrent || self == .ffUnsupervised }

    /// Parses a comma-separated method list such as `ff,bp-offline`.
    /// - Parameter text: The `--methods` value.
    /// - Returns: The methods in the order given.
    /// - Throws: ``SweepError`` for an unknown or repeated method, or an empty list.
    public static func list(parsing text: String) throws(SweepError) -> [MethodName] {
        var methods = [MethodName]()
        for part in text.split(separator: ",") {
            let name = String(part.filter { $0 != " " })
            guard let method = MethodName(rawValue: name) else { throw .unknownMethod(name) }
            guard !methods.contains(method) else { throw .duplicateMethod(name) }
            methods.append(method)
        }
        guard !methods.isEmpty else { throw .noMethods }
        return methods
    }
}
