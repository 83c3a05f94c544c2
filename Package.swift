// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ffanalog",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "FFAnalog", targets: ["FFAnalog"]),
        .executable(name: "ffanalog", targets: ["ffanalog"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // C libraries, each behind a shim named C<Lib>.
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]),
        .systemLibrary(
            name: "CGSL", pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),

        // Dense Float matrices, BLAS products and elementwise kernels.
        .target(name: "FFNumerics", dependencies: ["COpenBLAS"]),
        // Seeded random numbers: GSL distributions plus a fast Gaussian stream.
        .target(name: "FFRandom", dependencies: ["CGSL", "FFNumerics"]),
        // IDX files, dataset discovery, verification and download.
        .target(
            name: "FFDatasets",
            dependencies: ["CZlib", "FFNumerics", .product(name: "Crypto", package: "swift-crypto")]),
        // Layers, goodness functions, optimizers, Forward-Forward and backprop trainers.
        .target(name: "FFTraining", dependencies: ["FFNumerics", "FFRandom"]),
        // Simulated analog crossbars: presets, non-idealities, analog layers, the oracle model.
        .target(name: "FFDevice", dependencies: ["FFNumerics", "FFRandom", "FFTraining"]),
        // Standalone SVG charts and HTML reports of results.
        .target(name: "FFPlots"),
        // Results, checkpoints and their on-disk formats.
        .target(name: "FFResults", dependencies: ["CZlib", "FFNumerics", "FFDatasets", "FFTraining"]),
        // Experiments: train runs now; device simulations, comparisons and sweeps later.
        .target(name: "FFExperiments", dependencies: ["FFNumerics", "FFRandom", "FFDatasets", "FFTraining", "FFDevice", "FFResults", "FFPlots"]),
        // Umbrella module re-exporting the library.
        .target(name: "FFAnalog", dependencies: ["FFNumerics", "FFRandom", "FFDatasets", "FFTraining", "FFDevice", "FFResults", "FFPlots", "FFExperiments"]),
        // The thin command-line front end.
        .executableTarget(
            name: "ffanalog",
            dependencies: ["FFAnalog", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        .testTarget(name: "FFNumericsTests", dependencies: ["FFNumerics"]),
        .testTarget(name: "FFRandomTests", dependencies: ["FFRandom"]),
        .testTarget(name: "FFDatasetsTests", dependencies: ["FFDatasets"]),
        .testTarget(name: "FFTrainingTests", dependencies: ["FFTraining"]),
        .testTarget(name: "FFDeviceTests", dependencies: ["FFDevice"]),
        .testTarget(name: "FFResultsTests", dependencies: ["FFResults"]),
        .testTarget(name: "FFPlotsTests", dependencies: ["FFPlots"]),
        .testTarget(name: "FFExperimentsTests", dependencies: ["FFExperiments"]),
        .testTarget(name: "ffanalogTests", dependencies: ["ffanalog"]),
    ]
)
