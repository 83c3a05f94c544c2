/// Parses an option's comma-separated list of positive integers ("500,500").
/// - Parameter text: The option's value.
/// - Returns: The integers, or `nil` when the list is empty or an entry is
///   not an integer ≥ 1 (the caller then throws its own message).
func positiveIntegerList(_ text: String) -> [Int]? {
    var values: [Int] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
        guard let v = Int(part.trimmingCharacters(in: .whitespaces)), v >= 1 else { return nil }
        values.append(v)
    }
    return values.isEmpty ? nil : values
}
