// swift-tools-version: 6.1
// The ecwid-edit benchmark: a separate package so the main build never pays for it.
// Run everything with `scripts/bench` from the main package's directory.
import Foundation
import PackageDescription

// A path dependency's identity is its directory's name, whatever the checkout is called.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .lastPathComponent.lowercased()

let package = Package(
  name: "ecwid-edit-benchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(path: "..")
  ],
  targets: [
    .executableTarget(
      name: "ecwid-bench",
      dependencies: [
        .product(name: "Editor", package: mainPackage),
        .product(name: "Terminal", package: mainPackage),
        .product(name: "ProductDocument", package: mainPackage),
        .product(name: "EcwidAPI", package: mainPackage),
        .product(name: "ProductSamples", package: mainPackage),
      ]
    )
  ],
  swiftLanguageModes: [.v6]
)
