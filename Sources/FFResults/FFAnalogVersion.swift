/// The version of ffanalog recorded in every result.
public enum FFAnalogVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
