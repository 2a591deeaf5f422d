// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cluster-review",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cluster-review", targets: ["CLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "OOXML",
            dependencies: ["CLibXML2", "ZIPFoundation"]
        ),
        .target(
            name: "Forms",
            dependencies: ["OOXML", "Yams"]
        ),
        .target(
            name: "Review",
            dependencies: ["Forms", "OOXML"]
        ),
        .target(
            name: "Opinion",
            dependencies: ["Review", "Forms", "OOXML", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .executableTarget(
            name: "CLI",
            dependencies: [
                "OOXML", "Forms", "Review", "Opinion",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Builds small .docx inputs from XML strings; used by the tests only.
        .target(name: "TestSupport", dependencies: ["OOXML", "Forms"]),
        .testTarget(name: "OOXMLTests", dependencies: ["OOXML", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "FormsTests", dependencies: ["Forms", "OOXML", "TestSupport"]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Forms", "OOXML", "Opinion", "TestSupport"]),
    ]
)
