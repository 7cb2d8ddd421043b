// swift-tools-version:6.1
import PackageDescription

// Every target compiles in Swift 6 language mode with these upcoming features on.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "impostor",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "impostor", targets: ["impostor"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The executable is one file that forwards to ImpostorCommands.
        .executableTarget(
            name: "impostor",
            dependencies: ["ImpostorCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ImpostorCommands",
            dependencies: [
                "ImpostorCore", "ImpostorText", "ImpostorScoring", "ImpostorImaging", "ImpostorFetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // Value types every stage shares, and the watchlist loader.
        .target(
            name: "ImpostorCore",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swiftSettings
        ),

        // Unicode folding over system ICU. Swift never sees an ICU header (see CUnicode/include).
        .systemLibrary(name: "CICU", pkgConfig: "icu-i18n", providers: [.apt(["libicu-dev"])]),
        .target(name: "CUnicode", dependencies: ["CICU"]),
        .target(name: "ImpostorText", dependencies: ["CUnicode"], swiftSettings: swiftSettings),

        // Image decoding over TurboJPEG, libpng, libwebp and giflib; PDQ hashes in Swift.
        .target(
            name: "CImage",
            linkerSettings: [
                .linkedLibrary("turbojpeg"), .linkedLibrary("png16"), .linkedLibrary("webp"),
                .linkedLibrary("gif"),
            ]
        ),
        .target(name: "ImpostorImaging", dependencies: ["CImage", "ImpostorCore"], swiftSettings: swiftSettings),

        // Signals -> score and reasons. Pure: no I/O.
        .target(name: "ImpostorScoring", dependencies: ["ImpostorCore", "ImpostorText"], swiftSettings: swiftSettings),

        // The libcurl HTTP client and one adapter per source.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(
            name: "ImpostorFetch",
            dependencies: ["CCurl", "ImpostorCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),

        // Takedown reports and public warnings from editable templates. Pure: reads template files only.
        .target(name: "ImpostorDrafts", dependencies: ["ImpostorCore"], swiftSettings: swiftSettings),
        .testTarget(name: "ImpostorDraftsTests", dependencies: ["ImpostorDrafts", "ImpostorCore"], swiftSettings: swiftSettings),

        .testTarget(name: "ImpostorCoreTests", dependencies: ["ImpostorCore"], swiftSettings: swiftSettings),
        .testTarget(name: "ImpostorTextTests", dependencies: ["ImpostorText"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ImpostorScoringTests",
            dependencies: ["ImpostorScoring", "ImpostorCore", "ImpostorText"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ImpostorImagingTests",
            dependencies: ["ImpostorImaging", "ImpostorCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ImpostorFetchTests",
            dependencies: ["ImpostorFetch", "ImpostorCore", .product(name: "Logging", package: "swift-log")],
            exclude: ["Servers"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ImpostorCommandsTests",
            dependencies: ["ImpostorCommands", "ImpostorCore"],
            swiftSettings: swiftSettings
        ),
    ]
)
