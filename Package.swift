// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "agenda-audit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "agenda-audit", targets: ["agenda-audit"]),
        .library(name: "AgendaAudit", targets: ["AgendaAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Hummingbird's own dependencies, named for `serve`'s connection guard (a NIO channel handler).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // poppler-glib: the text of PDF pages (Debian libpoppler-glib8), loaded with dlopen at the first PDF
        // rather than linked, so that its ~40 libraries do not slow the start of every command.
        .target(
            name: "CPoppler",
            linkerSettings: [.linkedLibrary("dl")]
        ),
        .target(
            name: "AgendaAudit",
            dependencies: ["CLibXML2", "CPoppler", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // Release builds skip the run-time exclusivity checks (swift_beginAccess on every access to a class's
            // stored property: the per-worker caches are read per token). Debug builds, and so `swift test`, keep them.
            // Release builds also reach generic types' metadata (a Set or Dictionary of our own types) through accessor
            // functions rather than by mangled name: a mangled name makes the runtime look up each conformance it needs
            // (Hashable of the key) by scanning all ~8,100 conformance records of the static binary, once per type.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked",
                                          "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
                                         .when(configuration: .release))]
        ),
        .executableTarget(
            name: "agenda-audit",
            dependencies: [
                "AgendaAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            // Release builds on Linux link the Swift runtime and Foundation statically (the flag at compile time too,
            // so that Foundation's own libraries are linked with it): the dynamic loader then loads and binds none of
            // their symbols at start-up, about 6 ms of every command (`check` of one agenda 37 -> 31 ms, farm-bench).
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
                            .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
                                         .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        // The fuzz target: a replay driver in a normal build, the libFuzzer entry
        // when Fuzz/run.sh builds it with -sanitize=fuzzer and -D AGENDA_FUZZ.
        .executableTarget(
            name: "agenda-audit-fuzz",
            dependencies: ["AgendaAudit"]
        ),
        .testTarget(
            name: "AgendaAuditTests",
            dependencies: ["AgendaAudit", "agenda-audit"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
