extension AnalogLayer: CustomReflectable {
    /// Only what is public: reflection (`Mirror`, `dump`) would otherwise
    /// list the hidden instance's stored properties.
    public var customMirror: Mirror {
        Mirror(self, children: ["inputSize": inputSize, "outputSize": outputSize, "activation": activation,
                                "nominal": nominal, "counters": counters, "readTime": readTime,
                                "driftCompensation": driftCompensation],
               displayStyle: .class)
    }
}

extension OracleLayerModel: CustomReflectable {
    /// Nothing of the instance it differentiates.
    public var customMirror: Mirror { Mirror(self, children: KeyValuePairs<String, Any>(), displayStyle: .struct) }
}
