// swift-tools-version:6.1
import PackageDescription

// A separate package so the main build stays lean. It compiles the real imaging sources through
// symlinks (Sources/CImage, Sources/ImpostorImaging, and only Core's PerceptualHash.swift, RegularFile.swift
// and ContentHash.swift), so the figures are for the same code `impostor` runs, without the main
// package's dependencies.
let package = Package(
    name: "imaging-bench",
    targets: [
        .target(
            name: "CImage",
            linkerSettings: [
                .linkedLibrary("turbojpeg"), .linkedLibrary("png16"), .linkedLibrary("webp"), .linkedLibrary("gif"),
            ]
        ),
        .target(name: "ImpostorCore"),
        .target(name: "ImpostorImaging", dependencies: ["CImage", "ImpostorCore"]),
        .executableTarget(name: "imaging-bench", dependencies: ["ImpostorImaging", "ImpostorCore"]),
    ]
)
