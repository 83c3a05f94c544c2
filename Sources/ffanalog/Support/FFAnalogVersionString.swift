import FFAnalog

enum FFAnalogVersionString {
    static let value = FFAnalogVersion.current
}
