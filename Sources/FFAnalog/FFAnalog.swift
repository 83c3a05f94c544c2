// The umbrella module: `import FFAnalog` brings in the whole library.
@_exported import FFNumerics
@_exported import FFRandom
@_exported import FFDatasets
@_exported import FFTraining
@_exported import FFDevice
@_exported import FFResults
@_exported import FFPlots
@_exported import FFExperiments
