// swift-tools-version:6.1
import PackageDescription

// Every target compiles in Swift 6 language mode with these upcoming features on.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// The scoring path (core, text, scoring) is what a scan spends its CPU on: in release, its class
// properties skip the run-time exclusivity check, whose bookkeeping cost more than the reads.
let hotPathSettings: [SwiftSetting] = swiftSettings + [
    .unsafeFlags(["-enforce-exclusivity=unchecked", "-cross-module-optimization"], .when(configuration: .release))
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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
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
                "ImpostorStore", "ImpostorWeb", "ImpostorDaemon", "ImpostorDrafts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
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
        .target(name: "ImpostorText", dependencies: ["CUnicode"], swiftSettings: hotPathSettings),

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
        .target(name: "ImpostorScoring", dependencies: ["ImpostorCore", "ImpostorText"], swiftSettings: hotPathSettings),

        // The libcurl HTTP client and one adapter per source.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(
            name: "ImpostorFetch",
            dependencies: ["CCurl", "ImpostorCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),

        // The case store: SQLite through GRDB, or PostgreSQL through PostgresNIO. The only module that
        // imports either.
        .target(
            name: "ImpostorStore",
            dependencies: [
                "ImpostorCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // The clerk's review page (Hummingbird), loopback by default; clerks sign in on a shared store.
        .target(
            name: "ImpostorWeb",
            dependencies: [
                "ImpostorCore", "ImpostorText", "ImpostorStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // One scan pass (fetch -> hash -> score -> store), the digest, and the long-running services.
        .target(
            name: "ImpostorDaemon",
            dependencies: [
                "ImpostorCore", "ImpostorScoring", "ImpostorImaging", "ImpostorFetch", "ImpostorStore", "ImpostorWeb",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),

        // Takedown reports and public warnings from editable templates. Pure: reads template files only.
        .target(name: "ImpostorDrafts", dependencies: ["ImpostorCore"], swiftSettings: swiftSettings),
        // The fuzz targets over every reader of strangers' text and bytes: libFuzzer's entry point in a
        // `-sanitize=fuzzer -DFUZZING` build (scripts/fuzz), a replayer of saved inputs otherwise.
        .executableTarget(
            name: "impostor-fuzz",
            dependencies: ["ImpostorCore", "ImpostorText", "ImpostorImaging", "ImpostorFetch"],
            path: "Fuzz/Sources",
            swiftSettings: swiftSettings
        ),
        // One scratch folder per test run under /tmp, for every test target.
        .target(name: "TestScratch", path: "Tests/TestScratch", swiftSettings: swiftSettings),
        // A private PostgreSQL server (initdb in /tmp) for the tests of the shared store.
        .target(name: "TestPostgres", path: "Tests/TestPostgres", swiftSettings: swiftSettings),

        .testTarget(name: "ImpostorDraftsTests", dependencies: ["ImpostorDrafts", "ImpostorCore", "TestScratch"], swiftSettings: swiftSettings),

        .testTarget(name: "ImpostorCoreTests", dependencies: ["ImpostorCore", "TestScratch"], swiftSettings: swiftSettings),
        .testTarget(name: "ImpostorTextTests", dependencies: ["ImpostorText"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ImpostorScoringTests",
            dependencies: ["ImpostorScoring", "ImpostorCore", "ImpostorText", "TestScratch"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ImpostorImagingTests",
            dependencies: ["ImpostorImaging", "ImpostorCore"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ImpostorFetchTests",
            dependencies: ["ImpostorFetch", "ImpostorCore", "TestScratch", .product(name: "Logging", package: "swift-log")],
            exclude: ["Servers"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ImpostorStoreTests",
            dependencies: [
                "ImpostorStore", "ImpostorCore", "TestScratch", "TestPostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ImpostorWebTests",
            dependencies: [
                "ImpostorWeb", "ImpostorStore", "ImpostorCore", "ImpostorImaging", "ImpostorScoring", "ImpostorDaemon",
                "TestScratch", "TestPostgres", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            // The Chromium driver (Python), run by BrowserTests against `impostor serve`.
            exclude: ["Browser"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ImpostorDaemonTests",
            dependencies: [
                "ImpostorDaemon", "ImpostorStore", "ImpostorCore", "ImpostorImaging", "ImpostorScoring", "TestScratch",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ImpostorCommandsTests",
            dependencies: ["ImpostorCommands", "ImpostorCore", "TestScratch", "TestPostgres", "ImpostorStore"],
            swiftSettings: swiftSettings
        ),
    ]
)
