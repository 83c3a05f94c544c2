/// Why ``ChartBuilder`` could not build a chart from a table.
public enum ChartBuilderError: Error, Equatable, CustomStringConvertible {
    /// No row (after filtering, for the x, y and series columns) has this column.
    case missingColumn(String)
    /// A field that should be a number is not one. `row` is the 1-based data row (header excluded).
    case notANumber(column: String, value: String, row: Int)

    /// A message naming the column and, for bad numbers, the row and value.
    public var description: String {
        switch self {
        case .missingColumn(let name):
            return "no row has a column named \"\(name)\""
        case .notANumber(let column, let value, let row):
            return "data row \(row), column \"\(column)\": \"\(value)\" is not a number"
        }
    }
}
