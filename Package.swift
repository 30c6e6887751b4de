// swift-tools-version:6.1
import PackageDescription

// A release build lets the compiler see through the modules' boundaries: the text scanner's
// generic helpers were called unspecialized from the analysis, asking the runtime for type
// metadata at every call (analysis 7% faster; sites byte-identical). Unsafe flags keep the
// package from being a versioned dependency of another, which `digest`, a program, is not.
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "digest",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "digest", targets: ["digest"]),
        .library(name: "DigestKit", targets: ["DigestKit"]),
        .library(name: "ArabicText", targets: ["ArabicText"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The preview server only; no traits, so swift-configuration is not built.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The allocator of the `digest` program (see `Allocator`); the libraries leave it alone.
        .systemLibrary(
            name: "Cmimalloc",
            providers: [.apt(["libmimalloc-dev"]), .brew(["mimalloc"])]
        ),
        .target(name: "ArabicText", resources: [.copy("Resources")], swiftSettings: crossModule),
        .target(
            name: "DigestKit",
            dependencies: [
                "ArabicText",
                "Ccmark",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: crossModule
        ),
        .target(
            name: "DigestPreview",
            dependencies: [
                "DigestKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "digest",
            dependencies: [
                "DigestKit",
                "DigestPreview",
                "Cmimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ArabicTextTests", dependencies: ["ArabicText"]),
        .testTarget(
            name: "DigestKitTests",
            dependencies: ["DigestKit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "DigestPreviewTests", dependencies: ["DigestPreview"]),
    ]
)
