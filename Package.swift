// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "ecwid-edit",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "ecwid-edit", targets: ["ecwid-edit"]),
    .library(name: "EcwidAPI", targets: ["EcwidAPI"]),
    .library(name: "ProductDocument", targets: ["ProductDocument"]),
    .library(name: "EcwidSandbox", targets: ["EcwidSandbox"]),
    // For the benchmark package (Benchmarks/), which drives Model.update/view and Screen.
    .library(name: "Editor", targets: ["Editor"]),
    .library(name: "Terminal", targets: ["Terminal"]),
    // Deterministic sample products for the tests and the benchmark (not part of the binary).
    .library(name: "ProductSamples", targets: ["ProductSamples"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    // Already built for async-http-client; named for NIOFoundationCompat (an answer's bytes as Data, uncopied).
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
  ],
  targets: [
    .target(
      name: "EcwidAPI",
      dependencies: [
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
        .product(name: "OrderedCollections", package: "swift-collections"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .target(name: "ProductDocument", dependencies: ["EcwidAPI"]),
    .target(name: "ProductSamples", dependencies: ["EcwidAPI"]),
    .target(name: "ProductSync", dependencies: ["ProductDocument", "EcwidAPI"]),
    .target(
      name: "EcwidSandbox",
      dependencies: [
        "EcwidAPI",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
      ],
      // The sample catalog's JSON, one file per product (read through Bundle.module).
      resources: [.copy("SampleCatalog")]
    ),
    .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
    .target(
      name: "CNcursesShim", dependencies: ["CNcurses"], path: "Sources/CNcursesShim",
      linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("tinfo")]),
    .target(name: "Terminal", dependencies: ["CNcursesShim"]),
    .target(name: "DraftJournal", dependencies: ["EcwidAPI"]),
    .target(
      name: "Editor", dependencies: ["ProductDocument", "ProductSync", "EcwidAPI", "Terminal", "DraftJournal"]),
    // The effect runner: terminal, HTTP, journal writes, $EDITOR, timers and signals (Editor stays pure).
    // Signal handlers, job control and handing the terminal to `$EDITOR` (C, for the runtime only).
    .target(name: "CRuntimeShim", path: "Sources/CRuntimeShim"),
    .target(
      name: "EditorRuntime",
      dependencies: ["Editor", "ProductDocument", "ProductSync", "EcwidAPI", "Terminal", "DraftJournal", "CRuntimeShim"]),
    .executableTarget(
      name: "ecwid-edit",
      dependencies: [
        "EcwidAPI", "ProductDocument", "ProductSync", "EcwidSandbox", "Editor", "EditorRuntime", "Terminal", "DraftJournal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      // `--static-swift-stdlib` links with -export-dynamic, which lists our 38,000 functions in the
      // dynamic symbol table; nothing looks them up there, and the runtime's `dladdr` at start
      // walked them all (2 ms of every start). Release builds only: the tests' debug build is as it was.
      linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(configuration: .release))]
    ),
    // Test-only: the trait that moves long or blocking tests off the cooperative pool.
    .target(name: "TestSupport", dependencies: ["EcwidSandbox"], path: "Tests/TestSupport"),
    .testTarget(
      name: "EcwidAPITests",
      dependencies: [
        "EcwidAPI", "EcwidSandbox",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "ProductDocumentTests",
      dependencies: [
        "ProductDocument", "ProductSync", "EcwidAPI", "EcwidSandbox", "ProductSamples", "TestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(name: "DraftJournalTests", dependencies: ["DraftJournal", "EcwidAPI", "ProductDocument"]),
    .testTarget(
      name: "EcwidSandboxTests",
      dependencies: ["EcwidSandbox", "EcwidAPI", .product(name: "AsyncHTTPClient", package: "async-http-client")]
    ),
    .testTarget(
      name: "TerminalTests", dependencies: ["Terminal", .product(name: "PropertyBased", package: "swift-property-based")]),
    .testTarget(
      name: "EditorTests",
      dependencies: ["Editor", "Terminal", "ProductDocument", "EcwidAPI", "EcwidSandbox", "ProductSamples", "TestSupport"],
      // The golden screens are read from the source tree (#filePath), not bundled.
      exclude: ["__Snapshots__"]),
    // The real runtime loop against a scripted TerminalBackend and a sandbox on 127.0.0.1.
    .testTarget(
      name: "EditorRuntimeTests",
      dependencies: [
        "EditorRuntime", "Editor", "Terminal", "EcwidAPI", "EcwidSandbox", "DraftJournal", "ProductSamples", "TestSupport",
      ]),
    .testTarget(name: "EndToEndTests", dependencies: ["EcwidAPI", "EcwidSandbox", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
